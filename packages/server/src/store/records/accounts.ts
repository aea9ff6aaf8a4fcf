import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { searchTerms } from '../../domain/records/search-terms.js';
import type { Db } from '../db.js';
import { accounts } from '../schema.js';
import type { NameCursor } from './contacts.js';
import { prefixRange } from './prefix.js';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountValues = Omit<typeof accounts.$inferInsert, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

const nameKey = sql`lower(${accounts.name}) collate "C"`;

function after(orgId: string, c: NameCursor | undefined): SQL | undefined {
  if (!c) return undefined;
  const name = sql`(select lower(k.name) collate "C" from accounts k
    where k.org_id = ${orgId}::uuid and k.id = ${c.id}::uuid)`;
  return or(gt(nameKey, name), and(eq(nameKey, name), gt(accounts.id, c.id)));
}

const page = (db: Db, orgId: string, where: SQL | undefined, cursor: NameCursor | undefined, limit: number) =>
  db
    .select()
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), where, after(orgId, cursor)))
    .orderBy(asc(nameKey), asc(accounts.id))
    .limit(limit);

/** AG9: accounts whose name starts with the text or whose external id is it, by name; empty: all by name. */
export async function searchAccounts(
  db: Db,
  orgId: string,
  query: string,
  limit: number,
  cursor?: NameCursor,
): Promise<AccountRow[]> {
  const q = searchTerms(query);
  if (q.text === '') return page(db, orgId, undefined, cursor, limit);
  const [from, to] = prefixRange(q.text);
  const [byName, byExternal] = await Promise.all([
    page(db, orgId, and(sql`${nameKey} >= ${from}`, sql`${nameKey} < ${to}`), cursor, limit),
    page(db, orgId, eq(accounts.externalId, q.exact), cursor, limit),
  ]);
  const seen = new Map<string, AccountRow>();
  for (const r of [...byName, ...byExternal]) seen.set(r.id, r);
  return [...seen.values()]
    .sort((a, b) => {
      const an = a.name.toLowerCase();
      const bn = b.name.toLowerCase();
      return an < bn ? -1 : an > bn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .slice(0, limit);
}

export async function getAccount(db: Db, orgId: string, id: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)))
    .limit(1);
  return row;
}

export async function insertAccount(db: Db, orgId: string, v: AccountValues, now: Date): Promise<string> {
  const [row] = await db
    .insert(accounts)
    .values({ ...v, orgId, createdAt: now, updatedAt: now })
    .returning({ id: accounts.id });
  return row!.id;
}

/** False when the organisation has no such account. */
export async function updateAccount(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<AccountValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/**
 * The account a CSV row names (AG9 import): by external id, else by name (case-insensitive) when
 * exactly one account has it; `ambiguous` when several do.
 */
export async function accountByNameOrExternalId(
  db: Db,
  orgId: string,
  ref: string,
): Promise<{ id: string } | 'ambiguous' | undefined> {
  const [byExternal] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.externalId, ref)))
    .limit(1);
  if (byExternal) return byExternal;
  const byName = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(sql`lower(${accounts.name})`, ref.toLowerCase())))
    .limit(2);
  if (byName.length > 1) return 'ambiguous';
  return byName[0];
}

export async function accountIdByExternalId(db: Db, orgId: string, externalId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.externalId, externalId)))
    .limit(1);
  return row?.id;
}
