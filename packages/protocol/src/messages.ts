import { z } from 'zod';
import { Id, MultiLine, SingleLine, Timestamp } from './common.js';

/** Largest message text accepted, in UTF-8 bytes (the reference's limit is 28 KB). */
export const MAX_MESSAGE_BYTES = 28 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const MessageText = MultiLine(MAX_MESSAGE_BYTES, { min: 1, minMessage: 'message text is empty' }).refine(
  (text) => utf8Bytes(text) <= MAX_MESSAGE_BYTES,
  {
    message: `message text is over ${MAX_MESSAGE_BYTES} bytes`,
  },
);

/** `note` is an internal note: agents and supervisors only (CV3). */
export const MessageKind = z.enum(['customer', 'agent', 'system', 'bot', 'note']);
export type MessageKind = z.infer<typeof MessageKind>;

export const Message = z.object({
  id: Id,
  kind: MessageKind,
  text: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  clientMessageId: z.string().nullable(),
  at: Timestamp,
});
export type Message = z.infer<typeof Message>;

/**
 * The client picks `clientMessageId` once per message and reuses it on every retry,
 * so a message sent again after a lost reply is stored only once.
 */
export const SendMessageRequest = z.strictObject({
  clientMessageId: SingleLine(64, { min: 8, trim: false }),
  text: MessageText,
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const SendAgentMessageRequest = SendMessageRequest.extend({
  internal: z.boolean().default(false),
});
export type SendAgentMessageRequest = z.input<typeof SendAgentMessageRequest>;
