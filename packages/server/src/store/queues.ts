import { and, asc, eq, inArray } from 'drizzle-orm';
import type { QueueMember } from '../domain/sentiment/audience.js';
import type { Db } from './db.js';
import { queueMembers, queues, users } from './schema.js';

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

/** The members of these queues with their roles, by queue (SV8: who hears of a queue's conversations). */
export async function membersOfQueues(db: Db, orgId: string, queueIds: string[]): Promise<Map<string, QueueMember[]>> {
  const byQueue = new Map<string, QueueMember[]>();
  if (queueIds.length === 0) return byQueue;
  const rows = await db
    .select({ queueId: queueMembers.queueId, userId: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(queueMembers)
    .innerJoin(users, and(eq(users.id, queueMembers.userId), eq(users.orgId, orgId)))
    .where(and(eq(queueMembers.orgId, orgId), inArray(queueMembers.queueId, queueIds)));
  for (const r of rows) {
    const member = { userId: r.userId, role: r.role, disabled: r.disabledAt !== null };
    byQueue.set(r.queueId, [...(byQueue.get(r.queueId) ?? []), member]);
  }
  return byQueue;
}
