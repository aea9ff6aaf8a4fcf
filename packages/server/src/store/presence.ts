import { and, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Presence } from '@switchboard/protocol';
import type { PresenceState } from '../domain/presence/presence.js';
import { rowsOf, type Db } from './db.js';
import { profileUsedOn, sessionsHeldBy, usageDay } from './capacity-use.js';
import { agentCapacityProfiles, capacityProfiles, orgSettings, users } from './schema.js';

export type PresenceRow = {
  state: PresenceState;
  presence: Presence;
  capacity: number;
  usedCapacity: number;
  profiles: Record<string, { limit: number; used: number }>;
  sessions: number;
};

/** An agent's presence facts and capacity use at `now`, locked for the transaction (the lock order: see locks.ts). */
export async function lockPresence(tx: Db, orgId: string, userId: string, now: Date): Promise<PresenceRow | undefined> {
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .for('no key update');
  if (!u) return undefined;
  const profileRows = await tx
    .select({
      profileId: agentCapacityProfiles.profileId,
      used: sql<number>`${profileUsedOn(usageDay(now), sql`${capacityProfiles.resetFrequency}`)}`,
      customLimit: agentCapacityProfiles.customLimit,
      defaultLimit: capacityProfiles.defaultLimit,
    })
    .from(agentCapacityProfiles)
    .innerJoin(capacityProfiles, eq(capacityProfiles.id, agentCapacityProfiles.profileId))
    .where(and(eq(agentCapacityProfiles.orgId, orgId), eq(agentCapacityProfiles.userId, userId)));
  const sessions = await sessionsOf(tx, userId);
  const before = u.presenceBeforeDisconnect;
  return {
    presence: u.presence,
    capacity: u.capacity,
    usedCapacity: u.usedCapacity,
    profiles: Object.fromEntries(
      profileRows.map((p) => [p.profileId, { limit: p.customLimit ?? p.defaultLimit, used: p.used }]),
    ),
    sessions,
    state: {
      manual:
        u.manualPresence && u.manualSetAt
          ? { presence: u.manualPresence, setAt: u.manualSetAt, customPresenceId: u.customPresenceId }
          : null,
      lastActivityAt: u.lastActivityAt ?? u.createdAt,
      connected: u.connected,
      disconnectedAt: u.disconnectedAt,
      presenceBeforeDisconnect: before
        ? {
            presence: before.presence as Presence,
            setAt: new Date(before.setAt),
            customPresenceId: before.customPresenceId,
          }
        : null,
    },
  };
}

async function sessionsOf(tx: Db, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select ${sessionsHeldBy(sql`${userId}::uuid`)} as n`));
  return Number(row?.n ?? 0);
}

export async function savePresence(
  tx: Db,
  orgId: string,
  userId: string,
  state: PresenceState,
  presence: Presence,
): Promise<void> {
  const before = state.presenceBeforeDisconnect;
  await tx
    .update(users)
    .set({
      presence,
      manualPresence: state.manual?.presence ?? null,
      manualSetAt: state.manual?.setAt ?? null,
      customPresenceId: state.manual?.customPresenceId ?? null,
      lastActivityAt: state.lastActivityAt,
      connected: state.connected,
      disconnectedAt: state.disconnectedAt,
      presenceBeforeDisconnect: before
        ? { presence: before.presence, setAt: before.setAt.toISOString(), customPresenceId: before.customPresenceId }
        : null,
    })
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
}

/** Connected agents with a manual presence, idle longer than their organisation allows, not yet shown away. */
export async function idleAgents(db: Db, now: Date): Promise<{ orgId: string; userId: string }[]> {
  const idleSince = sql`${now.toISOString()}::timestamptz - make_interval(mins => coalesce(${orgSettings.idleMinutes}, 15))`;
  return db
    .select({ orgId: users.orgId, userId: users.id })
    .from(users)
    .leftJoin(orgSettings, eq(orgSettings.orgId, users.orgId))
    .where(
      and(
        isNotNull(users.manualPresence),
        eq(users.connected, true),
        ne(users.presence, 'away'),
        lte(users.lastActivityAt, idleSince),
      ),
    )
    .limit(500);
}

/**
 * Activity that changes nothing but the time (AG1): one conditional UPDATE, no row lock held
 * across statements. It matches only when the last write is over `minGapMs` old and the agent is
 * not idle with a manual presence (then activity clears it and presence must be recomputed, so the
 * caller takes the full path). False when nothing matched, for whatever reason.
 */
export async function touchActivity(
  db: Db,
  orgId: string,
  userId: string,
  now: Date,
  minGapMs: number,
): Promise<boolean> {
  const at = now.toISOString();
  const idleMinutes = sql`coalesce((select ${orgSettings.idleMinutes} from ${orgSettings} where ${orgSettings.orgId} = ${orgId}), 15)`;
  const rows = await db
    .update(users)
    .set({ lastActivityAt: now })
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.id, userId),
        sql`${users.lastActivityAt} < ${at}::timestamptz - make_interval(secs => ${minGapMs / 1000})`,
        sql`(${users.manualPresence} is null or ${users.lastActivityAt} > ${at}::timestamptz - make_interval(mins => ${idleMinutes}))`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}
