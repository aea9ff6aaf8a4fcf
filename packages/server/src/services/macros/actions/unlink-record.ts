import { getConversation } from '../../../store/conversations.js';
import { setConversationLink } from '../../../store/macro-records.js';
import { fail, type ActionFactory } from './action-deps.js';

/** unlinkRecord: the conversation no longer links to its contact, account or case. */
export const unlinkRecord: ActionFactory<'unlinkRecord'> =
  ({ db, clock, conversation }) =>
  async (step) => {
    const c = await getConversation(db, conversation.orgId, conversation.id);
    const column = step.record === 'contact' ? 'contactId' : step.record === 'account' ? 'accountId' : 'caseId';
    if (!c?.[column]) return fail(`this conversation has no ${step.record} linked`);
    await setConversationLink(db, c.orgId, c.id, step.record, null, clock.now());
    return { ok: true, message: `Unlinked the ${step.record}`, values: { [`${step.record}.id`]: '' } };
  };
