import { aliasedTable, and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { accounts, cases, contacts, users } from '../schema.js';
import { prefixRange } from './prefix.js';

export type CaseRow = typeof cases.$inferSelect & {
  ownerName: string | null;
  contactName: string | null;
  accountName: string | null;
};
export type CaseValues = Omit<typeof cases.$inferInsert, 'id' | 'orgId' | 'number' | 'createdAt' | 'updatedAt'>;
/** The case list's place: newest first by (created_at, id); `createdAt` keeps its microseconds. */
export type CaseCursor = { createdAt: string; id: string };

/** Case numbers start here, so the first one reads CAS-01001. */
export const FIRST_CASE_NUMBER = 1001;

const owner = aliasedTable(users, 'case_owner');
const micros = sql<string>`to_char(${cases.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function select(db: Db, orgId: string) {
  return db
    .select({
      c: cases,
      ownerName: owner.name,
      contactName: contacts.name,
      accountName: accounts.name,
      key: micros,
    })
    .from(cases)
    .leftJoin(owner, and(eq(owner.id, cases.ownerId), eq(owner.orgId, orgId)))
    .leftJoin(contacts, and(eq(contacts.id, cases.contactId), eq(contacts.orgId, orgId)))
    .leftJoin(accounts, and(eq(accounts.id, cases.accountId), eq(accounts.orgId, orgId)));
}

type Selected = {
  c: typeof cases.$inferSelect;
  ownerName: string | null;
  contactName: string | null;
  accountName: string | null;
  key: string;
};
const flat = (r: Selected): CaseRow & { key: string } => ({
  ...r.c,
  ownerName: r.ownerName,
  contactName: r.contactName,
  accountName: r.accountName,
  key: r.key,
});

export type CaseFilter = {
  /** A number typed (1001 from `CAS-01001` or `1001`), or null. */
  number: number | null;
  /** The start of a title, lower-cased; empty: any. */
  title: string;
  status?: 'active' | 'resolved' | 'cancelled';
  contactId?: string;
  accountId?: string;
};

/** AG9: the organisation's cases newest first, by number or the start of a title, filtered. */
export async function searchCases(db: Db, orgId: string, f: CaseFilter, limit: number, cursor?: CaseCursor) {
  const where: (SQL | undefined)[] = [eq(cases.orgId, orgId)];
  if (f.title !== '') {
    const [from, to] = prefixRange(f.title);
    const titled = and(
      sql`lower(${cases.title}) collate "C" >= ${from}`,
      sql`lower(${cases.title}) collate "C" < ${to}`,
    );
    where.push(f.number !== null ? or(eq(cases.number, f.number), titled) : titled);
  }
  if (f.status) where.push(eq(cases.status, f.status));
  if (f.contactId) where.push(eq(cases.contactId, f.contactId));
  if (f.accountId) where.push(eq(cases.accountId, f.accountId));
  if (cursor)
    where.push(
      or(
        lt(cases.createdAt, sql`${cursor.createdAt}::timestamptz`),
        and(eq(cases.createdAt, sql`${cursor.createdAt}::timestamptz`), lt(cases.id, cursor.id)),
      ),
    );
  const rows = await select(db, orgId)
    .where(and(...where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(limit);
  return rows.map(flat);
}

export async function getCase(db: Db, orgId: string, id: string): Promise<CaseRow | undefined> {
  const [row] = await select(db, orgId)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)))
    .limit(1);
  return row ? flat(row) : undefined;
}

export async function casesByIds(db: Db, orgId: string, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await select(db, orgId).where(and(eq(cases.orgId, orgId), inArray(cases.id, ids)));
  return rows.map(flat);
}

/** A customer's latest cases: the contact's, or the account's. */
export async function recentCases(
  db: Db,
  orgId: string,
  of: { contactId?: string; accountId?: string },
  limit: number,
) {
  const by = of.contactId ? eq(cases.contactId, of.contactId) : of.accountId ? eq(cases.accountId, of.accountId) : null;
  if (!by) return [];
  const rows = await select(db, orgId)
    .where(and(eq(cases.orgId, orgId), by))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(limit);
  return rows.map(flat);
}

/** A contact's active cases: at most two, enough to tell "exactly one" (AG6 auto-link). */
export async function activeCasesOfContact(db: Db, orgId: string, contactId: string) {
  return db
    .select({ id: cases.id, accountId: cases.accountId })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.contactId, contactId), eq(cases.status, 'active')))
    .limit(2);
}

/**
 * Takes the organisation's case-numbering lock for the rest of the transaction: two cases opened at
 * once get consecutive numbers, never the same (the unique index cases_org_number_key is the net).
 * Taken last in its transaction, after any conversation lock (the lock order, docs/architecture.md).
 */
export async function lockCaseNumbers(tx: Db, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cases:${orgId}`}, 0))`);
}

/** Inserts a case with the organisation's next number (call `lockCaseNumbers` first). */
export async function insertCase(tx: Db, orgId: string, v: CaseValues, now: Date): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({
      ...v,
      orgId,
      number: sql`(select coalesce(max(${cases.number}), ${FIRST_CASE_NUMBER - 1}) + 1 from ${cases}
        where ${cases.orgId} = ${orgId}::uuid)`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id });
  return row!.id;
}

/** False when the organisation has no such case. */
export async function updateCase(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<CaseValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)))
    .returning({ id: cases.id });
  return rows.length > 0;
}
