import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Presence, SkillRequirement } from '@switchboard/protocol';
import type { AgentState, QueueStats, WorkItem } from '../domain/routing/types.js';
import { rowsOf, type Db } from './db.js';
import { agentCapacityProfiles, agentSkills, capacityProfiles, conversations, offers, queueMembers, users } from './schema.js';

// Loads what one assignment cycle decides on: the agents of an organisation and the next block
// of open work. Read fresh each cycle (no cache), so configuration changes apply at once.

export async function loadAgents(db: Db, orgId: string): Promise<AgentState[]> {
  const [staff, members, skillRows, profileRows] = await Promise.all([
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
      .select({ userId: agentCapacityProfiles.userId, profileId: agentCapacityProfiles.profileId, used: agentCapacityProfiles.used, limit: sql<number>`coalesce(${agentCapacityProfiles.customLimit}, ${capacityProfiles.defaultLimit})` })
      .from(agentCapacityProfiles)
      .innerJoin(capacityProfiles, eq(capacityProfiles.id, agentCapacityProfiles.profileId))
      .where(eq(agentCapacityProfiles.orgId, orgId)),
  ]);
  const byId = new Map<string, AgentState & { queueIds: string[]; skills: Record<string, number>; profiles: Record<string, { limit: number; used: number }>; lastAssignedAt: Record<string, Date | null>; joinedQueueAt: Record<string, Date> }>();
  for (const u of staff) {
    byId.set(u.id, { ...u, presence: u.presence as Presence, queueIds: [], skills: {}, profiles: {}, lastAssignedAt: {}, joinedQueueAt: {} });
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

type OpenItem = WorkItem & { customerName: string; firstMessage: string | null };

/**
 * The most urgent open items of push workstreams, per queue: at most `take` of each (what its
 * members can still take), skipping items this run already decided. One index range scan per
 * queue, however long the queues are and however many of them are full.
 */
export async function loadOpenItems(
  db: Db,
  orgId: string,
  opts: { take: ReadonlyMap<string, number>; workstreamIds: string[]; affinityWorkstreamIds: ReadonlySet<string>; exclude: readonly string[] },
): Promise<OpenItem[]> {
  if (opts.take.size === 0 || opts.workstreamIds.length === 0) return [];
  const want = JSON.stringify([...opts.take].map(([queue, n]) => ({ queue, n })));
  const rows = rowsOf<{
    id: string;
    workstream_id: string;
    queue_id: string;
    priority: number;
    skills: SkillRequirement[];
    capacity_units: number;
    capacity_profile_ids: string[];
    waiting_since: string;
    last_customer_message_at: string | null;
    previous_agent_id: string | null;
    channel: string;
    customer_name: string;
    first_message: string | null;
  }>(
    await db.execute(sql`
      with want as (select * from json_to_recordset(${want}::json) as r(queue uuid, n int))
      select c.* from want cross join lateral (
        select id, workstream_id, queue_id, priority, skills, capacity_units, capacity_profile_ids, waiting_since,
          last_customer_message_at, previous_agent_id, channel, customer_name, first_message
        from ${conversations}
        where queue_id = want.queue and state = 'open' and org_id = ${orgId}::uuid
          and workstream_id in (select value::uuid from json_array_elements_text(${JSON.stringify(opts.workstreamIds)}::json))
          and id not in (select value::uuid from json_array_elements_text(${JSON.stringify(opts.exclude)}::json))
        order by priority, routing_age, id
        limit want.n
      ) c`),
  );
  const declines = await declinesFor(db, orgId, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    queueId: r.queue_id,
    priority: r.priority,
    skills: r.skills,
    need: r.capacity_profile_ids.length ? { kind: 'profiles', profileIds: r.capacity_profile_ids } : { kind: 'units', units: r.capacity_units },
    enqueuedAt: new Date(r.waiting_since),
    lastCustomerMessageAt: r.last_customer_message_at ? new Date(r.last_customer_message_at) : null,
    asynchronous: r.channel !== 'webchat',
    declines: declines.get(r.id) ?? {},
    affinityAgentId: opts.affinityWorkstreamIds.has(r.workstream_id) ? r.previous_agent_id : null,
    customerName: r.customer_name,
    firstMessage: r.first_message,
  }));
}

async function declinesFor(db: Db, orgId: string, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({ conversationId: offers.conversationId, agentId: offers.agentId, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(and(eq(offers.orgId, orgId), inArray(offers.conversationId, ids), inArray(offers.status, ['rejected', 'timeout'])))
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
