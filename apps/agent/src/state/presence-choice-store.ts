import type { StaffUser } from '@switchboard/protocol';
import { create } from 'zustand';
import { keepChoice, type PresenceChoice } from '../lib/presence-choice';
import { readJson, removeKey, writeJson } from '@switchboard/web';
import { useAuth } from './auth-store';

type PresenceChoiceState = {
  ownerId: string | null;
  /** The custom presence the agent chose (AG1), while the server's base presence matches it. */
  chosen: PresenceChoice | null;
  choose(chosen: PresenceChoice | null): void;
};

const keyFor = (userId: string) => `switchboard.agent.presence.${userId}`;

const isChoice = (value: unknown): value is PresenceChoice =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PresenceChoice).id === 'string' &&
  typeof (value as PresenceChoice).base === 'string';

export const usePresenceChoice = create<PresenceChoiceState>((set, get) => ({
  ownerId: null,
  chosen: null,
  choose(chosen) {
    const { ownerId } = get();
    set({ chosen });
    if (!ownerId) return;
    if (chosen) writeJson(keyFor(ownerId), chosen);
    else removeKey(keyFor(ownerId));
  },
}));

/**
 * Follows the signed-in user: loads their choice (it survives a reload), drops it once the server's
 * presence (sign-in refresh, setPresence answer, `presence` socket event) ends it (`keepChoice`),
 * and forgets it on sign-out.
 */
function follow(user: StaffUser | null) {
  const state = usePresenceChoice.getState();
  if (!user) {
    if (state.ownerId) removeKey(keyFor(state.ownerId));
    if (state.ownerId || state.chosen) usePresenceChoice.setState({ ownerId: null, chosen: null });
    return;
  }
  if (state.ownerId !== user.id) {
    const saved = readJson<unknown>(keyFor(user.id));
    usePresenceChoice.setState({ ownerId: user.id, chosen: isChoice(saved) ? saved : null });
  }
  const { chosen } = usePresenceChoice.getState();
  if (chosen && !keepChoice(chosen, user.presence)) usePresenceChoice.getState().choose(null);
}

follow(useAuth.getState().user);
useAuth.subscribe((s, prev) => {
  if (s.user !== prev.user) follow(s.user);
});
