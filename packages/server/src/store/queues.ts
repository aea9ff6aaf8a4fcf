import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { queueMembers, queues } from './schema.js';

export const listQueues = (db: Db, orgId: string) =>
  db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.orgId, orgId)).orderBy(asc(queues.name));

/** The queues a user is a member of. */
export async function queuesOf(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(and(eq(queueMembers.orgId, orgId), eq(queueMembers.userId, userId)));
  return rows.map((r) => r.queueId);
}
