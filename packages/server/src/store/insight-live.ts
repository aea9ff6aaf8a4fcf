import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Presence } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversations, queues, users } from './schema.js';

/** What the live view (SV9) reads from the live tables: queues now and agents now. */
export async function queuesNow(db: Db, orgId: string) {
  const [list, counts] = await Promise.all([
    db
      .select({ id: queues.id, name: queues.name })
      .from(queues)
      .where(eq(queues.orgId, orgId))
      .orderBy(asc(queues.name)),
    db
      .select({
        queueId: conversations.queueId,
        waiting: sql<number>`count(*) filter (where ${conversations.state} = 'open')::int`,
        inProgress: sql<number>`count(*) filter (where ${conversations.state} <> 'open')::int`,
        oldest: sql<string | null>`min(${conversations.waitingSince}) filter (where ${conversations.state} = 'open')`,
      })
      .from(conversations)
      .where(
        and(eq(conversations.orgId, orgId), inArray(conversations.state, ['open', 'active', 'waiting', 'wrap-up'])),
      )
      .groupBy(conversations.queueId),
  ]);
  const byQueue = new Map(counts.map((c) => [c.queueId, c]));
  return list.map((q) => {
    const c = byQueue.get(q.id);
    return {
      ...q,
      waiting: c?.waiting ?? 0,
      inProgress: c?.inProgress ?? 0,
      oldestWaitingSince: c?.oldest ? new Date(c.oldest) : null,
    };
  });
}

export async function agentsNow(db: Db, orgId: string) {
  const rows = await db
    .select({
      presence: users.presence,
      n: sql<number>`count(*)::int`,
      used: sql<number>`coalesce(sum(${users.usedCapacity}), 0)::int`,
      total: sql<number>`coalesce(sum(${users.capacity}), 0)::int`,
    })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'agent'), isNull(users.disabledAt)))
    .groupBy(users.presence);
  const byPresence: Record<Presence, number> = { available: 0, busy: 0, 'busy-dnd': 0, away: 0, offline: 0 };
  let capacityUsed = 0;
  let capacityTotal = 0;
  for (const r of rows) {
    byPresence[r.presence] = r.n;
    capacityUsed += r.used;
    // Capacity on offer is that of agents who are signed in; an offline agent's units are not there.
    if (r.presence !== 'offline') capacityTotal += r.total;
  }
  return { byPresence, capacityUsed, capacityTotal };
}

/** Names for a report's rows: the organisation's queues and staff by id. */
export async function reportNames(db: Db, orgId: string) {
  const [q, u] = await Promise.all([
    db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.orgId, orgId)),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.orgId, orgId)),
  ]);
  return { queues: new Map(q.map((r) => [r.id, r.name])), users: new Map(u.map((r) => [r.id, r.name])) };
}
