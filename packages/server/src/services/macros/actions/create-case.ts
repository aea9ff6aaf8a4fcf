import type { ActionFactory } from './action-deps.js';

/**
 * createCase: a case for the conversation's customer (its contact and account), owned by whoever runs
 * the macro, linked to the conversation unless the step says `link: false` (services/records/cases.ts
 * numbers it and links it in one transaction); the workspace opens it in a tab.
 */
export const createCase: ActionFactory<'createCase'> =
  ({ who, conversation: c, records }) =>
  async (step) => {
    const link = step.link !== false;
    const made = await records.createCase(who, {
      title: step.title,
      description: step.description?.trim() || null,
      product: step.product?.trim() || null,
      priority: step.priority ?? 'normal',
      contactId: c.contactId,
      accountId: c.accountId,
      ...(link ? { conversationId: c.id } : {}),
    });
    return {
      ok: true,
      message: `Created case ${made.reference}${link ? ', linked to this conversation' : ''}`,
      outputs: { caseId: made.id, caseNumber: made.reference },
      values: { 'case.id': made.id, 'case.number': made.reference },
      open: { kind: 'case', id: made.id, label: `${made.reference} ${made.title}` },
    };
  };
