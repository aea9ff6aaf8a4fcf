import { describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { RetryTransaction, transaction } from './transaction.js';

/** A database whose transactions fail with the given errors first, then run `work`. */
function failingFirst(errors: unknown[]) {
  let calls = 0;
  const db = {
    transaction: async (work: (tx: Db) => Promise<unknown>) => {
      calls += 1;
      const err = errors.shift();
      if (err) throw err;
      return work(db as unknown as Db);
    },
  };
  return { db: db as unknown as Db, calls: () => calls };
}

// drizzle wraps the driver's error; the SQLSTATE is on the cause.
const pgError = (code: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error(code), { code }) });

describe('transaction (X2)', () => {
  it('runs the whole transaction again after a deadlock or a serialisation failure', async () => {
    const f = failingFirst([pgError('40P01'), pgError('40001'), new RetryTransaction('agent changed')]);
    await expect(transaction(f.db, async () => 'done', { baseDelayMs: 0 })).resolves.toBe('done');
    expect(f.calls()).toBe(4);
  });

  it('gives up after the bounded number of attempts and passes the error on', async () => {
    const f = failingFirst(Array.from({ length: 10 }, () => pgError('40P01')));
    await expect(transaction(f.db, async () => 'done', { attempts: 3, baseDelayMs: 0 })).rejects.toThrow(
      'Failed query',
    );
    expect(f.calls()).toBe(3);
  });

  it('does not retry any other failure', async () => {
    const f = failingFirst([pgError('23505')]);
    await expect(transaction(f.db, async () => 'done', { baseDelayMs: 0 })).rejects.toThrow('Failed query');
    expect(f.calls()).toBe(1);
  });
});
