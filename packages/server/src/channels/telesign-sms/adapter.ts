import { z } from 'zod';
import { digitsOf, toE164, toOurNumber } from '../../domain/contacts/phone.js';
import type { ChannelAdapter, SendOutcome, VerifyResult, WebhookRequest } from '../adapter.js';
import { readStatus, sendSms, type TeleSignAnswer } from './messaging-client.js';
import { parseCallback } from './parse.js';
import { sameSignature, signWithApiKey } from './signature.js';
import { knownStatus } from './status-codes.js';

const CUSTOMER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Our number as the admin writes it: E.164, or digits with the country code as TeleSign's portal shows them. */
const OurNumber = z.string().transform((raw, ctx) => {
  const e164 = toOurNumber(raw);
  if (e164 === null) {
    const message = `"${raw}" is not a phone number: write it with its country code, as 15555550100 or +15555550100, or a short code`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return e164;
});

/** A TeleSign SMS channel as the admin enters it (CH2). */
export const TeleSignConfig = z.strictObject({
  customerId: z
    .string()
    .trim()
    .regex(CUSTOMER_ID, 'a TeleSign customer id looks like 1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D (TeleSign portal)'),
  apiKey: z
    .string()
    .trim()
    .regex(BASE64, { message: 'the TeleSign API key is base64: copy it whole from the TeleSign portal', abort: true })
    .refine((key) => Buffer.from(key, 'base64').length >= 16, 'the TeleSign API key is too short'),
  numbers: z.array(OurNumber).min(1, 'add the number (or numbers) TeleSign sends from'),
  /** TeleSign's traffic type: ARN alerts and notifications, MKT marketing, OTP one-time codes. */
  messageType: z.enum(['ARN', 'MKT', 'OTP']).default('ARN'),
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});
export type TeleSignConfig = z.output<typeof TeleSignConfig>;

/** SMS over TeleSign (CH2): MO callbacks and delivery reports in, the Messaging API out. */
export const telesignSms: ChannelAdapter<TeleSignConfig> = {
  provider: 'telesign',
  kind: 'sms',
  capabilities: { asynchronous: true, typing: false, attachments: false, maxLength: 1600, segmentLength: 160 },
  config: TeleSignConfig,
  secretFields: ['apiKey'],
  defaultApiBaseUrl: 'https://rest-api.telesign.com',
  verify: verifyCallback,
  parse: parseCallback,
  async send(message, config, io) {
    const to = toE164(message.to);
    if (to === null) return { ok: false, retryable: false, reason: `"${message.to}" is not a phone number` };
    // TeleSign sends from the number the account has set up, so `message.from` is not passed on.
    const sms = { phoneDigits: digitsOf(to), text: message.text, messageType: config.messageType };
    return outcomeOf(await sendSms(config, io, sms));
  },
};

/**
 * TeleSign signs a callback over its raw body with the account's API key:
 * `Authorization: TSA {customerId}:{signature}`, or the bare signature in `X-TS-Authorization`.
 */
function verifyCallback(req: WebhookRequest, config: TeleSignConfig): VerifyResult {
  const authorization = req.headers['authorization']?.trim();
  const bare = req.headers['x-ts-authorization']?.trim();
  let signature: string;
  if (authorization?.startsWith('TSA ')) {
    const match = /^TSA\s+([^:\s]+):(\S+)$/.exec(authorization);
    if (!match) return { ok: false, reason: 'the Authorization header is not "TSA <customer id>:<signature>"' };
    if (match[1]!.toLowerCase() !== config.customerId.toLowerCase()) {
      return { ok: false, reason: `signed for TeleSign customer ${match[1]}, not this channel's` };
    }
    signature = match[2]!;
  } else if (bare) {
    signature = bare;
  } else {
    return { ok: false, reason: 'no TeleSign signature: neither a TSA Authorization nor an X-TS-Authorization header' };
  }
  return sameSignature(signature, signWithApiKey(config.apiKey, req.rawBody))
    ? { ok: true }
    : { ok: false, reason: "the signature does not match the body signed with this channel's API key" };
}

/** TeleSign's answer as an outcome: down or busy may be retried, a refusal may not. */
export function outcomeOf(answer: TeleSignAnswer): SendOutcome {
  if (answer.kind !== 'answered') return { ok: false, retryable: answer.kind === 'unreachable', reason: answer.reason };
  const { httpStatus, body } = answer;
  const { code, description } = readStatus(body);
  const said = `TeleSign answered ${httpStatus}: ${description || 'no description'}`;
  if (httpStatus === 429 || httpStatus >= 500) return { ok: false, retryable: true, reason: said };
  if (httpStatus < 200 || httpStatus >= 300) return { ok: false, retryable: false, reason: said };
  const referenceId = body.reference_id;
  if (typeof referenceId !== 'string' || referenceId === '') {
    return { ok: false, retryable: false, reason: `TeleSign answered ${httpStatus} without a reference_id` };
  }
  const known = code === null ? undefined : knownStatus(code);
  if (known?.status === 'failed') {
    return { ok: false, retryable: false, reason: `TeleSign ${code}: ${description || known.description}` };
  }
  return { ok: true, providerMessageId: referenceId, status: known?.status ?? 'queued' };
}
