import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { toOurNumber } from '../../domain/contacts/phone.js';

/**
 * An Azure Communication Services SMS channel as the admin enters it (CH2, CH7): the resource's
 * connection string, the secret that guards our Event Grid webhook, and the numbers it owns.
 */

const CONNECTION_STRING = /^endpoint=([^;]+);accesskey=([^;]+)$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const CONNECTION_STRING_SHAPE = 'endpoint=https://<name>.communication.azure.com/;accesskey=<base64 key>';

export type AcsConnection = { endpoint: string; accessKey: string };

/** The endpoint and access key of a connection string, as the SDK reads them; null when it has neither. */
export function splitConnectionString(text: string): AcsConnection | null {
  const match = CONNECTION_STRING.exec(text.trim());
  return match ? { endpoint: match[1]!, accessKey: match[2]! } : null;
}

/** Why a connection string is not one the Azure portal gives out; null when it is. */
function connectionStringProblem(text: string): string | null {
  const parts = splitConnectionString(text);
  if (!parts) return `a connection string looks like ${CONNECTION_STRING_SHAPE}`;
  if (!URL.canParse(parts.endpoint) || new URL(parts.endpoint).protocol !== 'https:') {
    return `the connection string's endpoint must be an https URL (${CONNECTION_STRING_SHAPE})`;
  }
  if (!BASE64.test(parts.accessKey))
    return `the connection string's accesskey must be base64 (${CONNECTION_STRING_SHAPE})`;
  return null;
}

const E164Number = z.string().transform((raw, ctx) => {
  const number = toOurNumber(raw);
  if (number === null) {
    const message = `${JSON.stringify(raw)} is not a phone number; write it as +18445550100, or a short code`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return number;
});

export const AcsConfig = z.strictObject({
  connectionString: z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const problem = connectionStringProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Event Grid does not sign its deliveries; the webhook URL carries a token made from this secret instead. */
  webhookSecret: z.string().min(24, 'the webhook secret needs at least 24 characters'),
  numbers: z.array(E164Number).min(1, 'at least one number: the first is the default sender'),
  /** Replaces the connection string's endpoint (a stand-in, a proxy); null: the endpoint in the string. */
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});
export type AcsConfig = z.infer<typeof AcsConfig>;

/**
 * The `secret` query parameter of the channel's Event Grid endpoint: an HMAC of the webhook URL's
 * path with the webhook secret. The path holds the channel's id, so a URL leaked or copied for one
 * channel opens no other, even when two channels were given the same secret.
 */
export function webhookToken(webhookSecret: string, webhookUrl: string): string {
  return createHmac('sha256', webhookSecret).update(new URL(webhookUrl).pathname).digest('hex');
}

/** The URL the admin gives Event Grid as the subscription's webhook endpoint. */
export function eventGridEndpoint(webhookUrl: string, webhookSecret: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('secret', webhookToken(webhookSecret, webhookUrl));
  return url.toString();
}

/** Whether `given` is the token for the path of `url` (as Event Grid called it); constant time. */
export function isWebhookToken(given: string, url: string, webhookSecret: string): boolean {
  const expected = Buffer.from(webhookToken(webhookSecret, url), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
