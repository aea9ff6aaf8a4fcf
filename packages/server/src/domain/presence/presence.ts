import type { CapacityProfile, CustomPresence, Presence } from '@switchboard/protocol';
import { atSessionLimit } from '../routing/capacity.js';

/** Reconnecting within this long restores the presence the agent had (AG1). */
export const RECONNECT_GRACE_MS = 150_000;

const BASE: readonly Presence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline'];

/** A presence the agent (or a supervisor) chose by hand; routing sees only its base. */
export type ManualPresence = { presence: Presence; setAt: Date; customPresenceId: string | null };

/** An agent's presence facts; the presence routing sees is derived by `effectivePresence`. */
export type PresenceState = {
  manual: ManualPresence | null;
  lastActivityAt: Date;
  connected: boolean;
  disconnectedAt: Date | null;
  /** The manual presence in force at the last disconnect, restored on a quick reconnect. */
  presenceBeforeDisconnect: ManualPresence | null;
};

/** What presence is computed from: units and the profiles the agent holds, with their use. */
export type CapacityUse = {
  capacity: number;
  usedCapacity: number;
  profiles: Readonly<Record<string, { limit: number; used: number }>>;
  /** Conversations the agent holds: at the session limit the agent shows as full. */
  sessions: number;
};

/** The organisation's rule for a full agent (AG1): the session limit (null: none) and what full shows. */
export type FullRule = { sessionLimit: number | null; fullPresence: 'busy' | 'busy-dnd' };

/** AG1: full shows Busy, with no session limit, unless the admin chose otherwise. */
export const DEFAULT_FULL_RULE: FullRule = { sessionLimit: null, fullPresence: 'busy' };

/** The base presence of a base name or a custom presence id (AG1); null if unknown. */
export function basePresence(value: string, custom: ReadonlyMap<string, CustomPresence>): Presence | null {
  if ((BASE as readonly string[]).includes(value)) return value as Presence;
  return custom.get(value)?.base ?? null;
}

const full = (used: number, limit: number) => used >= limit;

/**
 * Presence from capacity (AG1): nothing in use → available; in use with room → busy;
 * exhausted or over → full. With profiles, the profile side is exhausted when every blocking
 * profile is (or, with none blocking, every profile); units and profiles together are full only
 * when both sides are exhausted. Holding the session limit's conversations is full whatever the
 * capacity. Full shows Busy, or Do not disturb when the admin chose that (`rule.fullPresence`).
 */
export function computedPresence(
  use: CapacityUse,
  profiles: ReadonlyMap<string, CapacityProfile> = new Map(),
  rule: FullRule = DEFAULT_FULL_RULE,
): Presence {
  const held = Object.entries(use.profiles);
  const inUse = use.usedCapacity > 0 || held.some(([, p]) => p.used > 0);
  if (atSessionLimit(use.sessions, rule.sessionLimit)) return rule.fullPresence;
  if (!inUse) return 'available';
  const sides: boolean[] = [];
  if (use.capacity > 0 || use.usedCapacity > use.capacity) sides.push(full(use.usedCapacity, use.capacity));
  if (held.length > 0) {
    const blocking = held.filter(([id]) => profiles.get(id)?.blocksAssignment ?? true);
    const decisive = blocking.length > 0 ? blocking : held;
    sides.push(decisive.every(([, p]) => full(p.used, p.limit)));
  }
  return sides.length > 0 && sides.every(Boolean) ? rule.fullPresence : 'busy';
}

/**
 * Sign-in (§1.7): a default of away or offline is where the agent starts (as if set by hand,
 * so it lasts until they change it); any other default means presence is computed.
 */
export function signIn(defaultPresence: Presence, now: Date, customPresenceId: string | null = null): PresenceState {
  const starts = defaultPresence === 'away' || defaultPresence === 'offline';
  return {
    manual: starts ? { presence: defaultPresence, setAt: now, customPresenceId } : null,
    lastActivityAt: now,
    connected: true,
    disconnectedAt: null,
    presenceBeforeDisconnect: null,
  };
}

/** The agent (or a supervisor) sets a presence by hand; a custom one carries its base. */
export function setManual(
  state: PresenceState,
  presence: Presence,
  now: Date,
  customPresenceId: string | null = null,
): PresenceState {
  return { ...state, manual: { presence, setAt: now, customPresenceId }, lastActivityAt: now };
}

/** Back to computed presence (the agent picks "reset"). */
export function clearManual(state: PresenceState): PresenceState {
  return { ...state, manual: null };
}

const idleFor = (state: PresenceState, now: Date, idleMinutes: number) =>
  now.getTime() - state.lastActivityAt.getTime() >= idleMinutes * 60_000;

/** Activity from the agent. After an idle spell the manual presence is gone (§1.7: it clears on inactivity). */
export function activity(state: PresenceState, now: Date, idleMinutes: number): PresenceState {
  const manual = state.manual && idleFor(state, now, idleMinutes) ? null : state.manual;
  return { ...state, manual, lastActivityAt: now };
}

/** A manual available or busy lasts until the next accept or close; then presence is computed (§1.7). */
export function onAcceptOrClose(state: PresenceState): PresenceState {
  const p = state.manual?.presence;
  return p === 'available' || p === 'busy' ? { ...state, manual: null } : state;
}

/** Tab closed or network lost: offline at once; the manual presence is kept for a quick return. */
export function disconnect(state: PresenceState, now: Date): PresenceState {
  if (!state.connected) return state;
  return { ...state, connected: false, disconnectedAt: now, presenceBeforeDisconnect: state.manual, manual: null };
}

/** Back within 2.5 minutes: the previous presence returns; later: computed again (§1.7). */
export function reconnect(state: PresenceState, now: Date): PresenceState {
  if (state.connected) return { ...state, lastActivityAt: now };
  const away =
    state.disconnectedAt === null ? Number.POSITIVE_INFINITY : now.getTime() - state.disconnectedAt.getTime();
  const manual = away <= RECONNECT_GRACE_MS ? state.presenceBeforeDisconnect : null;
  return { manual, lastActivityAt: now, connected: true, disconnectedAt: null, presenceBeforeDisconnect: null };
}

/** Sign-out clears the manual presence for good: the next sign-in starts afresh. */
export function signOut(state: PresenceState, now: Date): PresenceState {
  return { ...state, manual: null, connected: false, disconnectedAt: now, presenceBeforeDisconnect: null };
}

/**
 * The presence routing sees now (AG1): offline while disconnected; a manual presence
 * while the agent is active; computed from capacity otherwise. An agent idle for `idleMinutes`
 * with a manual presence loses it and shows as away (the reference's system "Inactive", whose
 * base is away) until the next activity, so an idle agent who had set away never turns available.
 * At the session limit a manual Available or Busy gives way to the full presence (Busy, or Do
 * not disturb when the admin chose that).
 */
export function effectivePresence(
  state: PresenceState,
  use: CapacityUse,
  now: Date,
  idleMinutes: number,
  profiles: ReadonlyMap<string, CapacityProfile> = new Map(),
  rule: FullRule = DEFAULT_FULL_RULE,
): Presence {
  if (!state.connected) return 'offline';
  if (state.manual) {
    if (idleFor(state, now, idleMinutes)) return 'away';
    const yields = state.manual.presence === 'available' || state.manual.presence === 'busy';
    return yields && atSessionLimit(use.sessions, rule.sessionLimit) ? rule.fullPresence : state.manual.presence;
  }
  return computedPresence(use, profiles, rule);
}
