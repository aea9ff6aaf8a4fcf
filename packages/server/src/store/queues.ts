import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db.js';
import { conversations, queueMembers, queues } from './schema.js';

export const listQueues = (db: Db, orgId: string) =>
  db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.orgId, orgId)).orderBy(asc(queues.name));

/** The queues a user is a member of. */
export async function queuesOf(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ queueId: queueMembers.queueId }).from(queueMembers).where(and(eq(queueMembers.orgId, orgId), eq(queueMembers.userId, userId)));
  return rows.map((r) => r.queueId);
}

/** Open items of these queues and workstreams, most urgent first (what pick mode shows). */
export async function openItemIds(db: Db, orgId: string, queueIds: string[], workstreamIds: string[], limit = 200): Promise<string[]> {
  if (!queueIds.length || !workstreamIds.length) return [];
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.state, 'open'), inArray(conversations.queueId, queueIds), inArray(conversations.workstreamId, workstreamIds)))
    .orderBy(asc(conversations.queuePriority), asc(conversations.priority), asc(conversations.routingAge))
    .limit(limit);
  return rows.map((r) => r.id);
}
