import { addToOutbox, outboxPortOver, type OutboxEntry, type OutboxMessage } from '@switchboard/live';
import { create } from 'zustand';
import { readJson, writeJson } from '@switchboard/web';

/** An agent's message: to the customer, or an internal note. */
export type AgentMessage = OutboxMessage & { internal: boolean };
export type AgentOutboxEntry = OutboxEntry<AgentMessage>;

type OutboxState = {
  ownerId: string | null;
  entries: AgentOutboxEntry[];
  /** Loads this user's unsent messages: a reload sends them again (CV5: nothing lost). */
  hydrate(userId: string): void;
  add(entry: AgentOutboxEntry): void;
};

const keyFor = (userId: string) => `switchboard.agent.outbox.${userId}`;

export const useOutbox = create<OutboxState>((set, get) => ({
  ownerId: null,
  entries: [],
  hydrate(userId) {
    if (get().ownerId === userId) return;
    const saved = readJson<AgentOutboxEntry[]>(keyFor(userId));
    set({ ownerId: userId, entries: Array.isArray(saved) ? saved : [] });
  },
  add(entry) {
    set((s) => ({ entries: addToOutbox(s.entries, entry) }));
  },
}));

// Persist every change, before the next send attempt can race a reload.
useOutbox.subscribe((s, prev) => {
  if (s.ownerId && s.entries !== prev.entries) writeJson(keyFor(s.ownerId), s.entries);
});

export const outboxPort = outboxPortOver(
  () => useOutbox.getState().entries,
  (edit) => useOutbox.setState((s) => ({ entries: edit(s.entries) })),
);
