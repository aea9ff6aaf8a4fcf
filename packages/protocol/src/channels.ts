import { z } from 'zod';
import { Id, SingleLine, Timestamp } from './common.js';

/**
 * The channel seam (CH5-CH7): every provider's webhooks become these activities and every reply
 * leaves as one, so conversations, routing and the workspace never see a provider's shapes. The
 * provider's own ids are kept so redeliveries dedupe and status callbacks find their message.
 */

/** Providers a channel can run on; one adapter folder each under `packages/server/src/channels/`. */
export const ChannelProvider = z.enum(['twilio', 'telesign', 'acs']);
export type ChannelProvider = z.infer<typeof ChannelProvider>;

export const Attachment = z.object({ url: z.string(), contentType: z.string().nullable() });
export type Attachment = z.infer<typeof Attachment>;

/** A customer wrote to us. `from` and `to` are E.164 numbers (`+31612345678`) for SMS. */
export const InboundMessage = z.object({
  type: z.literal('inbound-message'),
  providerMessageId: z.string(),
  from: z.string(),
  to: z.string(),
  text: z.string(),
  attachments: z.array(Attachment).default([]),
  /** The name the provider knows the sender by (WhatsApp profile), when it says. */
  profileName: z.string().nullable().default(null),
  receivedAt: Timestamp.nullable().default(null),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

/** How far a message we sent has got: the provider's words mapped onto ours. */
export const DeliveryStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** A provider's word on a message we sent, found by the id its API gave us. */
export const StatusUpdate = z.object({
  type: z.literal('status'),
  providerMessageId: z.string(),
  status: DeliveryStatus,
  /** Why it failed, in the provider's words and code. */
  reason: z.string().nullable().default(null),
  at: Timestamp.nullable().default(null),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

export const InboundActivity = z.discriminatedUnion('type', [InboundMessage, StatusUpdate]);
export type InboundActivity = z.infer<typeof InboundActivity>;

/** A reply on its way out. `idempotencyKey` is the message's id: a retry never sends it twice. */
export const OutboundMessage = z.object({
  type: z.literal('outbound-message'),
  idempotencyKey: z.string(),
  to: z.string(),
  /** Our number; the adapter falls back to the channel's first number or messaging service. */
  from: z.string().nullable(),
  text: z.string(),
  /** Where the provider posts status updates: the channel's webhook URL. */
  statusCallbackUrl: z.string().nullable(),
});
export type OutboundMessage = z.infer<typeof OutboundMessage>;

/** What a channel can carry; the workspace and the outbox read it instead of the provider's name. */
export const ChannelCapabilities = z.object({
  /** The customer need not stay: the conversation can wait and reopen (CV1). */
  asynchronous: z.boolean(),
  typing: z.boolean(),
  attachments: z.boolean(),
  /** Longest text the provider takes in one message (characters). */
  maxLength: z.number().int().positive(),
  /** Characters per segment (SMS: 160 in GSM-7); null when the channel does not count segments. */
  segmentLength: z.number().int().positive().nullable(),
});
export type ChannelCapabilities = z.infer<typeof ChannelCapabilities>;

export const DeliveryState = z.object({
  status: z.enum(['pending', 'sending', 'queued', 'sent', 'delivered', 'read', 'failed', 'dead']),
  reason: z.string().nullable(),
  attempts: z.number().int(),
});
export type DeliveryState = z.infer<typeof DeliveryState>;

export const PhoneNumberText = SingleLine(32, { min: 1, minMessage: 'a number is required' });
export const ChannelId = Id;
