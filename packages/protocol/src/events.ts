import { z } from 'zod';
import { ConversationState, Id, Presence, Timestamp } from './common.js';
import { Message } from './messages.js';

export const Actor = z.object({
  type: z.enum(['customer', 'agent', 'supervisor', 'admin', 'api', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});
export type Actor = z.infer<typeof Actor>;

const base = {
  conversationId: Id,
  /** Per-conversation, per-audience sequence number: 1, 2, 3 ... without gaps. */
  seq: z.number().int().positive(),
  at: Timestamp,
};

export const MessageEvent = z.object({ ...base, type: z.literal('message'), message: Message });
export const StateEvent = z.object({
  ...base,
  type: z.literal('state'),
  from: ConversationState,
  to: ConversationState,
  reason: z.string(),
  actor: Actor,
});
export const OfferedEvent = z.object({
  ...base,
  type: z.literal('offered'),
  offerId: Id,
  agentId: Id,
  agentName: z.string(),
  expiresAt: Timestamp,
});
export const DeclinedEvent = z.object({
  ...base,
  type: z.literal('declined'),
  offerId: Id,
  agentId: Id,
  agentName: z.string(),
  reason: z.enum(['rejected', 'timeout']),
});
export const AcceptedEvent = z.object({
  ...base,
  type: z.literal('accepted'),
  agentId: Id,
  agentName: z.string(),
});

/** How far a reply on a channel such as SMS has got (CH5); staff only. `messageId` is the message's id. */
export const DeliveryEvent = z.object({
  ...base,
  type: z.literal('delivery'),
  messageId: Id,
  status: z.enum(['pending', 'sending', 'queued', 'sent', 'delivered', 'read', 'failed', 'dead']),
  reason: z.string().nullable(),
  attempts: z.number().int(),
});

/** A transfer asked, answered or sent to a queue (AG5); staff only. */
export const TransferEvent = z.object({
  ...base,
  type: z.literal('transfer'),
  transferId: Id.nullable(),
  step: z.enum(['requested', 'accepted', 'rejected', 'timeout', 'withdrawn', 'to-queue']),
  fromName: z.string(),
  /** The receiving agent's name, or the queue's. */
  toName: z.string(),
  note: z.string(),
});

/** A consult asked, answered, left, or its permission changed (AG5); staff only. */
export const ConsultEvent = z.object({
  ...base,
  type: z.literal('consult'),
  consultId: Id.nullable(),
  step: z.enum(['requested', 'accepted', 'rejected', 'timeout', 'left', 'may-message-customer', 'notes-only']),
  fromName: z.string(),
  /** The consultant's name. */
  toName: z.string(),
  note: z.string(),
});

/**
 * A durable conversation event. Clients keep the last `seq` they applied; an event whose
 * `seq` is not last + 1, or a reconnect, means: refetch the events after the last one over REST.
 * Customers see only public events, numbered in their own sequence.
 */
export const ConversationEvent = z.discriminatedUnion('type', [
  MessageEvent,
  StateEvent,
  OfferedEvent,
  DeclinedEvent,
  AcceptedEvent,
  DeliveryEvent,
  TransferEvent,
  ConsultEvent,
]);
export type ConversationEvent = z.infer<typeof ConversationEvent>;

/** Ephemeral: not stored, not numbered. */
export const TypingSignal = z.object({
  conversationId: Id,
  isTyping: z.boolean(),
});
export type TypingSignal = z.infer<typeof TypingSignal>;

export const TypingEvent = TypingSignal.extend({
  from: z.enum(['customer', 'agent']),
  name: z.string(),
});
export type TypingEvent = z.infer<typeof TypingEvent>;

/** The presence routing sees for the signed-in agent, pushed when it changes. */
export const PresenceEvent = z.object({ presence: Presence });
export type PresenceEvent = z.infer<typeof PresenceEvent>;

/** Socket.IO event names and payloads, shared by server and clients. */
export const SocketEvents = {
  conversationEvent: 'conversation:event',
  offer: 'offer:new',
  offerClosed: 'offer:closed',
  presence: 'presence',
  typing: 'typing',
  transfer: 'transfer:new',
  transferClosed: 'transfer:closed',
  /** My workspace changed (AG3), in another tab or on another machine. */
  workspaceChanged: 'workspace:changed',
  notification: 'notification:new',
  notificationClosed: 'notification:closed',
  /**
   * Supervisors and admins (SV1): the socket follows the ongoing list with these filters
   * (`OngoingSubscription`, acknowledged with `OngoingSubscribed`); a new one replaces it.
   */
  ongoingSubscribe: 'ongoing:subscribe',
  /** To that socket: rows of its list changed (`OngoingFeedMessage`), numbered per feed. */
  ongoingPatch: 'ongoing:patch',
  /**
   * To the supervisors of the conversation's queue, or every supervisor and admin when it has none
   * (SV8): a conversation's sentiment fell to the admin's threshold.
   */
  sentimentAlert: 'sentiment:alert',
  /** To the agent who holds it (SV8): its customer's level moved (`CustomerSentimentChanged`). */
  customerSentiment: 'sentiment:changed',
  /** To the conversation's staff room (AG9): its links changed (`ConversationLinks`); summaries refetch. */
  recordsLinked: 'records:linked',
} as const;
