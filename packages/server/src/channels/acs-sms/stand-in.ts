import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { digitsOf } from '../../domain/contacts/phone.js';
import type { SignedWebhook, StandIn, StandInFactory, StandInMessage } from '../adapter.js';
import { eventGridEndpoint, splitConnectionString, type AcsConfig } from './config.js';
import { EventTypes } from './event-grid.js';

/**
 * A local Azure Communication Services SMS API (CH7): `POST /sms?api-version=2021-03-07` checked as
 * ACS checks it (the access key's HMAC over method, path, date, host and body hash), and the Event
 * Grid deliveries ACS would make to our webhook.
 */

const API_VERSION = '2021-03-07';
const SIGNED_HEADERS = 'x-ms-date;host;x-ms-content-sha256';
const DATE_SKEW_MS = 15 * 60_000;

type SendItem = {
  to: string;
  messageId: string;
  httpStatusCode: 202;
  repeatabilityResult: 'accepted';
  successful: true;
};

export const acsStandIn: StandInFactory<AcsConfig> = (config) => {
  const accessKey = Buffer.from(splitConnectionString(config.connectionString)?.accessKey ?? '', 'base64');
  const sent: StandInMessage[] = [];
  const tags = new Map<string, string | null>();
  const answered = new Map<string, SendItem>();
  const failures: number[] = [];

  async function send(request: FastifyRequest, reply: FastifyReply) {
    const failure = failures.shift();
    if (failure !== undefined) {
      return refuse(reply, failure, 'StandInFailure', `the stand-in was told to answer ${failure}`);
    }
    const denied = authProblem(request, accessKey);
    if (denied) return refuse(reply, 401, 'Denied', denied);
    if ((request.query as Record<string, string>)['api-version'] !== API_VERSION) {
      return refuse(reply, 400, 'InvalidApiVersion', `api-version must be ${API_VERSION}`);
    }
    const body = readSendRequest(request.body as Buffer, config.numbers);
    if (typeof body === 'string') return refuse(reply, 400, 'BadRequest', body);
    const value = body.smsRecipients.map((recipient) => {
      const repeat = recipient.repeatabilityRequestId && answered.get(recipient.repeatabilityRequestId);
      if (repeat) return repeat;
      const item: SendItem = {
        to: recipient.to,
        messageId: acsMessageId('Outgoing'),
        httpStatusCode: 202,
        repeatabilityResult: 'accepted',
        successful: true,
      };
      sent.push({
        providerMessageId: item.messageId,
        to: recipient.to,
        from: body.from,
        text: body.message,
        at: new Date(),
      });
      tags.set(item.messageId, body.tag);
      if (recipient.repeatabilityRequestId) answered.set(recipient.repeatabilityRequestId, item);
      return item;
    });
    return reply.code(202).send({ value });
  }

  return {
    sent,
    async register(app, prefix) {
      await app.register(
        async (scope) => {
          // The HMAC covers the body's exact bytes, so the route reads them unparsed.
          if (scope.hasContentTypeParser('application/json')) scope.removeContentTypeParser('application/json');
          scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, raw, done) => done(null, raw));
          scope.post('/sms', send);
        },
        { prefix },
      );
    },
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    inbound(webhookUrl, { from, to, body }) {
      const messageId = acsMessageId('Incoming');
      const data = {
        MessageId: messageId,
        From: digitsOf(from),
        To: digitsOf(to),
        Message: body,
        ReceivedTimestamp: now(),
      };
      return delivery(webhookUrl, config.webhookSecret, 'Notification', [gridEvent(EventTypes.received, to, data)]);
    },
    status(webhookUrl, providerMessageId, status) {
      const message = sent.find((m) => m.providerMessageId === providerMessageId);
      const ours = message?.from ?? config.numbers[0]!;
      const delivered = status === 'delivered';
      const data = {
        MessageId: providerMessageId,
        From: digitsOf(ours),
        To: digitsOf(message?.to ?? '+14255550123'),
        DeliveryStatus: delivered ? 'Delivered' : 'Failed',
        DeliveryStatusDetails: delivered ? 'No error.' : 'The carrier could not deliver the message.',
        DeliveryAttempts: [
          { Timestamp: now(), SegmentsSucceeded: delivered ? 1 : 0, SegmentsFailed: delivered ? 0 : 1 },
        ],
        ReceivedTimestamp: now(),
        Tag: tags.get(providerMessageId) ?? null,
      };
      return delivery(webhookUrl, config.webhookSecret, 'Notification', [
        gridEvent(EventTypes.deliveryReport, ours, data),
      ]);
    },
  } satisfies StandIn;
};

