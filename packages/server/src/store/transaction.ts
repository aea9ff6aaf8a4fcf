import type { Db } from './db.js';

/**
 * SQLSTATEs PostgreSQL answers when it broke a transaction off so that others could go on:
 * a serialisation failure and a detected deadlock. Running the whole transaction again is safe.
 */
const RETRYABLE = new Set(['40001', '40P01']);

/** Thrown inside a transaction to run it again from the start (a lock taken on a row that changed meanwhile). */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(`transaction retried: ${reason}`);
  }
}

/** The SQLSTATE of a failed query: drizzle wraps the driver's error in `cause`. */
function sqlState(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A unique index refused the row (a client message id stored meanwhile by a concurrent retry). */
export const isUniqueViolation = (err: unknown): boolean => sqlState(err) === '23505';

/** A foreign key refused the change (a row deleted while another transaction came to refer to it). */
export const isForeignKeyViolation = (err: unknown): boolean => sqlState(err) === '23503';

export const isRetryable = (err: unknown): boolean =>
  err instanceof RetryTransaction || RETRYABLE.has(sqlState(err) ?? '');

export type RetryOptions = {
  attempts?: number;
  baseDelayMs?: number;
  onRetry?: (err: unknown, attempt: number) => void;
};

/**
 * Runs `work` in a transaction, and runs it again, whole, when PostgreSQL broke it off for a
 * deadlock or a serialisation failure (X2): a bounded number of attempts, each after a random
 * pause that grows, so two transactions that collided do not collide again in step. `work` must
 * keep nothing from a failed attempt (collect events to publish inside it, publish after this
 * returns: only the final commit's events go out). The lock order in docs/architecture.md keeps
 * retries rare; this is the net under it.
 */
export async function transaction<T>(db: Db, work: (tx: Db) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const base = opts.baseDelayMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      opts.onRetry?.(err, attempt);
      await new Promise((r) => setTimeout(r, Math.random() * base * 2 ** attempt));
    }
  }
}
