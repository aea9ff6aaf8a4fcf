import { Id, unknownMacroPlaceholders, type Macro, type MacroStep, type NewMacro } from '@switchboard/protocol';
import type { Clock } from '../../domain/clock.js';
import { DomainError, conflict, notFound } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';
import * as store from '../../store/macros.js';
import { listAllQuickReplies } from '../../store/quick-replies.js';
import { listScripts } from '../../store/scripts.js';
import { transaction } from '../../store/transaction.js';

export const toMacroView = (row: store.MacroRow): Macro => ({
  id: row.id,
  name: row.name,
  steps: row.steps,
  updatedAt: row.updatedAt.toISOString(),
});

/** A record reference is an id or one placeholder (`{case.id}`, `{steps.s1.caseId}`), nothing else. */
const isRef = (ref: string) => Id.safeParse(ref).success || /^\{[^{}]+\}$/.test(ref);

/**
 * What a macro names must make sense before it is saved (AG8): every placeholder one a run can fill,
 * a `{steps.<id>...}` placeholder naming an earlier step, each record reference an id or a placeholder,
 * and a quick reply one of the organisation's. Each problem names its step.
 */
function problemsOf(steps: readonly MacroStep[], orgReplies: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const earlier = new Set<string>();
  for (const [i, step] of steps.entries()) {
    const where = `step ${i + 1} (${step.id})`;
    for (const [key, value] of Object.entries(step)) {
      if (typeof value !== 'string' || key === 'id' || key === 'kind') continue;
      for (const name of unknownMacroPlaceholders(value)) problems.push(`${where}: {${name}} is not a placeholder`);
      for (const m of value.matchAll(/\{steps\.([A-Za-z0-9_-]+)\./g))
        if (!earlier.has(m[1]!)) problems.push(`${where}: {steps.${m[1]}...} names no earlier step`);
    }
    if ('ref' in step && step.ref !== undefined && !isRef(step.ref))
      problems.push(`${where}: the record is an id or one placeholder such as {case.id}`);
    if (step.kind === 'sendQuickReply' && step.quickReplyId && !orgReplies.has(step.quickReplyId))
      problems.push(`${where}: quick reply ${step.quickReplyId} is not one of the organisation's`);
    earlier.add(step.id);
  }
  return problems;
}

/** Macros (AG8): the admin's CRUD; a macro a script step runs cannot be deleted. */
export function createMacroService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function save(orgId: string, id: string | null, m: NewMacro): Promise<Macro> {
    const replies = await listAllQuickReplies(db, orgId);
    const problems = problemsOf(m.steps, new Set(replies.filter((r) => r.ownerId === null).map((r) => r.id)));
    if (problems.length)
      throw new DomainError('invalid', `the macro has problems; nothing was saved: ${problems.join('; ')}`);
    if (id === null) return toMacroView(await store.insertMacro(db, orgId, m, clock.now()));
    const row = await store.updateMacro(db, orgId, id, m, clock.now());
    if (!row) throw notFound(`macro ${id}`);
    return toMacroView(row);
  }

  async function remove(orgId: string, id: string) {
    await transaction(db, async (tx) => {
      if (!(await store.getMacro(tx, orgId, id))) throw notFound(`macro ${id}`);
      const user = (await listScripts(tx, orgId)).find((s) =>
        s.steps.some((st) => st.kind === 'macro' && st.macroId === id),
      );
      if (user) throw conflict(`script "${user.name}" runs this macro: remove that step first`);
      await store.deleteMacro(tx, orgId, id);
    });
  }

  return {
    list: async (orgId: string) => (await store.listMacros(db, orgId)).map(toMacroView),
    summaries: async (orgId: string) =>
      (await store.listMacros(db, orgId)).map((m) => ({ id: m.id, name: m.name, steps: m.steps.length })),
    create: (orgId: string, m: NewMacro) => save(orgId, null, m),
    update: (orgId: string, id: string, m: NewMacro) => save(orgId, id, m),
    remove,
  };
}

export type MacroService = ReturnType<typeof createMacroService>;
