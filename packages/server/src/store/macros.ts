import { and, asc, eq } from 'drizzle-orm';
import type { MacroStep, NewMacro } from '@switchboard/protocol';
import type { Db } from './db.js';
import { macros } from './schema.js';

/** A macro as stored; its steps were checked by the protocol's MacroStep when saved (AG8). */
export type MacroRow = Omit<typeof macros.$inferSelect, 'steps'> & { steps: MacroStep[] };

const one = (orgId: string, id: string) => and(eq(macros.orgId, orgId), eq(macros.id, id));
const typed = (row: typeof macros.$inferSelect): MacroRow => ({ ...row, steps: row.steps as MacroStep[] });

export const listMacros = async (db: Db, orgId: string): Promise<MacroRow[]> =>
  (await db.select().from(macros).where(eq(macros.orgId, orgId)).orderBy(asc(macros.name), asc(macros.id))).map(typed);

export async function getMacro(db: Db, orgId: string, id: string): Promise<MacroRow | undefined> {
  const [row] = await db.select().from(macros).where(one(orgId, id));
  return row && typed(row);
}

export async function insertMacro(db: Db, orgId: string, m: NewMacro, now: Date): Promise<MacroRow> {
  const [row] = await db.insert(macros).values({ orgId, name: m.name, steps: m.steps, updatedAt: now }).returning();
  return typed(row!);
}

export async function updateMacro(db: Db, orgId: string, id: string, m: NewMacro, now: Date) {
  const [row] = await db
    .update(macros)
    .set({ name: m.name, steps: m.steps, updatedAt: now })
    .where(one(orgId, id))
    .returning();
  return row && typed(row);
}

export async function deleteMacro(db: Db, orgId: string, id: string): Promise<boolean> {
  return (await db.delete(macros).where(one(orgId, id)).returning({ id: macros.id })).length > 0;
}
