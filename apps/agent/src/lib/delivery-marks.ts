import type { ConversationEvent } from '@switchboard/protocol';

export type DeliveryMark = Pick<Extract<ConversationEvent, { type: 'delivery' }>, 'status' | 'reason' | 'attempts'>;

/**
 * How far each reply on a channel such as SMS has got: the last delivery event of each message,
 * by message id. Events arrive in order, so the last one read is the latest word.
 */
export function deliveryMarks(events: readonly ConversationEvent[]): Map<string, DeliveryMark> {
  const marks = new Map<string, DeliveryMark>();
  for (const e of events)
    if (e.type === 'delivery') marks.set(e.messageId, { status: e.status, reason: e.reason, attempts: e.attempts });
  return marks;
}
