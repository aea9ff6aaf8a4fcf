import { randomUUID } from 'node:crypto';
import type { KnowledgeSearchResult, MacroRun, QuickReply, RunMacroRequest } from '@switchboard/protocol';
import type { Clock } from '../../domain/clock.js';
import { notFound } from '../../domain/errors.js';
import { runMacro } from '../../domain/macros/interpreter.js';
import { getConversation } from '../../store/conversations.js';
import type { Db } from '../../store/db.js';
import { getMacro } from '../../store/macros.js';
import { insertActivity } from '../../store/macro-records.js';
import type { StaffIdentity } from '../identity.js';
import type { ScriptService } from '../scripts.js';
import type { ActionDeps } from './actions/action-deps.js';
import { bindActions } from './actions/registry.js';
import { macroValuesOf } from './conversation-values.js';

export type MacroRunnerDeps = {
  db: Db;
  clock: Clock;
  scripts: Pick<ScriptService, 'conversationFor' | 'markIn'>;
  sendMessage: ActionDeps['sendMessage'];
  records: ActionDeps['records'];
  quickReplies: (who: StaffIdentity) => Promise<QuickReply[]>;
  searchKnowledge: (orgId: string, phrase: string, language?: 'en' | 'nl' | 'fr') => Promise<KnowledgeSearchResult>;
};

function summaryOf(name: string, run: MacroRun): string {
  if (run.ok) return `Macro "${name}" ran: ${run.steps.length} step${run.steps.length === 1 ? '' : 's'} done`;
  return `Macro "${name}" stopped at ${run.failed!.reason}`;
}

/**
 * Runs a macro in a conversation (AG8): its agent or a supervisor, while it is active. The interpreter
 * runs the steps one by one, each action committing on its own: a failing step stops the run and what
 * the earlier steps did stays (a created case stays created). Every run, whole or stopped, lands on
 * the customer's timeline with each step's result; a script's macro step is marked done when it succeeded.
 */
export function createMacroRunner(deps: MacroRunnerDeps) {
  const { db, clock } = deps;

  return async function run(who: StaffIdentity, conversationId: string, macroId: string, req: RunMacroRequest) {
    const conversation = await deps.scripts.conversationFor(who, conversationId, 'run');
    const macro = await getMacro(db, who.orgId, macroId);
    if (!macro) throw notFound(`macro ${macroId}`);
    const values = await macroValuesOf(db, conversation, who.name);
    const actions = bindActions({
      db,
      clock,
      who,
      conversation,
      runId: randomUUID(),
      sendMessage: deps.sendMessage,
      quickReplies: deps.quickReplies,
      searchKnowledge: deps.searchKnowledge,
      records: deps.records,
    });
    const result = await runMacro(macro, values, actions);
    // The timeline row names the records the conversation links to after the run (a case it created).
    const after = (await getConversation(db, who.orgId, conversationId)) ?? conversation;
    await insertActivity(db, {
      orgId: who.orgId,
      kind: 'macro-run',
      contactId: after.contactId,
      accountId: after.accountId,
      caseId: after.caseId,
      conversationId: after.id,
      actorId: who.role === 'api' ? null : who.userId,
      summary: summaryOf(macro.name, result),
      detail: {
        macroId: macro.id,
        macroName: macro.name,
        ok: result.ok,
        ...(result.failed ? { failed: result.failed } : {}),
        steps: result.steps.map((s) => ({ stepId: s.stepId, kind: s.kind, status: s.status, message: s.message })),
      },
      createdAt: clock.now(),
    });
    if (result.ok && req.scriptId && req.stepId)
      await deps.scripts.markIn(db, who.orgId, conversationId, req.scriptId, req.stepId, true);
    return result;
  };
}

export type MacroRunner = ReturnType<typeof createMacroRunner>;
