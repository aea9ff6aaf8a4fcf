import { and, eq, sql } from 'drizzle-orm';
import type { AgentDay, AgentProfileUse, Presence } from '@switchboard/protocol';
import { profileUsedOn, sessionsHeldBy, usageDay } from './capacity-use.js';
import { rowsOf, type Db } from './db.js';
import {
  agentCapacityProfiles,
  capacityProfiles,
  conversations,
  customPresences,
  offers,
  orgSettings,
  users,
} from './schema.js';

export type AgentLoad = {
  presence: Presence;
  presenceName: string | null;
  capacity: { used: number; total: number };
  sessions: { held: number; limit: number | null };
  ongoing: number;
};

/** What the agent holds now (AG10): presence, units, sessions against the limit, accepted ongoing work. */
export async function agentLoad(db: Db, orgId: string, userId: string): Promise<AgentLoad | undefined> {
  const held = sessionsHeldBy(sql`${users.id}`);
  const [row] = await db
    .select({
      presence: users.presence,
      presenceName: customPresences.name,
      used: users.usedCapacity,
      total: users.capacity,
      held: sql<number>`${held}`,
      limit: orgSettings.sessionLimit,
      ongoing: sql<number>`(select count(*)::int from ${conversations} o where o.org_id = ${orgId}::uuid
        and o.agent_id = ${users.id} and o.state in ('active', 'waiting', 'wrap-up') and o.accepted_at is not null)`,
    })
    .from(users)
    .leftJoin(customPresences, and(eq(customPresences.id, users.customPresenceId), eq(customPresences.orgId, orgId)))
    .leftJoin(orgSettings, eq(orgSettings.orgId, orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!row) return undefined;
  return {
    presence: row.presence,
    presenceName: row.presenceName,
    capacity: { used: row.used, total: row.total },
    sessions: { held: Number(row.held), limit: row.limit },
    ongoing: Number(row.ongoing),
  };
}

/** The agent's capacity profiles with what each holds now (end-of-day ones count today's items). */
export async function agentProfileUse(db: Db, orgId: string, userId: string, now: Date): Promise<AgentProfileUse[]> {
  const rows = await db
    .select({
      id: capacityProfiles.id,
      name: capacityProfiles.name,
      used: profileUsedOn(usageDay(now), sql`${capacityProfiles.resetFrequency}`).mapWith(Number),
      limit: sql<number>`coalesce(${agentCapacityProfiles.customLimit}, ${capacityProfiles.defaultLimit})`.mapWith(
        Number,
      ),
      blocksAssignment: capacityProfiles.blocksAssignment,
    })
    .from(agentCapacityProfiles)
    .innerJoin(capacityProfiles, eq(capacityProfiles.id, agentCapacityProfiles.profileId))
    .where(and(eq(agentCapacityProfiles.orgId, orgId), eq(agentCapacityProfiles.userId, userId)))
    .orderBy(capacityProfiles.name);
  return rows;
}

/**
 * The agent's day since `since`: offers made to them and how they ended (a pick counts as an
 * offer accepted), conversations they closed and the average time from acceptance to close.
 */
export async function agentDayCounts(
  db: Db,
  orgId: string,
  userId: string,
  since: Date,
): Promise<Omit<AgentDay, 'since'>> {
  const at = since.toISOString();
  const [counts] = rowsOf<{ offered: number; accepted: number; missed: number }>(
    await db.execute(sql`select count(*)::int as offered,
        count(*) filter (where ${offers.status} = 'accepted')::int as accepted,
        count(*) filter (where ${offers.status} in ('rejected', 'timeout'))::int as missed
      from ${offers} where ${offers.orgId} = ${orgId}::uuid and ${offers.agentId} = ${userId}::uuid
        and ${offers.offeredAt} >= ${at}::timestamptz`),
  );
  const [closed] = rowsOf<{ closed: number; handle: number | null }>(
    await db.execute(sql`select count(*)::int as closed,
        avg(extract(epoch from (${conversations.closedAt} - ${conversations.acceptedAt})))::float8 as handle
      from ${conversations} where ${conversations.orgId} = ${orgId}::uuid and ${conversations.agentId} = ${userId}::uuid
        and ${conversations.state} = 'closed' and ${conversations.closedAt} >= ${at}::timestamptz`),
  );
  const handle = closed?.handle;
  return {
    offered: Number(counts?.offered ?? 0),
    accepted: Number(counts?.accepted ?? 0),
    missed: Number(counts?.missed ?? 0),
    closed: Number(closed?.closed ?? 0),
    averageHandleSeconds: handle === null || handle === undefined ? null : Math.round(Number(handle)),
  };
}
