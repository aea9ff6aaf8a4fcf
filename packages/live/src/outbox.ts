import { ApiCallError } from '@switchboard/protocol';

/**
 * The outbox every app sends messages through (CV5: nothing the user wrote is lost): a message
 * stays until the server has stored it, is sent again after network and server failures (the
 * server keeps one copy per clientMessageId), one at a time per conversation so order holds, and a
 * refused one is kept with its reason without blocking the ones after it. Storage is the app's
 * (localStorage per agent, the widget's per chat): the runner reads and writes it through a port.
 */
export type OutboxEntry = {
  clientMessageId: string;
  conversationId: string;
  text: string;
  internal: boolean;
  createdAt: number;
  status: 'pending' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  error: string | null;
};

export type OutboxInput = Pick<OutboxEntry, 'clientMessageId' | 'conversationId' | 'text' | 'internal'>;

export function newOutboxEntry(input: OutboxInput, now: number): OutboxEntry {
  return { ...input, createdAt: now, status: 'pending', attempts: 0, nextAttemptAt: now, error: null };
}

/**
 * Whether sending again may help: network failures, timeouts, rate limits and server errors may
 * pass; other 4xx answers will not. `unauthorized`: a staff app signs in again and the message
 * waits for that (a visitor's 401 means the chat is gone).
 */
export function isRetryable(err: unknown, opts: { unauthorized?: boolean } = {}): boolean {
  if (!(err instanceof ApiCallError)) return true;
  if (err.status === 401) return opts.unauthorized ?? false;
  return err.status >= 500 || err.status === 408 || err.status === 429;
}

/**
 * The wait before retry number `retry` (0 for the first): 1 s doubling up to 30 s. With `random`,
 * a jittered wait between half and all of it, so many reconnecting clients spread out.
 */
export function backoffDelay(retry: number, random?: () => number): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, retry));
  return random ? Math.round(ceiling / 2 + (random() * ceiling) / 2) : ceiling;
}

/** Entries not yet seen in the timeline (the socket may deliver a message before its REST answer). */
export function unconfirmed<T extends { clientMessageId: string; conversationId: string }>(
  outbox: readonly T[],
  events: readonly { type: string; message?: { clientMessageId?: string | null } }[],
  conversationId: string,
): T[] {
  const delivered = new Set<string>();
  for (const e of events)
    if (e.type === 'message' && e.message?.clientMessageId) delivered.add(e.message.clientMessageId);
  return outbox.filter((i) => i.conversationId === conversationId && !delivered.has(i.clientMessageId));
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
  /** The server refused it: the entry stays, marked failed with the reason. */
  onFailed?(entry: OutboxEntry, message: string): void;
  /** A failure that may pass: the runner waits and tries again. */
  onTrouble?(err: unknown): void;
  /** See isRetryable. */
  retryUnauthorized?: boolean;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** The wait after `attempts` failed attempts; by default backoffDelay(attempts - 1). */
  backoff?: (attempts: number) => number;
};

/**
 * Sends pending entries one at a time per conversation, oldest first, so messages keep their
 * order; a refused entry is marked failed and does not block the ones after it. After stop(),
 * answers still on their way change nothing: the entry stays for the next runner, which sends it
 * again under the same clientMessageId.
 */
export function createOutboxRunner<R>(deps: OutboxRunnerDeps<R>) {
  const backoff = deps.backoff ?? ((attempts: number) => backoffDelay(attempts - 1));
  const inFlight = new Set<string>();
  let timer: unknown = null;
  let stopped = false;

  function heads(): OutboxEntry[] {
    const byConversation = new Map<string, OutboxEntry>();
    const pending = deps.store
      .list()
      .filter((e) => e.status === 'pending')
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const e of pending) if (!byConversation.has(e.conversationId)) byConversation.set(e.conversationId, e);
    return [...byConversation.values()];
  }

  async function attempt(entry: OutboxEntry): Promise<void> {
    inFlight.add(entry.clientMessageId);
    try {
      const result = await deps.send(entry);
      if (stopped) return;
      await deps.onSent(entry, result);
      deps.store.remove(entry.clientMessageId);
    } catch (err) {
      if (stopped) return;
      const attempts = entry.attempts + 1;
      if (!isRetryable(err, { unauthorized: deps.retryUnauthorized })) {
        const message = err instanceof Error ? err.message : String(err);
        deps.store.update(entry.clientMessageId, { status: 'failed', attempts, error: message });
        deps.onFailed?.(entry, message);
      } else {
        deps.store.update(entry.clientMessageId, {
          attempts,
          nextAttemptAt: deps.now() + backoff(attempts),
          error: null,
        });
        deps.onTrouble?.(err);
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
