import type { MacroStepKind } from '@switchboard/protocol';
import type { MacroActionTable } from '../../../domain/macros/interpreter.js';
import type { ActionDeps, ActionFactory } from './action-deps.js';
import { createCase } from './create-case.js';
import { linkRecord } from './link-record.js';
import { openRecord } from './open-record.js';
import { resolveCase } from './resolve-case.js';
import { searchKnowledge } from './search-knowledge.js';
import { sendQuickReply } from './send-quick-reply.js';
import { setField } from './set-field.js';
import { unlinkRecord } from './unlink-record.js';

/** Every macro step kind's action (AG8): a new kind is its schema in the protocol, one file here and one line. */
const ACTIONS: { [K in MacroStepKind]: ActionFactory<K> } = {
  createCase,
  openRecord,
  linkRecord,
  unlinkRecord,
  searchKnowledge,
  sendQuickReply,
  setField,
  resolveCase,
};

/** The action table the interpreter runs with, bound to one run. */
export function bindActions(deps: ActionDeps): MacroActionTable {
  const table = {} as Record<MacroStepKind, unknown>;
  for (const kind of Object.keys(ACTIONS) as MacroStepKind[])
    table[kind] = (ACTIONS[kind] as ActionFactory<typeof kind>)(deps);
  return table as MacroActionTable;
}
