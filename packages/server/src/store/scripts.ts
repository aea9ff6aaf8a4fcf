import { and, asc, eq } from 'drizzle-orm';
import type { Condition, NewScript, ScriptStep } from '@switchboard/protocol';
import type { Db } from './db.js';
import { scriptProgress, scripts } from './schema.js';

/** An agent script as stored (AG7); steps and rule were checked by the protocol when saved. */
export type ScriptRow = Omit<typeof scripts.$inferSelect, 'steps' | 'rule'> & {
  steps: ScriptStep[];
  rule: Condition | null;
};

const one = (orgId: string, id: string) => and(eq(scripts.orgId, orgId), eq(scripts.id, id));
const typed = (row: typeof scripts.$inferSelect): ScriptRow => ({
  ...row,
  steps: row.steps as ScriptStep[],
  rule: (row.rule as Condition | null) ?? null,
});
const columns = (s: NewScript, now: Date) => ({
  name: s.name,
  steps: s.steps,
  workstreamId: s.workstreamId,
  rule: s.rule as Record<string, unknown> | null,
  order: s.order,
  updatedAt: now,
});

export const listScripts = async (db: Db, orgId: string): Promise<ScriptRow[]> =>
  (
    await db
      .select()
      .from(scripts)
      .where(eq(scripts.orgId, orgId))
      .orderBy(asc(scripts.order), asc(scripts.name), asc(scripts.id))
  ).map(typed);

export async function getScript(db: Db, orgId: string, id: string): Promise<ScriptRow | undefined> {
  const [row] = await db.select().from(scripts).where(one(orgId, id));
  return row && typed(row);
}

export async function insertScript(db: Db, orgId: string, s: NewScript, now: Date): Promise<ScriptRow> {
  const [row] = await db
    .insert(scripts)
    .values({ orgId, ...columns(s, now) })
    .returning();
  return typed(row!);
}

export async function updateScript(db: Db, orgId: string, id: string, s: NewScript, now: Date) {
  const [row] = await db.update(scripts).set(columns(s, now)).where(one(orgId, id)).returning();
  return row && typed(row);
}

export async function deleteScript(db: Db, orgId: string, id: string): Promise<boolean> {
  return (await db.delete(scripts).where(one(orgId, id)).returning({ id: scripts.id })).length > 0;
}

/** The steps done per script in one conversation. */
export async function progressOf(db: Db, orgId: string, conversationId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .select({ scriptId: scriptProgress.scriptId, done: scriptProgress.doneStepIds })
    .from(scriptProgress)
    .where(and(eq(scriptProgress.orgId, orgId), eq(scriptProgress.conversationId, conversationId)));
  return Object.fromEntries(rows.map((r) => [r.scriptId, r.done]));
}

/** The done steps of one script in one conversation, locked for the change that follows. */
export async function lockProgress(db: Db, orgId: string, conversationId: string, scriptId: string) {
  const [row] = await db
    .select({ done: scriptProgress.doneStepIds })
    .from(scriptProgress)
    .where(
      and(
        eq(scriptProgress.orgId, orgId),
        eq(scriptProgress.conversationId, conversationId),
        eq(scriptProgress.scriptId, scriptId),
      ),
    )
    .for('update');
  return row?.done ?? [];
}

export async function saveProgress(
  db: Db,
  p: { orgId: string; conversationId: string; scriptId: string; done: string[]; now: Date },
) {
  await db
    .insert(scriptProgress)
    .values({
      orgId: p.orgId,
      conversationId: p.conversationId,
      scriptId: p.scriptId,
      doneStepIds: p.done,
      updatedAt: p.now,
    })
    .onConflictDoUpdate({
      target: [scriptProgress.conversationId, scriptProgress.scriptId],
      set: { doneStepIds: p.done, updatedAt: p.now },
    });
}
