import { z } from 'zod';
import { AttachmentIds, AttachmentRef } from './attachments.js';
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
  /** Files sent with the message (AG4); events stored before attachments have none. */
  attachments: z.array(AttachmentRef).optional(),
});
export type Message = z.infer<typeof Message>;

/**
 * The client picks `clientMessageId` once per message and reuses it on every retry,
 * so a message sent again after a lost reply is stored only once.
 */
const sendFields = {
  clientMessageId: SingleLine(64, { min: 8, trim: false }),
  /** Empty only when the message carries files. */
  text: MessageText.or(z.literal('')),
  /** Files uploaded to this conversation by the sender and not sent yet (AG4). */
  attachmentIds: AttachmentIds,
};
const hasContent = (m: { text: string; attachmentIds: string[] }) => m.text !== '' || m.attachmentIds.length > 0;
const EMPTY = { message: 'message text is empty and it carries no attachment', path: ['text'] };

export const SendMessageRequest = z.strictObject(sendFields).refine(hasContent, EMPTY);
export type SendMessageRequest = z.input<typeof SendMessageRequest>;

export const SendAgentMessageRequest = z
  .strictObject({ ...sendFields, internal: z.boolean().default(false) })
  .refine(hasContent, EMPTY);
export type SendAgentMessageRequest = z.input<typeof SendAgentMessageRequest>;
