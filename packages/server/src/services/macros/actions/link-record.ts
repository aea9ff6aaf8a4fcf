import { getConversation } from '../../../store/conversations.js';
import { setConversationLink } from '../../../store/macro-records.js';
import { fail, type ActionFactory } from './action-deps.js';
import { recordOf } from './record-ref.js';

/**
 * linkRecord: the conversation links to a contact, account or case. A case or contact of another
 * customer (a contact other than the conversation's) is refused: the link would mix two customers up.
 */
export const linkRecord: ActionFactory<'linkRecord'> =
  ({ db, clock, conversation }) =>
  async (step) => {
    const c = (await getConversation(db, conversation.orgId, conversation.id)) ?? conversation;
    const found = await recordOf(db, c.orgId, step.record, step.ref);
    if (!found.ok) return fail(found.reason);
    const row = found.row as { id: string; contactId?: string | null };
    if (step.record === 'case' && row.contactId && c.contactId && row.contactId !== c.contactId)
      return fail(`case ${found.label} belongs to another customer`);
    await setConversationLink(db, c.orgId, c.id, step.record, row.id, clock.now());
    return {
      ok: true,
      message: `Linked ${step.record} ${found.label}`,
      values: { [`${step.record}.id`]: row.id },
    };
  };
