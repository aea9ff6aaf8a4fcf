import { z } from 'zod';
import { Id, SingleLine, Timestamp } from './common.js';

/**
 * The channel seam (CH5-CH7): every provider's webhooks become these activities and every reply
 * leaves as one, so conversations, routing and the workspace never see a provider's shapes. The
 * provider's own ids are kept so redeliveries dedupe and status callbacks find their message.
 */

/** Providers a channel can run on; one adapter folder each under `packages/server/src/channels/`. */
export const ChannelProvider = z.enum(['twilio', 'telesign', 'acs', 'custom']);
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

// ---- The admin center's channels (CH5) ----

const ChannelName = SingleLine(80, { min: 1, minMessage: 'a channel needs a name' });
const ConfigValue = z.union([SingleLine(2000), z.array(SingleLine(64)).max(50, 'at most 50 numbers'), z.null()]);

/**
 * A channel as the admin enters it. `config` holds the provider's fields (Twilio: accountSid,
 * authToken, numbers, messagingServiceSid; TeleSign: customerId, apiKey, numbers, messageType; Azure:
 * connectionString, webhookSecret, numbers; each may set apiBaseUrl); the server checks them with the
 * provider's adapter. Secrets are write-only: leave one out on an update to keep the stored value.
 */
export const ChannelInput = z.strictObject({
  name: ChannelName,
  provider: ChannelProvider,
  workstreamId: Id,
  config: z
    .record(SingleLine(40), ConfigValue)
    .refine((c) => Object.keys(c).length <= 20, { message: 'at most 20 configuration fields' }),
});
export type ChannelInput = z.infer<typeof ChannelInput>;

/** A channel as the API shows it: its plain fields, and for each secret only whether it is set. */
export const ChannelView = z.object({
  id: Id,
  name: z.string(),
  provider: ChannelProvider,
  workstreamId: Id,
  numbers: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.boolean()),
  /** Paste this into the provider's console: where it posts inbound texts and delivery reports. */
  webhookUrl: z.string(),
  capabilities: ChannelCapabilities,
});
export type ChannelView = z.infer<typeof ChannelView>;

/** TeleSign's "Validate API key": a test SMS to digits with the country code and no `+`. */
export const ValidateKeyRequest = z.strictObject({
  phoneNumber: z.string().regex(/^[1-9]\d{6,14}$/, 'digits with the country code and no +, such as 31612345678'),
});
export const ValidateKeyResult = z.object({
  ok: z.boolean(),
  code: z.number().int().nullable(),
  description: z.string(),
});
export type ValidateKeyResult = z.infer<typeof ValidateKeyResult>;

/** A reply the outbox could not deliver (dead), or is still trying to, for the admin to see and retry. */
export const OutboxEntry = z.object({
  id: Id,
  channelId: Id,
  /** Null for a message of an outbound send (CH6), which belongs to no conversation yet. */
  conversationId: Id.nullable(),
  messageId: Id,
  to: z.string(),
  text: z.string(),
  status: DeliveryState.shape.status,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxQuery = z.object({ status: z.enum(['dead', 'retrying']).default('dead') });
