import { z } from 'zod';
import { Id, SingleLine, Timestamp } from './common.js';

/**
 * Attachments (AG4): files agents and customers send with a message. The server recognises these
 * types by their bytes; an admin allows some of them and sets the largest size.
 */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES, {
  error: `is not a type the server recognises; known types: ${ATTACHMENT_TYPES.join(', ')}`,
});
export type AttachmentType = z.infer<typeof AttachmentType>;

/** The largest file any organisation may allow (25 MiB): the upload routes' body limit. */
export const SERVER_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Attachments one message carries at most. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** A file name as stored and shown: cleaned by the server, at most this many characters. */
export const MAX_FILE_NAME_LENGTH = 120;

export const AttachmentSettings = z.strictObject({
  maxBytes: z
    .number()
    .int('is not a whole number of bytes')
    .min(1024, 'is below 1 KB (1024 bytes)')
    .max(SERVER_MAX_ATTACHMENT_BYTES, `is over the server's cap of 25 MiB (${SERVER_MAX_ATTACHMENT_BYTES} bytes)`),
  types: z
    .array(AttachmentType)
    .max(ATTACHMENT_TYPES.length)
    .refine((t) => new Set(t).size === t.length, 'lists a type twice'),
});
export type AttachmentSettings = z.infer<typeof AttachmentSettings>;

/** What a message event carries of each file it holds. */
export const AttachmentRef = z.object({ id: Id, name: z.string(), contentType: z.string(), size: z.number().int() });
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** An uploaded file, not yet sent: the composer shows it until the message goes. */
export const UploadedAttachment = AttachmentRef.extend({ conversationId: Id, createdAt: Timestamp });
export type UploadedAttachment = z.infer<typeof UploadedAttachment>;

/**
 * The upload's file name; the body is the file itself, sent with its own Content-Type.
 * The server cleans the name further (path parts, odd characters) before keeping it.
 */
export const UploadQuery = z.strictObject({
  name: SingleLine(255, { min: 1, minMessage: 'file name is empty' }),
});

export const AttachmentIds = z
  .array(Id)
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message`)
  .refine((ids) => new Set(ids).size === ids.length, 'lists an attachment twice')
  .default([]);

/** Download answers are the file's bytes; the route table's response stands for them in OpenAPI. */
export const FileBytes = z.string().describe('the file, with its Content-Type');
