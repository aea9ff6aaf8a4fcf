import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Channel, Presence, SkillRequirement } from '@switchboard/protocol';
import { isAsynchronousChannel } from '../channels/registry.js';
import { ONGOING_STATES } from '../domain/conversation/lifecycle.js';
import type { AgentState, QueueStats, WorkItem } from '../domain/routing/types.js';
import { profileUsedOn, usageDay } from './capacity-use.js';
import type { Db } from './db.js';
import {
  agentCapacityProfiles,
  agentSkills,
  capacityProfiles,
  conversations,
  offers,
  queueMembers,
  users,
} from './schema.js';

// Loads what one assignment cycle decides on: the agents of an organisation and the next block
// of open work. Read fresh each cycle (no cache), so configuration changes apply at once.

/** The agents as routing sees them at `now`: an end-of-day profile last used on an earlier (UTC) day is empty again. */
export async function loadAgents(db: Db, orgId: string, now: Date): Promise<AgentState[]> {
  const day = usageDay(now);
  const [staff, members, skillRows, profileRows, sessionRows] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        presence: users.presence,
        capacity: users.capacity,
        usedCapacity: users.usedCapacity,
        lastCapacityReleaseAt: users.lastCapacityReleaseAt,
      })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, 'agent'))),
    db.select().from(queueMembers).where(eq(queueMembers.orgId, orgId)),
    db.select().from(agentSkills).where(eq(agentSkills.orgId, orgId)),
    db
      .select({
        userId: agentCapacityProfiles.userId,
        profileId: agentCapacityProfiles.profileId,
        used: sql<number>`${profileUsedOn(day, sql`${capacityProfiles.resetFrequency}`)}`,
        limit: sql<number>`coalesce(${agentCapacityProfiles.customLimit}, ${capacityProfiles.defaultLimit})`,
      })
      .from(agentCapacityProfiles)
      .innerJoin(capacityProfiles, eq(capacityProfiles.id, agentCapacityProfiles.profileId))
      .where(eq(agentCapacityProfiles.orgId, orgId)),
    // Ongoing conversations only: the routing index's (org, state) prefix reads just those.
    db
      .select({ agentId: conversations.agentId, n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(
        and(
          eq(conversations.orgId, orgId),
          inArray(conversations.state, [...ONGOING_STATES]),
          isNotNull(conversations.agentId),
        ),
      )
      .groupBy(conversations.agentId),
  ]);
  const byId = new Map<
    string,
    AgentState & {
      queueIds: string[];
      skills: Record<string, number>;
      profiles: Record<string, { limit: number; used: number }>;
      lastAssignedAt: Record<string, Date | null>;
      joinedQueueAt: Record<string, Date>;
    }
  >();
  for (const u of staff) {
    byId.set(u.id, {
      ...u,
      presence: u.presence as Presence,
      queueIds: [],
      skills: {},
      profiles: {},
      lastAssignedAt: {},
      joinedQueueAt: {},
      sessions: 0,
    });
  }
  for (const s of sessionRows) {
    const a = s.agentId ? byId.get(s.agentId) : undefined;
    if (a) a.sessions = Number(s.n);
  }
  for (const m of members) {
    const a = byId.get(m.userId);
    if (!a) continue;
    a.queueIds.push(m.queueId);
    a.lastAssignedAt[m.queueId] = m.lastAssignedAt;
    a.joinedQueueAt[m.queueId] = m.joinedAt;
  }
  for (const s of skillRows) {
    const a = byId.get(s.userId);
    if (a) a.skills[s.skillId] = s.proficiency;
  }
  for (const p of profileRows) {
    const a = byId.get(p.userId);
    if (a) a.profiles[p.profileId] = { limit: p.limit, used: p.used };
  }
  return [...byId.values()];
}

/**
 * The next open items of push workstreams in the given queues, most urgent first (queue
 * priority, item priority, age) — one index scan, whatever the queue length.
 */
export async function loadOpenItems(
  db: Db,
  orgId: string,
  opts: {
    queueIds: string[];
    workstreamIds: string[];
    affinityWorkstreamIds: ReadonlySet<string>;
    limit: number;
    after?: { queuePriority: number; priority: number; routingAge: Date; id: string };
    /** Only these items (a trace's "right now" reads one). */
    ids?: string[];
  },
): Promise<
  (WorkItem & {
    queuePriority: number;
    routingAge: Date;
    customerName: string;
    firstMessage: string | null;
    channel: Channel;
  })[]