/** The handshake Event Grid posts to a new subscription's endpoint before any event. */
export function subscriptionValidation(
  webhookUrl: string,
  webhookSecret: string,
  validationCode: string,
): SignedWebhook {
  const data = {
    validationCode,
    // Where a manual validation would GET; the code in the answer does it for us.
    validationUrl: `https://rp-westeurope.eventgrid.azure.net/eventsubscriptions/sb/validate?id=${randomUUID()}`,
  };
  const event = { ...gridEvent(EventTypes.validation, null, data), dataVersion: '2' };
  return delivery(webhookUrl, webhookSecret, 'SubscriptionValidation', [event]);
}

function delivery(webhookUrl: string, webhookSecret: string, kind: string, events: object[]): SignedWebhook {
  return {
    url: eventGridEndpoint(webhookUrl, webhookSecret),
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'aeg-event-type': kind,
      'aeg-subscription-name': 'SWITCHBOARD',
      'aeg-delivery-count': '0',
      'aeg-data-version': '1.0',
      'aeg-metadata-version': '1',
    },
    body: JSON.stringify(events),
  };
}

function gridEvent(eventType: string, ourNumber: string | null, data: Record<string, unknown>) {
  return {
    id: randomUUID(),
    topic: STAND_IN_TOPIC,
    subject: ourNumber ? `/phonenumber/${digitsOf(ourNumber)}` : '',
    data,
    eventType,
    dataVersion: '1.0',
    metadataVersion: '1',
    eventTime: now(),
  };
}

const STAND_IN_TOPIC =
  '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/switchboard' +
  '/providers/microsoft.communication/communicationservices/stand-in';

const now = () => new Date().toISOString();

/** ACS's ids read `Outgoing_<yyyyMMddHHmmss><guid>_noam`. */
function acsMessageId(direction: 'Outgoing' | 'Incoming'): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${direction}_${stamp}${randomUUID()}_noam`;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** Why the request is not signed with our access key, as ACS's HMAC-SHA256 scheme checks it; null when it is. */
function authProblem(request: FastifyRequest, accessKey: Buffer): string | null {
  const date = header(request, 'x-ms-date');
  const contentHash = header(request, 'x-ms-content-sha256');
  const host = header(request, 'host');
  const authorization = /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(.+)$/.exec(header(request, 'authorization'));
  if (!authorization) return 'no HMAC-SHA256 Authorization header';
  if (authorization[1] !== SIGNED_HEADERS) return `SignedHeaders must be ${SIGNED_HEADERS}`;
  const sentAt = Date.parse(date);
  if (Number.isNaN(sentAt) || Math.abs(Date.now() - sentAt) > DATE_SKEW_MS) return 'x-ms-date is missing or not recent';
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (createHash('sha256').update(raw).digest('base64') !== contentHash)
    return 'x-ms-content-sha256 is not the body hash';
  const stringToSign = `${request.method}\n${request.url}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', accessKey).update(stringToSign).digest();
  const given = Buffer.from(authorization[2]!, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'the signature does not match';
  return null;
}

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

type SendRequest = {
  from: string;
  message: string;
  tag: string | null;
  smsRecipients: { to: string; repeatabilityRequestId?: string }[];
};

/** The send request's fields ACS requires, or why it is not one. */
function readSendRequest(raw: Buffer | undefined, numbers: string[]): SendRequest | string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw?.toString('utf8') ?? '');
  } catch {
    return 'the body is not JSON';
  }
  const { from, message, smsRecipients, smsSendOptions } = body;
  if (typeof from !== 'string' || !numbers.includes(from)) return `from must be one of ${numbers.join(', ')}`;
  if (typeof message !== 'string' || message === '') return 'message is required';
  if (message.length > 2048) return 'message is longer than 2048 characters';
  const recipients = Array.isArray(smsRecipients) ? (smsRecipients as { to?: unknown }[]) : [];
  if (recipients.length === 0 || recipients.some((r) => typeof r?.to !== 'string' || r.to === '')) {
    return 'smsRecipients must list at least one recipient with a to number';
  }
  const tag = (smsSendOptions as { tag?: unknown } | undefined)?.tag;
  return {
    from,
    message,
    tag: typeof tag === 'string' ? tag : null,
    smsRecipients: recipients as SendRequest['smsRecipients'],
  };
}
