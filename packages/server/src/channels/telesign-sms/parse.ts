import type { InboundActivity } from '@switchboard/protocol';
import { toE164 } from '../../domain/contacts/phone.js';
import { WebhookRefused, type ParsedWebhook, type WebhookReply, type WebhookRequest } from '../adapter.js';
import type { TeleSignConfig } from './adapter.js';
import { deliveryStatusOf } from './status-codes.js';

type Json = Record<string, unknown>;

/** TeleSign wants a 200 and nothing more; anything else makes it try again (four attempts). */
const ACKNOWLEDGED: WebhookReply = { status: 200, contentType: 'text/plain', body: '' };

/**
 * A TeleSign callback as one activity (CH2): an MO SMS (`sub_resource: "mo_sms"`, the text in
 * `user_response`) or a delivery report (`status.code` for a `reference_id` we sent). Both name
 * the transaction by `reference_id`, which is what dedupes TeleSign's retries.
 */
export function parseCallback(req: WebhookRequest, config: TeleSignConfig): ParsedWebhook {
  const body = readJson(req.rawBody);
  const referenceId = body['reference_id'];
  if (typeof referenceId !== 'string' || referenceId.trim() === '') {
    throw new WebhookRefused(400, 'TeleSign callback has no reference_id');
  }
  const activity = isInboundSms(body) ? inboundMessage(body, referenceId, config) : statusUpdate(body, referenceId);
  return { activities: [activity], reply: ACKNOWLEDGED };
}

function readJson(raw: Buffer): Json {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookRefused(400, 'TeleSign callback is not JSON');
  }
  if (!isObject(value)) throw new WebhookRefused(400, 'TeleSign callback is not a JSON object');
  return value;
}

function isInboundSms(body: Json): boolean {
  const channel = body['sub_resource'];
  // One TeleSign callback URL can also carry MMS, RCS or WhatsApp; an SMS channel cannot read those.
  if (typeof channel === 'string' && channel.startsWith('mo_') && channel !== 'mo_sms') {
    throw new WebhookRefused(400, `TeleSign ${channel} callbacks are not SMS: this channel reads mo_sms`);
  }
  return channel === 'mo_sms' || body['user_response'] !== undefined;
}

function inboundMessage(body: Json, referenceId: string, config: TeleSignConfig): InboundActivity {
  const response = body['user_response'];
  if (!isObject(response)) throw new WebhookRefused(400, 'TeleSign MO SMS has no user_response');
  const sender = textOf(response['phone_number']);
  const from = sender === null ? null : toE164(sender);
  if (from === null) throw new WebhookRefused(400, 'TeleSign MO SMS has no phone number in user_response.phone_number');
  const text = textOf(response['mo_message']);
  if (text === null) throw new WebhookRefused(400, 'TeleSign MO SMS has no mo_message');
  // sender_id is the number the customer wrote to; a short code is kept as TeleSign wrote it.
  const ours = textOf(response['sender_id']);
  // A STOP, START or HELP keyword (user_response.action) is answered by TeleSign itself; the text
  // still reaches the conversation as the customer wrote it, so the agent sees the opt-out.
  return {
    type: 'inbound-message',
    providerMessageId: referenceId,
    from,
    to: ours === null ? config.numbers[0]! : (toE164(ours) ?? ours),
    text,
    attachments: [],
    profileName: null,
    receivedAt: timestampOf(body['submit_timestamp']),
  };
}

function statusUpdate(body: Json, referenceId: string): InboundActivity {
  const status = body['status'];
  const code = isObject(status) ? textOf(status['code']) : null;
  if (!isObject(status) || code === null || !/^\d+$/.test(code)) {
    throw new WebhookRefused(
      400,
      'TeleSign callback has neither a user_response (an inbound SMS) nor a status.code (a delivery report)',
    );
  }
  const description = typeof status['description'] === 'string' ? status['description'] : null;
  return {
    type: 'status',
    providerMessageId: referenceId,
    ...deliveryStatusOf(Number(code), description),
    at: timestampOf(status['updated_on']),
  };
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function timestampOf(value: unknown): string | null {
  const at = typeof value === 'string' ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : null;
}
