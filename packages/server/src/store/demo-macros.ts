import { and, eq, isNull } from 'drizzle-orm';
import type { NewMacro, NewScript } from '@switchboard/protocol';
import type { Db } from './db.js';
import { insertMacro } from './macros.js';
import { insertScript } from './scripts.js';
import { quickReplies } from './schema.js';

export const DEMO_MACRO_NAME = 'Create case from chat';
export const DEMO_SCRIPT_NAME = 'Website chat';

/**
 * The demo's macro and script (AG7, AG8): "Create case from chat" makes a case from the conversation,
 * links it and tells the customer with a quick reply; the website chat's script greets, verifies the
 * customer in a sub-script and runs the macro. Called by seed-demo.ts once the quick replies exist.
 */
export async function seedDemoMacros(tx: Db, orgId: string, workstreamId: string) {
  const now = new Date();
  const [moment] = await tx
    .select({ id: quickReplies.id })
    .from(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), isNull(quickReplies.ownerId), eq(quickReplies.title, 'One moment')));
  const macro: NewMacro = {
    name: DEMO_MACRO_NAME,
    steps: [
      { id: 'case', kind: 'createCase', title: 'Chat with {customer.name}', priority: 'normal', link: false },
      { id: 'link', kind: 'linkRecord', record: 'case', ref: '{steps.case.caseId}' },
      moment
        ? { id: 'tell', kind: 'sendQuickReply', quickReplyId: moment.id }
        : { id: 'tell', kind: 'sendQuickReply', text: 'I opened case {steps.case.caseNumber} for you.' },
    ],
  };
  const made = await insertMacro(tx, orgId, macro, now);
  const verify: NewScript = {
    name: 'Verify the customer',
    steps: [
      { id: 'email', kind: 'text', text: 'Confirm the email address the customer gave.' },
      { id: 'account', kind: 'text', text: 'Ask which company they are with.' },
    ],
    workstreamId: null,
    rule: null,
    order: 10,
  };
  const sub = await insertScript(tx, orgId, verify, now);
  const main: NewScript = {
    name: DEMO_SCRIPT_NAME,
    steps: [
      { id: 'greet', kind: 'text', text: 'Greet the customer by name.' },
      { id: 'verify', kind: 'script', scriptId: sub.id },
      { id: 'case', kind: 'macro', macroId: made.id, label: DEMO_MACRO_NAME },
      { id: 'close', kind: 'text', text: 'Ask whether there is anything else.' },
    ],
    workstreamId,
    rule: null,
    order: 0,
  };
  await insertScript(tx, orgId, main, now);
}
