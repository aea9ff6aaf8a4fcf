import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { accounts, contacts } from './schema.js';

/** CH5: pre-chat answers identify the customer by email; an unknown email becomes a new contact. */
export async function findOrCreateContact(tx: Db, orgId: string, name: string, email: string): Promise<string> {
  const [found] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(sql`lower(${contacts.email})`, email.toLowerCase())))
    .limit(1);
  if (found) return found.id;
  const [created] = await tx.insert(contacts).values({ orgId, name, email }).returning({ id: contacts.id });
  return created!.id;
}

/** The contact's and account's fields that routing rules may read (`contact.*`, `account.*`). */
type Facts = Record<string, string | null>;

/**
 * The facts of the contact with this address, or of the one `findOrCreateContact` will create for
 * it: routing decides before anything is written, so a chat start that fails leaves no contact.
 */
export async function customerFacts(
  db: Db,
  orgId: string,
  customer: { name: string; email: string },
): Promise<{ contact: Facts; account: Facts }> {
  const [row] = await db
    .select({ contact: contacts, account: accounts })
    .from(contacts)
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(and(eq(contacts.orgId, orgId), eq(sql`lower(${contacts.email})`, customer.email.toLowerCase())))
    .limit(1);
  const c = row?.contact ?? { ...customer, mobilePhone: null, jobTitle: null, city: null };
  const a = row?.account;
  return {
    contact: { name: c.name, email: c.email, mobilePhone: c.mobilePhone, jobTitle: c.jobTitle, city: c.city },
    account: a ? { name: a.name, mainPhone: a.mainPhone, city: a.city } : {},
  };
}
