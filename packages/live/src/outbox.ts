import { ApiCallError, type AttachmentRef, type ConversationEvent } from '@switchboard/protocol';

/** What a message on its way says; an app may add fields (the agent's `internal`). */
export type OutboxMessage = {
  clientMessageId: string;
  conversationId: string;
  text: string;
  /** Files uploaded before sending (AG4); entries kept from before attachments have none. */
  attachments?: AttachmentRef[];
};

/** How far the outbox got with it. */
export type OutboxProgress = {
  createdAt: number;
  /** `failed`: the server refused it (4xx); it is shown with `error`, and sent again only when asked. */
  status: 'pending' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  error: string | null;
};

/**
 * A message on its way to the server. It stays in the (persisted) outbox until the server has
 * stored it, so a reload mid-send sends it again; the server keeps one copy per clientMessageId.
 */
export type OutboxEntry<M extends OutboxMessage = OutboxMessage> = M & OutboxProgress;

export function newOutboxEntry<M extends OutboxMessage>(message: M, now: number): OutboxEntry<M> {
  return { ...message, createdAt: now, status: 'pending', attempts: 0, nextAttemptAt: now, error: null };
}

/** Adds an entry once: a second add of the same clientMessageId changes nothing. */
export const addToOutbox = <E extends OutboxEntry>(outbox: readonly E[], entry: E): E[] =>
  outbox.some((e) => e.clientMessageId === entry.clientMessageId) ? [...outbox] : [...outbox, entry];

export const removeFromOutbox = <E extends OutboxEntry>(outbox: readonly E[], clientMessageId: string): E[] =>
  outbox.filter((e) => e.clientMessageId !== clientMessageId);

export const patchOutbox = <E extends OutboxEntry>(
  outbox: readonly E[],
  clientMessageId: string,
  patch: Partial<OutboxProgress>,
): E[] => outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, ...patch } : e));

/** Entries of the conversation its timeline does not hold yet (the socket may beat the REST reply). */
export function unconfirmed<E extends OutboxEntry>(
  outbox: readonly E[],
  events: readonly ConversationEvent[],
  conversationId: string,
): E[] {
  const delivered = new Set<string>();
  for (const e of events)
    if (e.type === 'message' && e.message.clientMessageId) delivered.add(e.message.clientMessageId);
  return outbox.filter((e) => e.conversationId === conversationId && !delivered.has(e.clientMessageId));
}

/** Network failures, timeouts, rate limits and server errors may pass on a later try; other 4xx will not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiCallError) return err.status >= 500 || err.status === 408 || err.status === 429;
  return true;
}

/** Staff apps sign out on a 401: the message waits for the next sign-in instead of being dropped. */
export const isTransientForStaff = (err: unknown): boolean =>
  isTransient(err) || (err instanceof ApiCallError && err.status === 401);

/**
 * 1 s after the first failure, doubling up to 30 s. `random` spreads the wait over its upper half
 * so that many clients reconnecting at once do not all come back together.
 */
export function backoffDelay(attempts: number, random: () => number = () => 1): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type OutboxStorePort<E extends OutboxEntry> = {
  list(): readonly E[];
  update(clientMessageId: string, patch: Partial<OutboxProgress>): void;
  remove(clientMessageId: string): void;
};

/** The port over an array kept elsewhere (a store, localStorage), changed by read-modify-write. */
export function outboxPortOver<E extends OutboxEntry>(
  list: () => readonly E[],
  change: (edit: (outbox: readonly E[]) => E[]) => void,
): OutboxStorePort<E> {
  return {
    list,
    update: (id, patch) => change((outbox) => patchOutbox(outbox, id, patch)),
    remove: (id) => change((outbox) => removeFromOutbox(outbox, id)),
  };
}

export type OutboxRunnerDeps<E extends OutboxEntry, R> = {
  store: OutboxStorePort<E>;
  send(entry: E): Promise<R>;
  /** Runs before the entry leaves the outbox, so the message never disappears from view. */
  onSent(entry: E, result: R): Promise<void> | void;
  /** The server refused it; the entry stays, marked failed with the reason. */
  onFailed?(entry: E, message: string): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Whether a failed send may pass later (default isTransient). */
  retryable?: (err: unknown) => boolean;
  backoff?: (attempts: number) => number;
};

/**
 * Sends pending entries one at a time per conversation, oldest first, so messages keep their
 * order; a refused entry is marked failed and does not block the ones after it. The store is
 * read again on every step: another tab, or the user, may have changed it.
 */
export function createOutboxRunner<E extends OutboxEntry, R>(deps: OutboxRunnerDeps<E, R>) {
  const backoff = deps.backoff ?? ((attempts: number) => backoffDelay(attempts));
  const retryable = deps.retryable ?? isTransient;
  const inFlight = new Set<string>();
  let timer: unknown = null;
  let stopped = false;

  function heads(): E[] {
    const byConversation = new Map<string, E>();
    const pending = deps.store
      .list()
      .filter((e) => e.status === 'pending')
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const e of pending) if (!byConversation.has(e.conversationId)) byConversation.set(e.conversationId, e);
    return [...byConversation.values()];
  }

  async function attempt(entry: E): Promise<void> {
    inFlight.add(entry.clientMessageId);
    try {
      const result = await deps.send(entry);
      // Stopped mid-send (sign-out, another conversation): the stored entry is left for the next
      // start to send again, deduplicated by the server, and nothing stale is told.
      if (stopped) return;
      await deps.onSent(entry, result);
      deps.store.remove(entry.clientMessageId);
    } catch (err) {
      if (stopped) return;
      const attempts = entry.attempts + 1;
      if (retryable(err)) {
        deps.store.update(entry.clientMessageId, {
          attempts,
          nextAttemptAt: deps.now() + backoff(attempts),
          error: null,
        });
      } else {
        const message = err instanceof Error ? err.message : String(err);
        deps.store.update(entry.clientMessageId, { status: 'failed', attempts, error: message });
        deps.onFailed?.(entry, message);
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
    /** After a reconnect or a new message: the server is back, so waiting out a backoff only delays. */
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

/** An entry read back from storage, older forms included (a date string, no status); null if unusable. */
export function storedOutboxEntry(value: unknown): OutboxEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const count = (k: string) => (typeof v[k] === 'number' && Number.isFinite(v[k]) ? (v[k] as number) : 0);
  const [clientMessageId, conversationId, body] = [text('clientMessageId'), text('conversationId'), text('text')];
  if (clientMessageId === null || conversationId === null || body === null) return null;
  const error = text('error');
  const createdAt = typeof v.createdAt === 'string' ? Date.parse(v.createdAt) || 0 : count('createdAt');
  return {
    clientMessageId,
    conversationId,
    text: body,
    ...(Array.isArray(v.attachments) ? { attachments: v.attachments as AttachmentRef[] } : {}),
    createdAt,
    status: v.status === 'failed' || (v.status === undefined && error !== null) ? 'failed' : 'pending',
    attempts: count('attempts'),
    nextAttemptAt: count('nextAttemptAt'),
    error,
  };
}
