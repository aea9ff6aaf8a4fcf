import { create } from 'zustand';
import type { OutboxEntry, OutboxStorePort } from '../lib/outbox';
import { readJson, writeJson } from '@switchboard/web';

type OutboxState = {
  ownerId: string | null;
  entries: OutboxEntry[];
  /** Loads this user's unsent messages: a reload sends them again (CV5: nothing lost). */
  hydrate(userId: string): void;
  add(entry: OutboxEntry): void;
};

const keyFor = (userId: string) => `switchboard.agent.outbox.${userId}`;

export const useOutbox = create<OutboxState>((set, get) => ({
  ownerId: null,
  entries: [],
  hydrate(userId) {
    if (get().ownerId === userId) return;
    const saved = readJson<OutboxEntry[]>(keyFor(userId));
    set({ ownerId: userId, entries: Array.isArray(saved) ? saved : [] });
  },
  add(entry) {
    set((s) => ({ entries: [...s.entries, entry] }));
  },
}));

// Persist every change, before the next send attempt can race a reload.
useOutbox.subscribe((s, prev) => {
  if (s.ownerId && s.entries !== prev.entries) writeJson(keyFor(s.ownerId), s.entries);
});

export const outboxPort: OutboxStorePort = {
  list: () => useOutbox.getState().entries,
  update: (id, patch) =>
    useOutbox.setState((s) => ({ entries: s.entries.map((e) => (e.clientMessageId === id ? { ...e, ...patch } : e)) })),
  remove: (id) => useOutbox.setState((s) => ({ entries: s.entries.filter((e) => e.clientMessageId !== id) })),
};
