import { caseReference } from '@switchboard/protocol';
import { getConversation } from '../../../store/conversations.js';
import { fail, type ActionFactory } from './action-deps.js';
import { recordOf } from './record-ref.js';

/** resolveCase: the named case, or the conversation's, becomes resolved (a cancelled one stays cancelled). */
export const resolveCase: ActionFactory<'resolveCase'> =
  ({ db, who, conversation: c, records }) =>
  async (step, values) => {
    const ref = step.ref ?? (values['case.id'] || (await getConversation(db, c.orgId, c.id))?.caseId);
    if (!ref) return fail('this conversation has no case linked');
    const found = await recordOf(db, c.orgId, 'case', ref);
    if (!found.ok) return fail(found.reason);
    const kase = found.row as { id: string; number: number; status: string };
    if (kase.status === 'cancelled') return fail(`case ${caseReference(kase.number)} is cancelled`);
    if (kase.status === 'resolved')
      return { ok: true, message: `Case ${caseReference(kase.number)} was resolved already` };
    // The records service stamps resolvedAt and puts the resolution on the timeline.
    await records.updateCase(who, kase.id, { status: 'resolved' });
    return { ok: true, message: `Resolved case ${caseReference(kase.number)}` };
  };