> {
  if (opts.queueIds.length === 0 || opts.workstreamIds.length === 0) return [];
  const c = conversations;
  const where = [
    eq(c.orgId, orgId),
    eq(c.state, 'open'),
    inArray(c.queueId, opts.queueIds),
    inArray(c.workstreamId, opts.workstreamIds),
  ];
  if (opts.ids) where.push(inArray(c.id, opts.ids.length ? opts.ids : ['00000000-0000-0000-0000-000000000000']));
  if (opts.after) {
    const a = opts.after;
    where.push(
      sql`(${c.queuePriority}, ${c.priority}, ${c.routingAge}, ${c.id})
        > (${a.queuePriority}, ${a.priority}, ${a.routingAge.toISOString()}::timestamptz, ${a.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: c.id,
      workstreamId: c.workstreamId,
      queueId: c.queueId,
      priority: c.priority,
      skills: c.skills,
      capacityUnits: c.capacityUnits,
      capacityProfileIds: c.capacityProfileIds,
      waitingSince: c.waitingSince,
      lastCustomerMessageAt: c.lastCustomerMessageAt,
      previousAgentId: c.previousAgentId,
      channel: c.channel,
      queuePriority: c.queuePriority,
      routingAge: c.routingAge,
      customerName: c.customerName,
      firstMessage: c.firstMessage,
    })
    .from(c)
    .where(and(...where))
    .orderBy(asc(c.queuePriority), asc(c.priority), asc(c.routingAge), asc(c.id))
    .limit(opts.limit);
  const declines = await declinesFor(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    workstreamId: r.workstreamId,
    queueId: r.queueId!,
    priority: r.priority,
    skills: r.skills as SkillRequirement[],
    need: r.capacityProfileIds.length
      ? { kind: 'profiles', profileIds: r.capacityProfileIds }
      : { kind: 'units', units: r.capacityUnits },
    enqueuedAt: r.waitingSince,
    lastCustomerMessageAt: r.lastCustomerMessageAt,
    asynchronous: isAsynchronousChannel(r.channel),
    declines: declines.get(r.id) ?? {},
    affinityAgentId: opts.affinityWorkstreamIds.has(r.workstreamId) ? r.previousAgentId : null,
    queuePriority: r.queuePriority,
    routingAge: r.routingAge,
    customerName: r.customerName,
    firstMessage: r.firstMessage,
    channel: r.channel,
  }));
}

async function declinesFor(db: Db, orgId: string, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({ conversationId: offers.conversationId, agentId: offers.agentId, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(
      and(
        eq(offers.orgId, orgId),
        inArray(offers.conversationId, ids),
        inArray(offers.status, ['rejected', 'timeout']),
      ),
    )
    .groupBy(offers.conversationId, offers.agentId);
  for (const r of rows) result.set(r.conversationId, { ...result.get(r.conversationId), [r.agentId]: r.n });
  return result;
}

/**
 * Per queue: open items, and the estimated wait — the average time to accept over the last
 * 48 hours (at least 5 conversations, else unknown), as the reference's customer wait estimate.
 */
export async function queueStats(db: Db, orgId: string, now: Date): Promise<Map<string, QueueStats>> {
  const since = new Date(now.getTime() - 48 * 3600_000);
  const [waiting, waits] = await Promise.all([
    db
      .select({ queueId: conversations.queueId, n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), eq(conversations.state, 'open')))
      .groupBy(conversations.queueId),
    db
      .select({
        queueId: conversations.queueId,
        n: sql<number>`count(*)::int`,
        avg: sql<number>`avg(extract(epoch from ${conversations.acceptedAt} - ${conversations.waitingSince}))::float`,
      })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), gte(conversations.acceptedAt, since)))
      .groupBy(conversations.queueId),
  ]);
  const stats = new Map<string, QueueStats>();
  for (const w of waiting) if (w.queueId) stats.set(w.queueId, { waiting: w.n, estimatedWaitSeconds: null });
  for (const w of waits) {
    if (!w.queueId || w.n < 5) continue;
    stats.set(w.queueId, { waiting: stats.get(w.queueId)?.waiting ?? 0, estimatedWaitSeconds: Math.round(w.avg) });
  }
  return stats;
}
