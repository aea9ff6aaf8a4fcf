import { and, asc, eq } from 'drizzle-orm';
import type { NewDispositionCode } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversations, dispositionCodes } from './schema.js';

export type DispositionCodeRow = typeof dispositionCodes.$inferSelect;

// Every statement names the organisation: an id of another organisation matches no row.
const one = (orgId: string, id: string) => and(eq(dispositionCodes.orgId, orgId), eq(dispositionCodes.id, id));

/** The organisation's codes by name; `activeOnly`: those offered at wrap-up. */
export const listDispositionCodes = (db: Db, orgId: string, opts: { activeOnly: boolean }) =>
  db
    .select()
    .from(dispositionCodes)
    .where(
      opts.activeOnly
        ? and(eq(dispositionCodes.orgId, orgId), eq(dispositionCodes.active, true))
        : eq(dispositionCodes.orgId, orgId),
    )
    .orderBy(asc(dispositionCodes.name), asc(dispositionCodes.id));

export async function getDispositionCode(db: Db, orgId: string, id: string): Promise<DispositionCodeRow | undefined> {
  const [row] = await db.select().from(dispositionCodes).where(one(orgId, id));
  return row;
}

/**
 * The code, its row share-locked until the transaction ends: an admin retiring or deleting it
 * meanwhile waits, so a conversation never takes a code that is no longer offered.
 */
export async function lockDispositionCode(tx: Db, orgId: string, id: string): Promise<DispositionCodeRow | undefined> {
  const [row] = await tx.select().from(dispositionCodes).where(one(orgId, id)).for('share');
  return row;
}

export async function insertDispositionCode(db: Db, orgId: string, c: NewDispositionCode): Promise<DispositionCodeRow> {
  const [row] = await db.insert(dispositionCodes).values({ orgId, name: c.name, active: c.active }).returning();
  return row!;
}

export async function updateDispositionCode(
  db: Db,
  orgId: string,
  id: string,
  c: NewDispositionCode,
): Promise<DispositionCodeRow | undefined> {
  const [row] = await db
    .update(dispositionCodes)
    .set({ name: c.name, active: c.active })
    .where(one(orgId, id))
    .returning();
  return row;
}

/** Whether a conversation carries the code: such a code stays (retired, if need be). */
export async function dispositionCodeUsed(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.dispositionCodeId, id)))
    .limit(1);
  return row !== undefined;
}

export async function deleteDispositionCode(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db.delete(dispositionCodes).where(one(orgId, id)).returning({ id: dispositionCodes.id });
  return rows.length > 0;
}
