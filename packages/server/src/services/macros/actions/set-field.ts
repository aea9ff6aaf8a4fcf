import { CasePriority } from '@switchboard/protocol';
import { getConversation } from '../../../store/conversations.js';
import { setContextVariable } from '../../../store/macro-records.js';
import { fail, type ActionFactory } from './action-deps.js';

const CASE_FIELDS = ['title', 'description', 'product', 'priority'] as const;

/** setField: a context variable of the conversation, or a field of its case (title, description, product, priority). */
export const setField: ActionFactory<'setField'> =
  ({ db, who, conversation, records }) =>
  async (step, values) => {
    const c = conversation;
    if (step.target === 'context') {
      await setContextVariable(db, c.orgId, c.id, step.field, step.value);
      return {
        ok: true,
        message: `Set ${step.field} to "${step.value}"`,
        values: { [`context.${step.field}`]: step.value },
      };
    }
    const field = CASE_FIELDS.find((f) => f === step.field);
    if (!field) return fail(`a case has no field ${step.field}: use ${CASE_FIELDS.join(', ')}`);
    if (field === 'priority' && !CasePriority.safeParse(step.value).success)
      return fail(`priority is low, normal or high, not "${step.value}"`);
    if (field === 'title' && step.value.trim() === '') return fail('a case title cannot be empty');
    const caseId = values['case.id'] || (await getConversation(db, c.orgId, c.id))?.caseId;
    if (!caseId) return fail('this conversation has no case linked');
    await records.updateCase(who, caseId, { [field]: step.value });
    return { ok: true, message: `Set the case's ${field} to "${step.value}"` };
  };
