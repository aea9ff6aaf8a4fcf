import type { Presence } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import * as model from '../domain/presence/presence.js';
import type { Db } from '../store/db.js';
import { idleAgents, lockPresence, savePresence, touchActivity } from '../store/presence.js';
import { resetEndOfDayProfiles } from '../store/routing.js';
import { getSettings, listCapacityProfiles, listPresences } from '../store/routing-config.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';
import { EventLog } from './event-log.js';

type Transition = (state: model.PresenceState, now: Date, idleMinutes: number) => model.PresenceState;

/**
 * Keeps `users.presence` — what routing reads — in step with the agent's presence facts and
 * capacity (AG1). Every change goes through `change`, in the caller's transaction when
 * there is one (claims, closes), so presence and capacity never disagree after a commit.
 */
/** Activity is written at most this often per agent and node: idle time counts in minutes (AG1). */
export const ACTIVITY_WRITE_GAP_MS = 30_000;

type PresenceDeps = {
  db: Db;
  clock: Clock;
  bus: EventBus;
  onRoutable: (orgId: string) => void;
  /** When this node last wrote each agent's activity (ms); passed in so a test can look. */
  lastActivity?: Map<string, number>;
};

export function createPresenceService({ db, clock, bus, onRoutable, lastActivity = new Map() }: PresenceDeps) {
  async function change(
    tx: Db,
    log: EventLog,
    orgId: string,
    userId: string,
    transition: Transition,
  ): Promise<Presence | null> {
    const now = clock.now();
    const row = await lockPresence(tx, orgId, userId, now);
    if (!row) return null;
    const [settings, profiles] = await Promise.all([getSettings(tx, orgId), listCapacityProfiles(tx, orgId)]);
    const state = transition(row.state, now, settings.idleMinutes);
    const profileMap = new Map(profiles.map((p) => [p.id, p]));
    const presence = model.effectivePresence(state, row, now, settings.idleMinutes, profileMap, settings);
    await savePresence(tx, orgId, userId, state, presence);
    if (presence !== row.presence) log.add({ kind: 'presence-changed', orgId, userId, presence });
    return presence;
  }

  /** Runs a change in its own transaction, publishes, and lets routing use a newly free agent. */
  async function standalone(orgId: string, userId: string, transition: Transition): Promise<Presence> {
    let log = new EventLog();
    const presence = await transaction(db, (tx) => change(tx, (log = new EventLog()), orgId, userId, transition));
    if (presence === null) throw notFound('user');
    bus.publish(log.pending);
    if (log.pending.length) onRoutable(orgId);
    return presence;
  }

  return {
    /** Inside a claim or release: recompute from the new capacity use. */
    recompute: (tx: Db, log: EventLog, orgId: string, userId: string) => change(tx, log, orgId, userId, (s) => s),
    /**
     * An offer rejected or let run out: presence follows capacity, unless the organisation turned on
     * "missed → inactive" or "reject → do not disturb" (AG1); then it is set as if by hand.
     */
    async declined(tx: Db, log: EventLog, orgId: string, userId: string, outcome: 'rejected' | 'timeout') {
      const settings = await getSettings(tx, orgId);
      const to =
        outcome === 'timeout'
          ? settings.missedOfferMakesInactive && 'away'
          : settings.rejectMakesDoNotDisturb && 'busy-dnd';
      return change(tx, log, orgId, userId, (s, now) => (to ? model.setManual(s, to, now) : s));
    },
    /** Accepting or closing ends a manual available/busy (AG1). */
    acceptedOrClosed: (tx: Db, log: EventLog, orgId: string, userId: string) =>
      change(tx, log, orgId, userId, (s) => model.onAcceptOrClose(s)),

    async signIn(orgId: string, userId: string): Promise<Presence> {
      const [settings, custom] = await Promise.all([getSettings(db, orgId), listPresences(db, orgId)]);
      const customMap = new Map(custom.map((p) => [p.id, p]));
      const base = model.basePresence(settings.defaultPresence, customMap) ?? 'available';
      const customId = customMap.has(settings.defaultPresence) ? settings.defaultPresence : null;
      return standalone(orgId, userId, (_s, now) => model.signIn(base, now, customId));
    },

    /** A base presence, or a custom presence id mapped to its base. */
    async setManual(orgId: string, userId: string, value: string): Promise<Presence> {
      const customMap = new Map((await listPresences(db, orgId)).map((p) => [p.id, p]));
      const base = model.basePresence(value, customMap);
      if (!base) throw notFound('presence');
      return standalone(orgId, userId, (s, now) => model.setManual(s, base, now, customMap.has(value) ? value : null));
    },

    connected: (orgId: string, userId: string) => standalone(orgId, userId, (s, now) => model.reconnect(s, now)),
    disconnected: (orgId: string, userId: string) => standalone(orgId, userId, (s, now) => model.disconnect(s, now)),
    signOut: (orgId: string, userId: string) => standalone(orgId, userId, (s, now) => model.signOut(s, now)),

    /**
     * Agent activity (API calls, socket events); written at most every 30 s per agent on this node.
     * Usually only the time changes: one conditional UPDATE. When it matches nothing (an idle agent
     * whose manual presence this activity ends, or a write too recent from another node) the full
     * transaction runs, so an idle agent's presence is recomputed at once.
     */
    async activity(orgId: string, userId: string): Promise<void> {
      const now = clock.now();
      if (now.getTime() - (lastActivity.get(userId) ?? 0) < ACTIVITY_WRITE_GAP_MS) return;
      lastActivity.set(userId, now.getTime());
      if (await touchActivity(db, orgId, userId, now, ACTIVITY_WRITE_GAP_MS)) return;
      await standalone(orgId, userId, (s, at, idle) => model.activity(s, at, idle));
    },

    /**
     * After midnight (UTC) end-of-day profiles are empty again: presence is computed afresh in the
     * same transaction, and routing runs for every organisation that got room back.
     */
    async newDay(): Promise<number> {
      let log = new EventLog();
      const agents = await transaction(db, async (tx) => {
        log = new EventLog();
        const reset = await resetEndOfDayProfiles(tx, clock.now());
        for (const a of reset) await change(tx, log, a.orgId, a.userId, (s) => s);
        return reset;
      });
      bus.publish(log.pending);
      for (const orgId of new Set(agents.map((a) => a.orgId))) onRoutable(orgId);
      return agents.length;
    },

    /** Agents idle past their organisation's limit lose their manual presence. */
    async sweepIdle(): Promise<number> {
      const idle = await idleAgents(db, clock.now());
      for (const a of idle) await standalone(a.orgId, a.userId, (s) => s);
      return idle.length;
    },
  };
}

export type PresenceService = ReturnType<typeof createPresenceService>;
