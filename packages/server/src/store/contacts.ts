import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { contacts } from './schema.js';

/** SPEC CH5: pre-chat answers identify the customer by email; an unknown email becomes a new contact. */
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
