// The SDK's signing and TwiML modules alone: the whole package (its REST client) costs a node ~15 MB more.
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { Attachment, DeliveryStatus, InboundActivity } from '@switchboard/protocol';
import { toE164, toOurNumber } from '../../domain/contacts/phone.js';
import { WebhookRefused, type ParsedWebhook, type VerifyResult, type WebhookRequest } from '../adapter.js';
import type { TwilioConfig } from './config.js';

/**
 * Twilio's webhooks (CH2): inbound texts and status callbacks, both form posts signed with the
 * account's auth token over the URL and every parameter. Twilio adds parameters without notice,
 * so the signature covers all of them as received, never a list of the ones we read.
 */

/** Every form parameter of the body; a repeated key keeps all its values, as the signature needs. */
export function formParams(rawBody: Buffer): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

export function verifyTwilioWebhook(req: WebhookRequest, config: TwilioConfig): VerifyResult {
  const signature = req.headers['x-twilio-signature'];
  if (!signature) return { ok: false, reason: 'the X-Twilio-Signature header is missing' };
  return signedBy(config.authToken, signature, req)
    ? { ok: true }
    : { ok: false, reason: 'the X-Twilio-Signature does not match this URL, body and auth token' };
}

function signedBy(authToken: string, signature: string, req: WebhookRequest): boolean {
  try {
    // validateRequest also tries the URL with and without its default port, as Twilio may sign either.
    return validateRequest(authToken, signature, req.url, formParams(req.rawBody));
  } catch {
    return false; // a URL it cannot read signs nothing
  }
}

/** What Twilio expects back: TwiML with nothing to do (we answer through the API, not the reply). */
const EMPTY_TWIML = { status: 200, contentType: 'text/xml', body: new MessagingResponse().toString() };

export function parseTwilioWebhook(req: WebhookRequest): ParsedWebhook {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    throw new WebhookRefused(400, `a Twilio webhook is form-encoded, not "${contentType || 'no content type'}"`);
  }
  const params = formParams(req.rawBody);
  const field = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const messageSid = field('MessageSid');
  if (!messageSid) throw new WebhookRefused(400, 'the Twilio webhook has no MessageSid');
  const messageStatus = field('MessageStatus');
  // Inbound texts say `received`; anything else is news about a message we sent.
  if (messageStatus && messageStatus !== 'received' && messageStatus !== 'receiving') {
    const update = statusUpdate(messageSid, messageStatus, field('ErrorCode'), field('ErrorMessage'));
    return { activities: update ? [update] : [], reply: EMPTY_TWIML };
  }
  const from = phoneField('From', field('From'));
  const to = phoneField('To', field('To'));
  const message: InboundActivity = {
    type: 'inbound-message',
    providerMessageId: messageSid,
    from,
    to,
    text: field('Body') ?? '',
    attachments: mediaOf(field),
    profileName: field('ProfileName') || null,
    receivedAt: null,
  };
  return { activities: [message], reply: EMPTY_TWIML };
}

function phoneField(name: 'From' | 'To', raw: string | undefined): string {
  if (!raw) throw new WebhookRefused(400, `the Twilio webhook has no ${name}`);
  // Also drops the `whatsapp:` prefix; our own number (To) may be a short code.
  const e164 = name === 'To' ? toOurNumber(raw.replace(/^whatsapp:/i, '')) : toE164(raw);
  if (e164 === null) throw new WebhookRefused(400, `the Twilio webhook's ${name} "${raw}" is not a phone number`);
  return e164;
}

/** MMS media: `MediaUrl0..N-1` with their content types; Twilio sends at most 10. */
function mediaOf(field: (name: string) => string | undefined): Attachment[] {
  const count = Math.min(Number.parseInt(field('NumMedia') ?? '0', 10) || 0, 10);
  const media: Attachment[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(`MediaUrl${i}`);
    if (url) media.push({ url, contentType: field(`MediaContentType${i}`) || null });
  }
  return media;
}

const STATUS: Record<string, DeliveryStatus> = {
  queued: 'queued',
  accepted: 'queued',
  scheduled: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/** Twilio's word for a message's state in ours; null for words that tell us nothing (partially_delivered). */
export const deliveryStatusOf = (twilioStatus: string): DeliveryStatus | null => STATUS[twilioStatus] ?? null;

function statusUpdate(
  sid: string,
  twilioStatus: string,
  errorCode: string | undefined,
  errorMessage: string | undefined,
): InboundActivity | null {
  const status = deliveryStatusOf(twilioStatus);
  if (status === null) return null;
  return {
    type: 'status',
    providerMessageId: sid,
    status,
    reason: status === 'failed' ? failureReason(twilioStatus, errorCode, errorMessage) : null,
    at: null,
  };
}

/** The codes an agent meets most, so the conversation says why without a look-up. */
const ERROR_TEXT: Record<string, string> = {
  '30001': 'queue overflow',
  '30002': 'account suspended',
  '30003': 'unreachable destination handset',
  '30004': 'message blocked',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'message filtered by the carrier',
  '30008': 'unknown error',
  '21610': 'the recipient has unsubscribed',
};

function failureReason(twilioStatus: string, code: string | undefined, message: string | undefined): string {
  if (!code) return `Twilio reported the message ${twilioStatus}`;
  const text = message || ERROR_TEXT[code];
  return text ? `Twilio error ${code}: ${text}` : `Twilio error ${code}`;
}
