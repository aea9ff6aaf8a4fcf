import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { accounts, cases, contacts, conversations, recordActivities } from './schema.js';

// The record reads and writes macro actions make (AG8) beside services/records/ (which creates and
// updates cases): every statement names the organisation, so another one's id reads as missing.

export type CaseRow = typeof cases.$inferSelect;

export async function findRecord(db: Db, orgId: string, kind: 'contact' | 'account' | 'case', id: string) {
  const table = kind === 'contact' ? contacts : kind === 'account' ? accounts : cases;
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)));
  return row as (typeof contacts.$inferSelect | typeof accounts.$inferSelect | CaseRow) | undefined;
}

/** Links (an id) or unlinks (null) a record of a kind to the conversation. */
export async function setConversationLink(
  tx: Db,
  orgId: string,
  conversationId: string,
  kind: 'contact' | 'account' | 'case',
  id: string | null,
  now: Date,
) {
  const column = kind === 'contact' ? 'contactId' : kind === 'account' ? 'accountId' : 'caseId';
  await tx
    .update(conversations)
    .set({ [column]: id, updatedAt: now })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

/** One context variable of the conversation set (the others stay). */
export async function setContextVariable(tx: Db, orgId: string, conversationId: string, name: string, value: string) {
  await tx
    .update(conversations)
    .set({ context: sql`${conversations.context} || ${JSON.stringify({ [name]: value })}::jsonb` })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

/** CV4: a macro's run on the customer's timeline. */
export async function insertActivity(tx: Db, row: typeof recordActivities.$inferInsert) {
  await tx.insert(recordActivities).values(row);
}
