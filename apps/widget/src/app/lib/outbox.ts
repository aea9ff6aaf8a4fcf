import type { OutboxEntry, OutboxStorePort } from '@switchboard/live';
import type { ChatStorage } from './storage.js';

/**
 * A customer message on its way to the server, as the widget keeps it in its (persisted) chat
 * storage: it stays until the server has stored it, so a reload or a navigation mid-send sends it
 * again; the server keeps only one copy per `clientMessageId`. Sending is @switchboard/live's
 * outbox runner, reading and writing this storage through `chatOutboxPort`.
 */
export type OutboxItem = {
  clientMessageId: string;
  conversationId: string;
  text: string;
  createdAt: string;
  /** Set when the server refused it (4xx): it is shown, not retried. */
  error: string | null;
};

export const addToOutbox = (outbox: readonly OutboxItem[], item: OutboxItem): OutboxItem[] =>
  outbox.some((i) => i.clientMessageId === item.clientMessageId) ? [...outbox] : [...outbox, item];

export const removeFromOutbox = (outbox: readonly OutboxItem[], clientMessageId: string): OutboxItem[] =>
  outbox.filter((i) => i.clientMessageId !== clientMessageId);

export const markFailed = (outbox: readonly OutboxItem[], clientMessageId: string, error: string | null) =>
  outbox.map((i) => (i.clientMessageId === clientMessageId ? { ...i, error } : i));

/**
 * The runner's view of one conversation's stored messages. Attempts and their next time are kept
 * in memory only: after a reload a message is simply tried again at once. Storage is re-read on
 * every call, since another tab (or the user) may have changed it.
 */
export function chatOutboxPort(storage: ChatStorage, conversationId: string): OutboxStorePort {
  const retries = new Map<string, { attempts: number; nextAttemptAt: number }>();
  const entry = (i: OutboxItem): OutboxEntry => ({
    clientMessageId: i.clientMessageId,
    conversationId: i.conversationId,
    text: i.text,
    internal: false,
    createdAt: Date.parse(i.createdAt),
    status: i.error === null ? 'pending' : 'failed',
    error: i.error,
    attempts: retries.get(i.clientMessageId)?.attempts ?? 0,
    nextAttemptAt: retries.get(i.clientMessageId)?.nextAttemptAt ?? 0,
  });
  return {
    list: () =>
      storage
        .read()
        .outbox.filter((i) => i.conversationId === conversationId)
        .map(entry),
    update(id, patch) {
      const before = retries.get(id) ?? { attempts: 0, nextAttemptAt: 0 };
      retries.set(id, {
        attempts: patch.attempts ?? before.attempts,
        nextAttemptAt: patch.nextAttemptAt ?? before.nextAttemptAt,
      });
      if (patch.status === 'failed')
        storage.update((s) => ({ ...s, outbox: markFailed(s.outbox, id, patch.error ?? 'refused') }));
      if (patch.status === 'pending') storage.update((s) => ({ ...s, outbox: markFailed(s.outbox, id, null) }));
    },
    remove(id) {
      retries.delete(id);
      storage.update((s) => ({ ...s, outbox: removeFromOutbox(s.outbox, id) }));
    },
  };
}
