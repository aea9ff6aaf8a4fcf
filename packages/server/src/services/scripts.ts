import type { ConversationScript, NewScript, Script } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { DomainError, conflict, forbidden, notFound } from '../domain/errors.js';
import { scriptUseRefusal } from '../domain/macros/who-may-run.js';
import { chooseScript, markStep, reachableSubScripts, subScriptCycle } from '../domain/scripts/scripts.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { listMacros } from '../store/macros.js';
import { getWorkstream } from '../store/routing-config.js';
import * as store from '../store/scripts.js';
import { transaction } from '../store/transaction.js';
import { oversees, type StaffIdentity } from './identity.js';
import { routingContextOf } from './macros/conversation-values.js';

export const toScriptView = (row: store.ScriptRow): Script => ({
  id: row.id,
  name: row.name,
  steps: row.steps,
  workstreamId: row.workstreamId,
  rule: row.rule,
  order: row.order,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * Agent scripts (AG7): the admin's CRUD, checked against what the steps name (a workstream, macros,
 * sub-scripts, no loop), and a conversation's script with its progress, kept per conversation.
 */
export function createScriptService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** Everything a script names must exist in the organisation, and its sub-scripts must not loop. */
  async function check(tx: Db, orgId: string, id: string | null, s: NewScript) {
    if (s.workstreamId && !(await getWorkstream(tx, orgId, s.workstreamId)))
      throw new DomainError('invalid', `workstream ${s.workstreamId} not found`);
    const [all, macros] = await Promise.all([store.listScripts(tx, orgId), listMacros(tx, orgId)]);
    for (const step of s.steps) {
      if (step.kind === 'macro' && !macros.some((m) => m.id === step.macroId))
        throw new DomainError('invalid', `step ${step.id} runs macro ${step.macroId}, which does not exist`);
      if (step.kind === 'script' && step.scriptId !== id && !all.some((x) => x.id === step.scriptId))
        throw new DomainError('invalid', `step ${step.id} opens script ${step.scriptId}, which does not exist`);
    }
    const saved = { ...s, id: id ?? 'new', name: s.name };
    const cycle = subScriptCycle(
      saved,
      all.filter((x) => x.id !== id),
    );
    if (cycle) throw new DomainError('invalid', `sub-scripts would loop: ${cycle.join(' → ')}`);
  }

  async function save(orgId: string, id: string | null, s: NewScript): Promise<Script> {
    return transaction(db, async (tx) => {
      if (id !== null && !(await store.getScript(tx, orgId, id))) throw notFound(`script ${id}`);
      await check(tx, orgId, id, s);
      const row =
        id === null
          ? await store.insertScript(tx, orgId, s, clock.now())
          : await store.updateScript(tx, orgId, id, s, clock.now());
      return toScriptView(row!);
    });
  }

  async function remove(orgId: string, id: string) {
    await transaction(db, async (tx) => {
      const all = await store.listScripts(tx, orgId);
      if (!all.some((s) => s.id === id)) throw notFound(`script ${id}`);
      const parent = all.find((s) => s.id !== id && s.steps.some((st) => st.kind === 'script' && st.scriptId === id));
      if (parent) throw conflict(`script "${parent.name}" opens this script: remove that step first`);
      await store.deleteScript(tx, orgId, id);
    });
  }

  /** The conversation, if `who` may use its script for `use` (another organisation's: not found). */
  async function conversationFor(who: StaffIdentity, id: string, use: 'read' | 'mark' | 'run') {
    const c = await getConversation(db, who.orgId, id);
    if (!c) throw notFound('conversation');
    const refusal = scriptUseRefusal(c, { userId: who.userId, supervises: oversees(who) }, use);
    if (refusal) throw refusalError(c, who, refusal);
    return c;
  }

  async function forConversation(who: StaffIdentity, id: string): Promise<ConversationScript> {
    const c = await conversationFor(who, id, 'read');
    const [all, macros, done, context] = await Promise.all([
      store.listScripts(db, who.orgId),
      listMacros(db, who.orgId),
      store.progressOf(db, who.orgId, c.id),
      routingContextOf(db, c),
    ]);
    const script = chooseScript(all, { workstreamId: c.workstreamId, context });
    if (!script) return { script: null, subScripts: [], macros: [], done: {} };
    const subScripts = reachableSubScripts(script, all);
    const used = new Set(
      [script, ...subScripts].flatMap((s) => s.steps.flatMap((st) => (st.kind === 'macro' ? [st.macroId] : []))),
    );
    return {
      script: toScriptView(script),
      subScripts: subScripts.map(toScriptView),
      macros: macros.filter((m) => used.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
      done,
    };
  }

  /** Marks a step done (or not), on one script of the conversation's, in a transaction of its own. */
  async function mark(who: StaffIdentity, conversationId: string, scriptId: string, stepId: string, isDone: boolean) {
    const c = await conversationFor(who, conversationId, 'mark');
    const current = await forConversation(who, conversationId);
    if (![current.script, ...current.subScripts].some((s) => s?.id === scriptId))
      throw notFound(`script ${scriptId} of this conversation`);
    await markIn(db, who.orgId, c.id, scriptId, stepId, isDone);
    return forConversation(who, conversationId);
  }

  async function markIn(
    dbOrTx: Db,
    orgId: string,
    conversationId: string,
    scriptId: string,
    stepId: string,
    isDone: boolean,
  ) {
    await transaction(dbOrTx, async (tx) => {
      const script = await store.getScript(tx, orgId, scriptId);
      if (!script) throw notFound(`script ${scriptId}`);
      const marked = markStep(script, await store.lockProgress(tx, orgId, conversationId, scriptId), stepId, isDone);
      if (!marked.ok) throw new DomainError('not-found', marked.reason);
      await store.saveProgress(tx, { orgId, conversationId, scriptId, done: marked.done, now: clock.now() });
    });
  }

  return {
    list: async (orgId: string) => (await store.listScripts(db, orgId)).map(toScriptView),
    create: (orgId: string, s: NewScript) => save(orgId, null, s),
    update: (orgId: string, id: string, s: NewScript) => save(orgId, id, s),
    remove,
    forConversation,
    mark,
    /** For the macro runner: the conversation checked for a run, and a script step marked on success. */
    conversationFor,
    markIn,
  };
}

function refusalError(c: { agentId: string | null }, who: StaffIdentity, refusal: string) {
  return c.agentId !== who.userId && !oversees(who) ? forbidden(refusal) : conflict(refusal);
}

export type ScriptService = ReturnType<typeof createScriptService>;
