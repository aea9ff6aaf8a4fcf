import { QUICK_REPLY_PLACEHOLDERS, renderTemplate } from '@switchboard/protocol';
import { fail, type ActionFactory } from './action-deps.js';

/**
 * sendQuickReply: a quick reply (the organisation's or the runner's own, in the conversation's language
 * or else its first) or the step's text, sent to the customer as the runner, as the composer would.
 */
export const sendQuickReply: ActionFactory<'sendQuickReply'> =
  ({ who, conversation: c, runId, sendMessage, quickReplies }) =>
  async (step) => {
    let text = step.text ?? '';
    if (step.quickReplyId) {
      const reply = (await quickReplies(who)).find((q) => q.id === step.quickReplyId);
      if (!reply) return fail(`quick reply ${step.quickReplyId} not found`);
      const body = reply.bodies[c.locale as 'en'] ?? Object.values(reply.bodies)[0] ?? '';
      const values = { customerName: c.customerName, agentName: who.name, queue: '' };
      text = renderTemplate(body, values, QUICK_REPLY_PLACEHOLDERS);
    }
    if (text.trim() === '') return fail('the message is empty');
    await sendMessage(who, c.id, text, `macro-${runId}-${step.id}`.slice(0, 64));
    return { ok: true, message: `Sent: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}` };
  };
