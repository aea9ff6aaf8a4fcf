import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { accounts, contacts } from '../schema.js';
import { searchTerms } from '../../domain/records/search-terms.js';
import { prefixRange } from './prefix.js';

export type ContactRow = typeof contacts.$inferSelect & { accountName: string | null };
export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;
/** A search page's place: the last row sent; its sort key (lower-cased name, id) is read back in SQL. */
export type NameCursor = { id: string };

// The C-collated key the search indexes hold (migration 0019): a range on it is an index range scan.
const nameKey = sql`lower(${contacts.name}) collate "C"`;
const emailKey = sql`lower(${contacts.email}) collate "C"`;

const withAccount = {
  contact: contacts,
  accountName: accounts.name,
};

const flat = (r: { contact: typeof contacts.$inferSelect; accountName: string | null }): ContactRow => ({
  ...r.contact,
  accountName: r.accountName,
});

/** After the cursor in (name, id) order. */
function after(orgId: string, c: NameCursor | undefined): SQL | undefined {
  if (!c) return undefined;
  const name = sql`(select lower(k.name) collate "C" from contacts k
    where k.org_id = ${orgId}::uuid and k.id = ${c.id}::uuid)`;
  return or(gt(nameKey, name), and(eq(nameKey, name), gt(contacts.id, c.id)));
}

function page(db: Db, orgId: string, where: SQL | undefined, cursor: NameCursor | undefined, limit: number) {
  return db
    .select(withAccount)
    .from(contacts)
    .leftJoin(accounts, and(eq(accounts.id, contacts.accountId), eq(accounts.orgId, orgId)))
    .where(and(eq(contacts.orgId, orgId), where, after(orgId, cursor)))
    .orderBy(asc(nameKey), asc(contacts.id))
    .limit(limit)
    .then((rows) => rows.map(flat));
}

/**
 * AG9: contacts whose name starts with the text, whose email is it or starts with it, whose phone
 * is it (E.164) or whose external id is it; by name. Each way is its own index scan (name and email
 * ranges on the C-collated keys, the mobile and external id indexes), merged here, so a search stays
 * fast at a million contacts. `query` empty: every contact by name. bench:search calls this.
 */
export async function searchContacts(
  db: Db,
  orgId: string,
  query: string,
  limit: number,
  cursor?: NameCursor,
): Promise<ContactRow[]> {
  const q = searchTerms(query);
  if (q.text === '') return page(db, orgId, undefined, cursor, limit);
  const [from, to] = prefixRange(q.text);
  const ways: Promise<ContactRow[]>[] = [
    page(db, orgId, and(sql`${nameKey} >= ${from}`, sql`${nameKey} < ${to}`), cursor, limit),
    page(db, orgId, eq(contacts.externalId, q.exact), cursor, limit),
  ];
  if (q.email) ways.push(page(db, orgId, and(sql`${emailKey} >= ${from}`, sql`${emailKey} < ${to}`), cursor, limit));
  if (q.phone) ways.push(page(db, orgId, eq(contacts.mobilePhone, q.phone), cursor, limit));
  const seen = new Map<string, ContactRow>();
  for (const rows of await Promise.all(ways)) for (const r of rows) seen.set(r.id, r);
  return [...seen.values()].sort(byNameThenId).slice(0, limit);
}

// The same order as the C-collated key: code unit order of the lower-cased name (UTF-8 byte order
// matches code point order; names outside the BMP are rare enough for the difference not to matter).
const byNameThenId = (a: ContactRow, b: ContactRow) => {
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  return an < bn ? -1 : an > bn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export async function getContact(db: Db, orgId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select(withAccount)
    .from(contacts)
    .leftJoin(accounts, and(eq(accounts.id, contacts.accountId), eq(accounts.orgId, orgId)))
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)))
    .limit(1);
  return row ? flat(row) : undefined;
}

export async function insertContact(db: Db, orgId: string, v: ContactValues, now: Date): Promise<string> {
  const [row] = await db
    .insert(contacts)
    .values({ ...v, orgId, createdAt: now, updatedAt: now })
    .returning({ id: contacts.id });
  return row!.id;
}

/** False when the organisation has no such contact. */
export async function updateContact(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<ContactValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(contacts)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)))
    .returning({ id: contacts.id });
  return rows.length > 0;
}

/** The contacts of an account by name (the account's page shows the first of them). */
export const contactsOfAccount = (db: Db, orgId: string, accountId: string, limit: number) =>
  page(db, orgId, eq(contacts.accountId, accountId), undefined, limit);

export async function contactIdByExternalId(db: Db, orgId: string, externalId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.externalId, externalId)))
    .limit(1);
  return row?.id;
}
