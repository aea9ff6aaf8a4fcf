import { z } from 'zod';
import { MAX_MESSAGE_BYTES, MultiLine, SingleLine, type InboundActivity } from '@switchboard/protocol';
import { WebhookRefused, type ParsedWebhook, type WebhookRequest } from '../adapter.js';
import { addressOf, type CustomConfig } from './config.js';

/**
 * What the program posts to `/webhooks/custom/{channelId}` (CH7; README.md is the spec): up to 100
 * activities, each a message from a customer or the status of one of our replies. The post is read
 * whole before anything is stored: one bad activity refuses it all, with where and why.
 */

export const MAX_ACTIVITIES = 100;

// Each field says what it wants when it is missing; then the shared text checks (no control characters).
const Line = (required: string, max: number) =>
  z.string(required).pipe(SingleLine(max, { min: 1, minMessage: required }));
const Id = (what: string) => Line(`id is required: ${what}`, 200);
const WireAddress = (field: string) => Line(`${field} is required: an address`, 64);
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const Timestamp = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field} is an ISO 8601 timestamp, such as 2025-05-01T09:30:00Z` }).nullish();

const WireInbound = z
  .object({
    type: z.literal('inbound-message'),
    id: Id("your program's id for the message"),
    from: WireAddress('from'),
    to: WireAddress('to').optional(),
    text: z
      .string('text is required (a string; "" when the message is only attachments)')
      .pipe(MultiLine(MAX_MESSAGE_BYTES, { trim: false }))
      .refine((text) => utf8Bytes(text) <= MAX_MESSAGE_BYTES, `text is over ${MAX_MESSAGE_BYTES} bytes`),
    attachments: z
      .array(
        z.object({
          url: z.url({ protocol: /^https?$/, error: 'an attachment url is an http(s) URL' }),
          contentType: z.string('contentType is a string').pipe(SingleLine(255)).nullish(),
        }),
        'attachments is a list of { url, contentType }',
      )
      .max(20, 'at most 20 attachments')
      .default([]),
    profileName: z.string('profileName is a string').pipe(SingleLine(200)).nullish(),
    receivedAt: Timestamp('receivedAt'),
  })
  .refine((m) => m.text.trim() !== '' || m.attachments.length > 0, {
    message: 'an inbound message needs text or an attachment',
    path: ['text'],
  });

const WireStatus = z.object({
  type: z.literal('status'),
  id: Id('the id you answered when you took our message (or the id we sent, if you answered none)'),
  status: z.enum(['sent', 'delivered', 'read', 'failed'], 'status is one of sent, delivered, read, failed'),
  reason: z.string('reason is a string').pipe(SingleLine(1000)).nullish(),
  at: Timestamp('at'),
});

const WireActivity = z.discriminatedUnion('type', [WireInbound, WireStatus], {
  error: 'type is "inbound-message" or "status"',
});

const WirePost = z.object(
  {
    activities: z
      .array(WireActivity, 'activities is required: a list of activities')
      .min(1, 'activities is empty: post at least one')
      .max(MAX_ACTIVITIES, `at most ${MAX_ACTIVITIES} activities in one post`),
  },
  'the body is a JSON object with an activities list',
);
type WireActivity = z.output<typeof WireActivity>;

/** The program's post as neutral activities; throws `WebhookRefused` (400) saying what is wrong and where. */
export function parsePost(req: WebhookRequest, config: CustomConfig): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new WebhookRefused(400, 'the body is not JSON');
  }
  const read = WirePost.safeParse(json);
  if (!read.success) {
    const issue = read.error.issues[0]!;
    const where = pathOf(issue.path);
    throw new WebhookRefused(400, where ? `${where}: ${issue.message}` : issue.message);
  }
  const activities = read.data.activities.map((a, i) => activityOf(a, `activities[${i}]`, config));
  return {
    activities,
    reply: {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, received: activities.length }),
    },
  };
}

function activityOf(a: WireActivity, where: string, config: CustomConfig): InboundActivity {
  if (a.type === 'status') {
    return {
      type: 'status',
      providerMessageId: a.id,
      status: a.status,
      reason: a.reason ?? null,
      at: isoOf(a.at),
    };
  }
  const from = addressOf(a.from, config.addressKind);
  if (from === null) throw new WebhookRefused(400, `${where}.from: "${a.from}" is not a phone number`);
  const to = a.to === undefined ? config.numbers[0]! : addressOf(a.to, config.addressKind);
  if (to === null || !config.numbers.includes(to)) {
    const ours = config.numbers.join(', ');
    throw new WebhookRefused(400, `${where}.to: "${a.to}" is not one of this channel's addresses (${ours})`);
  }
  return {
    type: 'inbound-message',
    providerMessageId: a.id,
    from,
    to,
    text: a.text,
    attachments: a.attachments.map((file) => ({ url: file.url, contentType: file.contentType ?? null })),
    profileName: a.profileName ?? null,
    receivedAt: isoOf(a.receivedAt),
  };
}

/** `activities[2].text` from zod's path. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

const isoOf = (at: string | null | undefined) => (at ? new Date(at).toISOString() : null);
