import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Criteria } from '../../domain/records/identification.js';
import type { Db } from '../db.js';
import { accounts, contacts, conversations } from '../schema.js';

// Two rows tell "exactly one" from "more than one" (CH5): no need to count them all.
const ENOUGH = 2;

/**
 * Up to two of the organisation's contacts matching every criterion (normal forms:
 * domain/records/identification.ts).
 */
export async function contactsMatching(db: Db, orgId: string, c: Criteria) {
  const where: SQL[] = [eq(contacts.orgId, orgId)];
  if (c.email !== undefined) where.push(eq(sql`lower(${contacts.email})`, c.email));
  if (c.name !== undefined) where.push(eq(sql`lower(${contacts.name})`, c.name));
  if (c.phone !== undefined) where.push(eq(contacts.mobilePhone, c.phone));
  return db
    .select({ id: contacts.id, accountId: contacts.accountId })
    .from(contacts)
    .where(and(...where))
    .limit(ENOUGH);
}

export async function accountsMatching(db: Db, orgId: string, c: Criteria) {
  const where: SQL[] = [eq(accounts.orgId, orgId)];
  if (c.email !== undefined) where.push(eq(sql`lower(${accounts.email})`, c.email));
  if (c.name !== undefined) where.push(eq(sql`lower(${accounts.name})`, c.name));
  if (c.phone !== undefined) where.push(eq(accounts.mainPhone, c.phone));
  return db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(...where))
    .limit(ENOUGH);
}

/** Links the conversation to the account identification found (its contact is set when it is made). */
export async function setConversationAccount(db: Db, orgId: string, conversationId: string, accountId: string) {
  await db
    .update(conversations)
    .set({ accountId })
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, orgId)));
}
