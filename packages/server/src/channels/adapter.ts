import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type {
  ChannelCapabilities,
  ChannelProvider,
  DeliveryStatus,
  InboundActivity,
  OutboundMessage,
} from '@switchboard/protocol';

/**
 * One provider's webhooks and API behind the channel seam (CH5-CH7). An adapter is pure
 * translation: it verifies and parses what the provider posts, and sends through the vendor's
 * SDK. It never touches the database; `services/channel-inbound.ts` and the outbox do.
 */
export type ChannelAdapter<C extends ChannelConfig = ChannelConfig> = {
  provider: ChannelProvider;
  /** What conversations on it are (`Channel`): SMS, or a custom channel run by an external program. */
  kind: 'sms' | 'custom';
  capabilities: ChannelCapabilities;
  /** The channel's configuration as the admin enters it: credentials and settings, checked. */
  config: z.ZodType<C>;
  /** Fields of `config` that are secrets: sealed at rest, never returned by the API (set/unset). */
  secretFields: readonly string[];
  /** The vendor's API base URL, used when the channel sets none. */
  defaultApiBaseUrl: string;
  /**
   * The URL to paste into the provider's console, made from the channel's webhook URL; by default that
   * URL itself. Azure's Event Grid signs nothing, so its endpoint carries a token made with a secret.
   */
  webhookUrl?: (url: string, config: C) => string;
  /** Whether the provider signed this request (and, where it has one, within its time window). */
  verify(req: WebhookRequest, config: C): VerifyResult;
  /** The provider's body as activities, and what the provider expects back; throws `WebhookRefused`. */
  parse(req: WebhookRequest, config: C): ParsedWebhook;
  /** Sends one message through the vendor's SDK, pointed at `io.apiBaseUrl`. Never throws. */
  send(message: OutboundMessage, config: C, io: SendIo): Promise<SendOutcome>;
};

/** What every channel configuration has beside its provider's own fields. */
export type ChannelConfig = {
  /** Our numbers on this channel, E.164; the first is the default sender. */
  numbers: string[];
  /** The provider API's base URL; null: the vendor's (`defaultApiBaseUrl`). */
  apiBaseUrl: string | null;
};

/** A webhook as it reached us; header names are lower case. */
export type WebhookRequest = {
  /** The URL exactly as the provider called it: PUBLIC_URL, path and query string. */
  url: string;
  method: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  query: Record<string, string>;
};

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** What the provider expects as the answer (Twilio: TwiML; Event Grid: the validation code). */
export type WebhookReply = { status: number; contentType: string; body: string };

export type ParsedWebhook = { activities: InboundActivity[]; reply: WebhookReply };

/** A webhook we cannot take: a 4xx with this message, nothing stored. */
export class WebhookRefused extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 415,
    message: string,
  ) {
    super(message);
  }
}

export type SendIo = { apiBaseUrl: string; timeoutMs: number };

export type SendOutcome =
  | { ok: true; providerMessageId: string; status: DeliveryStatus }
  /** `retryable`: the provider was down or busy (network, 5xx, 429); otherwise it refused the message. */
  | { ok: false; retryable: boolean; reason: string };

/**
 * A local stand-in for the provider's API, checking requests the way the vendor does (its auth
 * scheme, its required fields) and recording what it accepted. Tests point the SDK at it; the demo
 * mounts it so `npm start` sends SMS with no account anywhere.
 */
export type StandIn = {
  /** Mounts the provider API's routes under `prefix` (e.g. `/demo/providers/twilio`). */
  register(app: FastifyInstance, prefix: string): Promise<void>;
  /** Messages the stand-in accepted, oldest first. */
  sent: StandInMessage[];
  /** The next `count` sends answer `status` (a provider that is down or refuses). */
  failNext(status: number, count?: number): void;
  /** A webhook the provider would post for an inbound text, signed as it signs, with a fresh message id. */
  inbound(webhookUrl: string, text: { from: string; to: string; body: string }): SignedWebhook;
  /** The status callback the provider would post for a message it accepted. */
  status(webhookUrl: string, providerMessageId: string, status: 'delivered' | 'failed'): SignedWebhook;
};

/** Makes a stand-in that accepts the credentials of `config` (and only those). */
export type StandInFactory<C extends ChannelConfig> = (config: C) => StandIn;

export type StandInMessage = { providerMessageId: string; to: string; from: string; text: string; at: Date };

/** A request as the provider would send it to `url`. */
export type SignedWebhook = { url: string; method: 'POST'; headers: Record<string, string>; body: string };
