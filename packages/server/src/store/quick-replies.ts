import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { NewQuickReply } from '@switchboard/protocol';
import type { Db } from './db.js';
import { quickReplies } from './schema.js';

export type QuickReplyRow = typeof quickReplies.$inferSelect;

/** Whose quick reply: a staff member's id, or null for the organisation's. */
export type QuickReplyOwner = string | null;

// Every statement names the organisation, and the owner where it touches one quick reply: an id of
// another organisation or of a colleague matches no row.
const ownedBy = (owner: QuickReplyOwner) =>
  owner === null ? isNull(quickReplies.ownerId) : eq(quickReplies.ownerId, owner);
const one = (orgId: string, owner: QuickReplyOwner, id: string) =>
  and(eq(quickReplies.orgId, orgId), ownedBy(owner), eq(quickReplies.id, id));

/** The organisation's quick replies and those of `userId`, by title. */
export const listQuickReplies = (db: Db, orgId: string, userId: string) =>
  db
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), or(isNull(quickReplies.ownerId), eq(quickReplies.ownerId, userId))))
    .orderBy(asc(quickReplies.title), asc(quickReplies.id));

/** Every quick reply of the organisation, anyone's (for tests and snapshots). */
export const listAllQuickReplies = (db: Db, orgId: string) =>
  db.select().from(quickReplies).where(eq(quickReplies.orgId, orgId)).orderBy(asc(quickReplies.id));

export async function insertQuickReply(
  db: Db,
  orgId: string,
  owner: QuickReplyOwner,
  q: NewQuickReply,
  now: Date,
): Promise<QuickReplyRow> {
  const [row] = await db
    .insert(quickReplies)
    .values({ orgId, ownerId: owner, title: q.title, bodies: q.bodies, updatedAt: now })
    .returning();
  return row!;
}

export async function updateQuickReply(
  db: Db,
  orgId: string,
  owner: QuickReplyOwner,
  id: string,
  q: NewQuickReply,
  now: Date,
): Promise<QuickReplyRow | undefined> {
  const [row] = await db
    .update(quickReplies)
    .set({ title: q.title, bodies: q.bodies, updatedAt: now })
    .where(one(orgId, owner, id))
    .returning();
  return row;
}

export async function deleteQuickReply(db: Db, orgId: string, owner: QuickReplyOwner, id: string): Promise<boolean> {
  const rows = await db
    .delete(quickReplies)
    .where(one(orgId, owner, id))
    .returning({ id: quickReplies.id });
  return rows.length > 0;
}
