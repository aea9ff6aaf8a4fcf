import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { accounts, contacts } from '../schema.js';
import type { AccountValues } from './accounts.js';
import type { ContactValues } from './contacts.js';

// AG9 import: many rows at once, a few hundred per statement.
const BATCH = 500;

/** The organisation's records among these external ids: external id -> id. */
export async function idsByExternalId(
  db: Db,
  orgId: string,
  kind: 'contacts' | 'accounts',
  externalIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const t = kind === 'contacts' ? contacts : accounts;
  for (let i = 0; i < externalIds.length; i += BATCH) {
    const rows = await db
      .select({ id: t.id, externalId: t.externalId })
      .from(t)
      .where(and(eq(t.orgId, orgId), inArray(t.externalId, externalIds.slice(i, i + BATCH))));
    for (const r of rows) if (r.externalId) found.set(r.externalId, r.id);
  }
  return found;
}

/** Inserts the rows in order and answers their ids in the same order. */
export async function insertMany(
  tx: Db,
  orgId: string,
  kind: 'contacts' | 'accounts',
  rows: (ContactValues | AccountValues)[],
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((v) => ({ ...v, orgId, createdAt: now, updatedAt: now }));
    const inserted =
      kind === 'contacts'
        ? await tx
            .insert(contacts)
            .values(values as (ContactValues & { orgId: string })[])
            .returning({ id: contacts.id })
        : await tx
            .insert(accounts)
            .values(values as (AccountValues & { orgId: string })[])
            .returning({ id: accounts.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
