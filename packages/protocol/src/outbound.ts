import { z } from 'zod';
import { ChannelProvider } from './channels.js';
import { Id, MultiLine, SingleLine, Timestamp } from './common.js';

/**
 * Outbound messages (CH6): templates with placeholders, per language, sent by an agent or a
 * supervisor to one customer or many over an SMS channel, with a result per recipient.
 */

/** What a template may say: each is filled from the recipient, the sender or the organisation. */
export const TEMPLATE_PLACEHOLDERS = ['customerName', 'agentName', 'orgName', 'channelNumber'] as const;

export const TemplateLanguage = z.enum(['en', 'nl', 'fr']);

export const NewMessageTemplate = z.strictObject({
  name: SingleLine(80, { min: 1, minMessage: 'a template needs a name' }),
  /** The text in each language it is written in; at least one. `{customerName}` and the like are filled in. */
  bodies: z
    .record(TemplateLanguage, MultiLine(1600, { min: 1, minMessage: 'a template text cannot be empty' }))
    .refine((b) => Object.keys(b).length > 0, { message: 'write the template in at least one language' }),
});
export type NewMessageTemplate = z.infer<typeof NewMessageTemplate>;

export const MessageTemplate = NewMessageTemplate.extend({ id: Id, updatedAt: Timestamp });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

/** Who to send to: numbers (typed, or a CSV's first column), or every contact whose name or city matches. */
export const OutboundRecipients = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('numbers'),
    numbers: z.array(SingleLine(40)).min(1, 'give at least one number').max(5000, 'at most 5,000 recipients at once'),
  }),
  z.strictObject({ kind: z.literal('contacts'), search: SingleLine(100, { min: 1, minMessage: 'search for something' }) }),
]);
export type OutboundRecipients = z.infer<typeof OutboundRecipients>;

export const NewOutboundJob = z.strictObject({
  channelId: Id,
  templateId: Id,
  language: TemplateLanguage,
  recipients: OutboundRecipients,
});
export type NewOutboundJob = z.infer<typeof NewOutboundJob>;

export const OutboundRecipientResult = z.object({
  to: z.string(),
  name: z.string().nullable(),
  status: z.enum(['invalid', 'pending', 'sending', 'queued', 'sent', 'delivered', 'read', 'failed', 'dead']),
  reason: z.string().nullable(),
});
export type OutboundRecipientResult = z.infer<typeof OutboundRecipientResult>;

/** A send in progress or done: counts for the progress bar, and every recipient's result. */
export const OutboundJob = z.object({
  id: Id,
  channelId: Id,
  templateId: Id,
  language: TemplateLanguage,
  createdAt: Timestamp,
  createdBy: z.string(),
  total: z.number().int(),
  /** Recipients the provider has answered for (accepted or refused), and those that could not be sent. */
  done: z.number().int(),
  failed: z.number().int(),
  recipients: z.array(OutboundRecipientResult),
});
export type OutboundJob = z.infer<typeof OutboundJob>;

/** An SMS channel one may send from, as any staff member may see it (no workstream, no secrets). */
export const OutboundChannel = z.object({
  id: Id,
  name: z.string(),
  provider: ChannelProvider,
  numbers: z.array(z.string()),
});
export type OutboundChannel = z.infer<typeof OutboundChannel>;
