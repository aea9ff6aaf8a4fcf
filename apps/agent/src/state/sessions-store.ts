import { create } from 'zustand';
import { readJson, writeJson } from '@switchboard/web';

type Saved = { openIds: string[]; activeId: string | null };

type SessionsState = Saved & {
  ownerId: string | null;
  /** Loads the open sessions of this user (CV5: they survive a reload). */
  hydrate(userId: string): void;
  open(id: string): void;
  close(id: string): void;
  activate(id: string): void;
};

const keyFor = (userId: string) => `switchboard.agent.sessions.${userId}`;

export const useSessions = create<SessionsState>((set, get) => {
  function save(next: Saved) {
    const { ownerId } = get();
    set(next);
    if (ownerId) writeJson(keyFor(ownerId), next);
  }
  return {
    ownerId: null,
    openIds: [],
    activeId: null,
    hydrate(userId) {
      if (get().ownerId === userId) return;
      const saved = readJson<Saved>(keyFor(userId));
      const openIds = Array.isArray(saved?.openIds) ? saved.openIds.filter((id) => typeof id === 'string') : [];
      const activeId = saved?.activeId && openIds.includes(saved.activeId) ? saved.activeId : (openIds[0] ?? null);
      set({ ownerId: userId, openIds, activeId });
    },
    open(id) {
      const { openIds } = get();
      save({ openIds: openIds.includes(id) ? openIds : [...openIds, id], activeId: id });
    },
    close(id) {
      const { openIds, activeId } = get();
      const index = openIds.indexOf(id);
      const rest = openIds.filter((x) => x !== id);
      const nextActive = activeId === id ? (rest[Math.min(index, rest.length - 1)] ?? null) : activeId;
      save({ openIds: rest, activeId: nextActive });
    },
    activate(id) {
      save({ openIds: get().openIds, activeId: id });
    },
  };
});
