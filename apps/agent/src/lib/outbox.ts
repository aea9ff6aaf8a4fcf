import { ApiCallError, type AttachmentRef } from '@switchboard/protocol';

export type OutboxEntry = {
  clientMessageId: string;
  conversationId: string;
  text: string;
  internal: boolean;
  /** Files uploaded before sending (AG4); entries kept from before attachments have none. */
  attachments?: AttachmentRef[];
  createdAt: number;
  status: 'pending' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  error: string | null;
};

export type OutboxInput = Pick<OutboxEntry, 'clientMessageId' | 'conversationId' | 'text' | 'internal' | 'attachments'>;

export function newOutboxEntry(input: OutboxInput, now: number): OutboxEntry {
  return { ...input, createdAt: now, status: 'pending', attempts: 0, nextAttemptAt: now, error: null };
}

/**
 * `retry`: the server may not have stored it (network down, restart, 5xx): send it again, the
 * server dedupes by clientMessageId. `fail`: the server refused it; sending again will not help.
 */
export function classifySendError(err: unknown): 'retry' | 'fail' {
  if (!(err instanceof ApiCallError)) return 'retry';
  // 401: the app signs out; the message waits for the next sign-in instead of being dropped.
  if (err.status >= 500 || err.status === 401 || err.status === 408 || err.status === 429) return 'retry';
  return 'fail';
}

export function backoffDelay(attempts: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export type OutboxStorePort = {
  list(): OutboxEntry[];
  update(clientMessageId: string, patch: Partial<OutboxEntry>): void;
  remove(clientMessageId: string): void;
};

export type OutboxRunnerDeps<R> = {
  store: OutboxStorePort;
  send(entry: OutboxEntry): Promise<R>;
  /** Runs before the entry leaves the outbox, so the message never disappears from view. */
  onSent(entry: OutboxEntry, result: R): Promise<void> | void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  backoff?: (attempts: number) => number;
};

/**
 * Sends pending entries one at a time per conversation, oldest first, so messages keep their
 * order; a refused entry is marked failed and does not block the ones after it.
 */
export function createOutboxRunner<R>(deps: OutboxRunnerDeps<R>) {
  const backoff = deps.backoff ?? ((attempts: number) => backoffDelay(attempts));
  const inFlight = new Set<string>();
  let timer: unknown = null;
  let stopped = false;

  function heads(): OutboxEntry[] {
    const byConversation = new Map<string, OutboxEntry>();
    const pending = deps.store
      .list()
      .filter((e) => e.status === 'pending')
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const entry of pending)
      if (!byConversation.has(entry.conversationId)) byConversation.set(entry.conversationId, entry);
    return [...byConversation.values()];
  }

  async function attempt(entry: OutboxEntry): Promise<void> {
    inFlight.add(entry.clientMessageId);
    try {
      const result = await deps.send(entry);
      await deps.onSent(entry, result);
      deps.store.remove(entry.clientMessageId);
    } catch (err) {
      const attempts = entry.attempts + 1;
      if (classifySendError(err) === 'fail') {
        deps.store.update(entry.clientMessageId, {
          status: 'failed',
          attempts,
          error: err instanceof Error ? err.message : String(err),
        });
      } else {
        deps.store.update(entry.clientMessageId, {
          attempts,
          nextAttemptAt: deps.now() + backoff(attempts),
          error: null,
        });
      }
    } finally {
      inFlight.delete(entry.clientMessageId);
    }
    kick();
  }

  function kick(): void {
    if (stopped) return;
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    const now = deps.now();
    let wakeAt = Infinity;
    for (const head of heads()) {
      if (inFlight.has(head.clientMessageId)) continue;
      if (head.nextAttemptAt <= now) void attempt(head);
      else wakeAt = Math.min(wakeAt, head.nextAttemptAt);
    }
    if (wakeAt !== Infinity) timer = deps.setTimer(kick, wakeAt - now);
  }

  return {
    kick,
    /** After a reconnect: the server is back, so waiting out the backoff only delays messages. */
    retryNow(): void {
      const now = deps.now();
      for (const e of deps.store.list())
        if (e.status === 'pending' && e.nextAttemptAt > now)
          deps.store.update(e.clientMessageId, { nextAttemptAt: now });
      kick();
    },
    retryFailed(clientMessageId: string): void {
      deps.store.update(clientMessageId, { status: 'pending', attempts: 0, nextAttemptAt: deps.now(), error: null });
      kick();
    },
    stop(): void {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}

export type OutboxRunner = ReturnType<typeof createOutboxRunner>;
