import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { recordNotes, users } from '../schema.js';

export type NoteRow = typeof recordNotes.$inferSelect & { authorName: string | null };
export type NoteValues = Pick<
  typeof recordNotes.$inferInsert,
  'contactId' | 'accountId' | 'caseId' | 'conversationId' | 'body' | 'authorId'
>;

export async function insertNote(tx: Db, orgId: string, v: NoteValues, now: Date): Promise<string> {
  const [row] = await tx
    .insert(recordNotes)
    .values({ ...v, orgId, createdAt: now })
    .returning({ id: recordNotes.id });
  return row!.id;
}

export async function notesByIds(db: Db, orgId: string, ids: string[]): Promise<NoteRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ n: recordNotes, authorName: users.name })
    .from(recordNotes)
    .leftJoin(users, and(eq(users.id, recordNotes.authorId), eq(users.orgId, orgId)))
    .where(and(eq(recordNotes.orgId, orgId), inArray(recordNotes.id, ids)));
  return rows.map((r) => ({ ...r.n, authorName: r.authorName }));
}
