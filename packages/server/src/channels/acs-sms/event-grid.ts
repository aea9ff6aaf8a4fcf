import type { DeliveryStatus, InboundActivity } from '@switchboard/protocol';
import { toE164, toOurNumber } from '../../domain/contacts/phone.js';
import { WebhookRefused, type ParsedWebhook, type WebhookRequest } from '../adapter.js';

/**
 * ACS SMS events as Event Grid delivers them (CH2): a JSON array in the Event Grid schema, after a
 * one-time SubscriptionValidation handshake. The docs' samples write `data` keys in PascalCase, the
 * SDK models in camelCase; both are read.
 */

export const EventTypes = {
  validation: 'Microsoft.EventGrid.SubscriptionValidationEvent',
  received: 'Microsoft.Communication.SMSReceived',
  deliveryReport: 'Microsoft.Communication.SMSDeliveryReportReceived',
} as const;

type EventData = Record<string, unknown>;
type GridEvent = { eventType: string; data: EventData; at: number };

const NOTHING_TO_SAY = { status: 200, contentType: 'text/plain; charset=utf-8', body: '' };

export function parseEventGrid(req: WebhookRequest): ParsedWebhook {
  if (req.method.toUpperCase() === 'OPTIONS') {
    // The CloudEvents handshake must answer with a WebHook-Allowed-Origin header, which a reply cannot carry.
    throw new WebhookRefused(
      400,
      'subscribe with the Event Grid event schema: the CloudEvents handshake is not supported',
    );
  }
  const events = readEvents(req.rawBody);
  if (req.headers['aeg-event-type']?.toLowerCase() === 'subscriptionvalidation') return validationReply(events);
  return { activities: events.flatMap(toActivities), reply: NOTHING_TO_SAY };
}

function readEvents(rawBody: Buffer): GridEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookRefused(400, 'the body is not JSON: Event Grid posts a JSON array of events');
  }
  if (!Array.isArray(body)) throw new WebhookRefused(400, 'the body is not a JSON array of Event Grid events');
  return body.map((event: unknown, at) => {
    const { eventType, data } = isObject(event) ? event : {};
    if (typeof eventType !== 'string') throw new WebhookRefused(400, `event ${at} has no eventType`);
    if (!isObject(data)) throw new WebhookRefused(400, `event ${at} (${eventType}) has no data`);
    return { eventType, data, at };
  });
}

function validationReply(events: GridEvent[]): ParsedWebhook {
  const event = events.find((e) => e.eventType === EventTypes.validation);
  const code = event && field(event.data, 'ValidationCode');
  if (typeof code !== 'string' || code === '') {
    throw new WebhookRefused(400, 'a SubscriptionValidation delivery without a validation code');
  }
  // Event Grid takes only a 200 with the code as validationResponse (a 202 fails the handshake).
  const reply = { status: 200, contentType: 'application/json', body: JSON.stringify({ validationResponse: code }) };
  return { activities: [], reply };
}

function toActivities(event: GridEvent): InboundActivity[] {
  if (event.eventType === EventTypes.received) {
    return [
      {
        type: 'inbound-message',
        providerMessageId: text(event, 'MessageId'),
        from: phoneNumber(event, 'From'),
        to: phoneNumber(event, 'To'),
        text: optionalText(event, 'Message') ?? '',
        attachments: [],
        profileName: null,
        receivedAt: timestamp(field(event.data, 'ReceivedTimestamp')),
      },
    ];
  }
  if (event.eventType === EventTypes.deliveryReport) {
    const acsStatus = text(event, 'DeliveryStatus');
    const status = deliveryStatus(acsStatus);
    const details = optionalText(event, 'DeliveryStatusDetails');
    return [
      {
        type: 'status',
        providerMessageId: text(event, 'MessageId'),
        status,
        reason: status === 'failed' ? (details ? `${acsStatus}: ${details}` : acsStatus) : null,
        at: timestamp(field(event.data, 'ReceivedTimestamp')),
      },
    ];
  }
  return []; // Other events of the resource (chat, calls ...) are not this channel's.
}

/** ACS reports a final word per message: Delivered, or Failed / Expired; anything else is still on its way. */
function deliveryStatus(acsStatus: string): DeliveryStatus {
  const word = acsStatus.toLowerCase();
  if (word === 'delivered') return 'delivered';
  if (word === 'failed' || word === 'expired') return 'failed';
  return 'sent';
}

function field(data: EventData, pascalName: string): unknown {
  return data[pascalName] ?? data[pascalName[0]!.toLowerCase() + pascalName.slice(1)];
}

function optionalText(event: GridEvent, name: string): string | null {
  const value = field(event.data, name);
  return typeof value === 'string' ? value : null;
}

function text(event: GridEvent, name: string): string {
  const value = optionalText(event, name);
  if (value === null || value === '')
    throw new WebhookRefused(400, `event ${event.at} (${event.eventType}) has no ${name}`);
  return value;
}

/** ACS writes numbers as digits with the country code and no `+`. */
function phoneNumber(event: GridEvent, name: string): string {
  const raw = text(event, name);
  // Our number (To) may be a short code; the customer's is a long code.
  const number = name === 'To' ? toOurNumber(raw) : toE164(raw);
  if (number === null) {
    throw new WebhookRefused(
      400,
      `event ${event.at} (${event.eventType}): ${name} ${JSON.stringify(raw)} is not a number`,
    );
  }
  return number;
}

function timestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
