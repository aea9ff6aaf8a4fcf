import { z } from 'zod';
import { Callback } from './callbacks.js';
import {
  Channel,
  ConversationState,
  Email,
  Id,
  INT4_MAX,
  MultiLine,
  RequestInstant,
  SingleLine,
  Timestamp,
} from './common.js';
import { ConversationEvent } from './events.js';
import { CustomerSentiment, MessageSentiments } from './sentiment.js';
import { WrapUp } from './wrap-up.js';
import { PrechatAnswerMap } from './widget-settings.js';

export const PrechatAnswers = z.strictObject({
  name: SingleLine(200, { min: 1, minMessage: 'name is required' }),
  email: Email,
  question: MultiLine(2000, { min: 1, minMessage: 'question is required' }),
  /** Answers to the widget's own questions (CH1), checked against them by the server. */
  answers: PrechatAnswerMap.optional(),
});
export type PrechatAnswers = z.infer<typeof PrechatAnswers>;

/** Context variables set by the host page; routing rules may read them. */
export const ContextVariables = z
  .record(SingleLine(100, { trim: false }), z.union([MultiLine(1000, { trim: false }), z.number(), z.boolean()]))
  .refine((vars) => Object.keys(vars).length <= 50, { message: 'at most 50 context variables' });
export type ContextVariables = z.infer<typeof ContextVariables>;

export const ConversationSummary = z.object({
  id: Id,
  channel: Channel,
  /** The channel record it came in on; null for web chat. */
  channelId: Id.nullable(),
  /** The customer's number on SMS (E.164); null for web chat. */
  customerAddress: z.string().nullable(),
  state: ConversationState,
  queueId: Id.nullable(),
  queueName: z.string().nullable(),
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  firstMessage: z.string().nullable(),
  createdAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  /** Highest staff-audience event sequence number. */
  lastSeq: z.number().int(),
  /** A work item made from a callback request (AG11): the agent phones or emails, there is no chat. */
  callbackId: Id.nullable(),
  /** Only for the agent who holds it, once the customer has a level (SV8); nobody else's reads carry it. */
  customerSentiment: CustomerSentiment.optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const Participant = z.object({
  role: z.enum(['customer', 'primary', 'consultant', 'monitor', 'bot']),
  userId: Id.nullable(),
  name: z.string(),
  joinedAt: Timestamp,
  leftAt: Timestamp.nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const ConversationDetail = ConversationSummary.extend({
  participants: z.array(Participant),
  prechat: PrechatAnswers.nullable(),
  context: ContextVariables,
  events: z.array(ConversationEvent),
  /** The wrap-up form as last saved (AG4). */
  wrapUp: WrapUp,
  /** The callback request this work item was made from (AG11), with the customer's details. */
  callback: Callback.nullable(),
  /** Each customer message's level (SV8): only for supervisors and admins, never for its agent. */
  messageSentiments: MessageSentiments.optional(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** A page of a list: `cursor` is an earlier page's `nextCursor`, passed back unchanged. */
export const PageQuery = z.object({
  cursor: SingleLine(400, { min: 1, minMessage: 'cursor is empty' }).optional(),
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(200, 'limit is at most 200').default(50),
});
export type PageQuery = z.input<typeof PageQuery>;

export const ConversationListQuery = PageQuery.extend({
  /** `all`: every ongoing or open conversation of the organisation (supervisors and admins). */
  scope: z.enum(['ongoing', 'closed', 'all']).default('ongoing'),
  /** Search (AG10): part of the customer's name, email or number, in any case. */
  customer: SingleLine(200, { min: 1, minMessage: 'customer is empty' }).optional(),
  /** Search (AG10): conversations started at or after `from` and before `to`. */
  from: RequestInstant.optional(),
  to: RequestInstant.optional(),
}).refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
  message: 'from must be before to',
  path: ['to'],
});
export type ConversationListQuery = z.input<typeof ConversationListQuery>;

/** One page, newest first (pick: in pick order); `total` counts every page; no `nextCursor` on the last. */
export const ConversationList = z.object({
  conversations: z.array(ConversationSummary),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type ConversationList = z.infer<typeof ConversationList>;

/** `after` is compared with an integer column: above its largest value it is refused, not a database error. */
export const EventsQuery = z.object({
  after: z.coerce
    .number()
    .int('after is a whole number')
    .min(0, 'after is at least 0')
    .max(INT4_MAX, `after is at most ${INT4_MAX}`)
    .default(0),
});
export type EventsQuery = z.input<typeof EventsQuery>;

export const EventList = z.object({ events: z.array(ConversationEvent) });
export type EventList = z.infer<typeof EventList>;

export const Offer = z.object({
  id: Id,
  conversationId: Id,
  customerName: z.string(),
  firstMessage: z.string().nullable(),
  queueName: z.string().nullable(),
  /** When the customer started waiting: the UI shows the time waited from it. */
  waitingSince: Timestamp,
  offeredAt: Timestamp,
  expiresAt: Timestamp,
});
export type Offer = z.infer<typeof Offer>;

/** `serverTime` lets a client whose clock is off count offers down by the server's. */
export const OfferList = z.object({ offers: z.array(Offer), serverTime: Timestamp });
export type OfferList = z.infer<typeof OfferList>;

export const OfferClosed = z.object({
  offerId: Id,
  conversationId: Id,
  outcome: z.enum(['accepted', 'rejected', 'timeout', 'withdrawn']),
});
export type OfferClosed = z.infer<typeof OfferClosed>;

export const Queue = z.object({ id: Id, name: z.string() });
export const QueueList = z.object({ queues: z.array(Queue) });
export type QueueList = z.infer<typeof QueueList>;
