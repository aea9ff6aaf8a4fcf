import { and, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { accounts, cases, contacts } from './schema.js';

/**
 * The contact, account and case a conversation links to, as script rules and macro placeholders read
 * them (AG7, AG8). Each read names the organisation: a stale id of another one reads nothing.
 */
export async function linkedRecords(
  db: Db,
  orgId: string,
  ids: { contactId: string | null; accountId: string | null; caseId: string | null },
) {
  const [contact, account, kase] = await Promise.all([
    ids.contactId
      ? db
          .select()
          .from(contacts)
          .where(and(eq(contacts.orgId, orgId), eq(contacts.id, ids.contactId)))
      : [],
    ids.accountId
      ? db
          .select()
          .from(accounts)
          .where(and(eq(accounts.orgId, orgId), eq(accounts.id, ids.accountId)))
      : [],
    ids.caseId
      ? db
          .select()
          .from(cases)
          .where(and(eq(cases.orgId, orgId), eq(cases.id, ids.caseId)))
      : [],
  ]);
  return { contact: contact[0], account: account[0], case: kase[0] };
}
