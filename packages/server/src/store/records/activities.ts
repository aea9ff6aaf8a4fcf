import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { recordActivities, users } from '../schema.js';

export type ActivityRow = typeof recordActivities.$inferSelect & { actorName: string | null };
export type ActivityValues = Pick<
  typeof recordActivities.$inferInsert,
  'kind' | 'contactId' | 'accountId' | 'caseId' | 'conversationId' | 'actorId' | 'summary' | 'detail'
>;

/** CV4: one thing that happened around a customer (a link, an unlink, a macro run ...), for the timeline. */
export async function insertActivity(tx: Db, orgId: string, v: ActivityValues, now: Date): Promise<string> {
  const [row] = await tx
    .insert(recordActivities)
    .values({ ...v, orgId, createdAt: now })
    .returning({ id: recordActivities.id });
  return row!.id;
}

export async function activitiesByIds(db: Db, orgId: string, ids: string[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ a: recordActivities, actorName: users.name })
    .from(recordActivities)
    .leftJoin(users, and(eq(users.id, recordActivities.actorId), eq(users.orgId, orgId)))
    .where(and(eq(recordActivities.orgId, orgId), inArray(recordActivities.id, ids)));
  return rows.map((r) => ({ ...r.a, actorName: r.actorName }));
}
