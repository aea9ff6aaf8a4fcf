import { ApiCallError, type AttachmentRef, type ConversationEvent } from '@switchboard/protocol';

/**
 * A customer message on its way to the server. It stays in the (persisted) outbox until the
 * server has stored it, so a reload or a navigation mid-send sends it again; the server keeps
 * only one copy per `clientMessageId`.
 */
export type OutboxItem = {
  clientMessageId: string;
  conversationId: string;
  text: string;
  /** Files uploaded before sending (AG4); items stored before attachments have none. */
  attachments?: AttachmentRef[];
  createdAt: string;
  /** Set when the server refused it (4xx): it is shown, not retried. */
  error: string | null;
};

export const addToOutbox = (outbox: readonly OutboxItem[], item: OutboxItem): OutboxItem[] =>
  outbox.some((i) => i.clientMessageId === item.clientMessageId) ? [...outbox] : [...outbox, item];

export const removeFromOutbox = (outbox: readonly OutboxItem[], clientMessageId: string): OutboxItem[] =>
  outbox.filter((i) => i.clientMessageId !== clientMessageId);

export const markFailed = (outbox: readonly OutboxItem[], clientMessageId: string, error: string): OutboxItem[] =>
  outbox.map((i) => (i.clientMessageId === clientMessageId ? { ...i, error } : i));

/** The oldest unsent message of the conversation: messages go one at a time, in order. */
export const nextToSend = (outbox: readonly OutboxItem[], conversationId: string): OutboxItem | undefined =>
  outbox.find((i) => i.conversationId === conversationId && i.error === null);

/** Outbox items not yet seen in the timeline (the socket may deliver a message before its REST reply). */
export function unconfirmed(
  outbox: readonly OutboxItem[],
  events: readonly ConversationEvent[],
  conversationId: string,
): OutboxItem[] {
  const delivered = new Set<string>();
  for (const e of events)
    if (e.type === 'message' && e.message.clientMessageId) delivered.add(e.message.clientMessageId);
  return outbox.filter((i) => i.conversationId === conversationId && !delivered.has(i.clientMessageId));
}

/** Network failures, timeouts, rate limits and server errors may pass; other 4xx answers will not. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ApiCallError) return err.status >= 500 || err.status === 408 || err.status === 429;
  return true;
}

/** Exponential backoff with jitter, 1 s doubling up to 30 s, so reconnecting clients spread out. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
