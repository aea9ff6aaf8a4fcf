import { ApiCallError } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, classifySendError, createOutboxRunner, newOutboxEntry, type OutboxEntry, type OutboxStorePort } from './outbox';

/** A fake clock whose timers run only when the test advances time. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer(fn: () => void, ms: number) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer(id: unknown) {
      timers = timers.filter((t) => t.id !== id);
    },
    async advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
      await flush();
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function memoryStore(entries: OutboxEntry[]): OutboxStorePort & { entries: OutboxEntry[] } {
  const store = {
    entries,
    list: () => store.entries,
    update: (id: string, patch: Partial<OutboxEntry>) => {
      store.entries = store.entries.map((e) => (e.clientMessageId === id ? { ...e, ...patch } : e));
    },
    remove: (id: string) => {
      store.entries = store.entries.filter((e) => e.clientMessageId !== id);
    },
  };
  return store;
}

/** Due at time 0; `createdAt` only orders them. */
const entry = (id: string, conversationId = 'c1', createdAt = 0): OutboxEntry => ({
  ...newOutboxEntry({ clientMessageId: id, conversationId, text: `text ${id}`, internal: false }, 0),
  createdAt,
});

describe('classifySendError', () => {
  it('retries network errors, 5xx, 408, 429 and 401, and gives up on other 4xx', () => {
    expect(classifySendError(new TypeError('Failed to fetch'))).toBe('retry');
    expect(classifySendError(new ApiCallError(503, null))).toBe('retry');
    expect(classifySendError(new ApiCallError(500, { message: 'x' }))).toBe('retry');
    expect(classifySendError(new ApiCallError(429, null))).toBe('retry');
    expect(classifySendError(new ApiCallError(401, null))).toBe('retry');
    expect(classifySendError(new ApiCallError(409, { message: 'closed' }))).toBe('fail');
    expect(classifySendError(new ApiCallError(400, null))).toBe('fail');
  });
});

describe('backoffDelay', () => {
  it('doubles from one second up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });
});

describe('outbox runner', () => {
  it('retries with backoff until the server answers, then removes the entry after onSent', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('a')]);
    const send = vi
      .fn<(e: OutboxEntry) => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new ApiCallError(502, null))
      .mockResolvedValueOnce('event');
    const seenInOutbox: boolean[] = [];
    const onSent = vi.fn((e: OutboxEntry) => void seenInOutbox.push(store.entries.some((x) => x.clientMessageId === e.clientMessageId)));
    const runner = createOutboxRunner({ store, send, onSent, ...clock });

    runner.kick();
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(store.entries[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: 1000 });

    await clock.advance(999);
    expect(send).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(store.entries[0]).toMatchObject({ attempts: 2, nextAttemptAt: 3000 });

    await clock.advance(2000);
    expect(send).toHaveBeenCalledTimes(3);
    // Every attempt carries the same clientMessageId, so the server stores it once.
    expect(new Set(send.mock.calls.map(([e]) => e.clientMessageId))).toEqual(new Set(['a']));
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ clientMessageId: 'a' }), 'event');
    expect(seenInOutbox).toEqual([true]);
    expect(store.entries).toEqual([]);
  });

  it('marks a refused message failed with the server message and goes on with the next', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('a', 'c1', 1), entry('b', 'c1', 2)]);
    const send = vi.fn(async (e: OutboxEntry) => {
      if (e.clientMessageId === 'a') throw new ApiCallError(409, { message: 'this conversation is closed' });
      return 'ok';
    });
    const runner = createOutboxRunner({ store, send, onSent: () => {}, ...clock });
    runner.kick();
    await flush();
    await flush();
    expect(store.entries).toEqual([expect.objectContaining({ clientMessageId: 'a', status: 'failed', error: 'this conversation is closed' })]);
    expect(send.mock.calls.map(([e]) => e.clientMessageId)).toEqual(['a', 'b']);
  });

  it('keeps the order within a conversation: a later message waits for the one before it', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('first', 'c1', 1), entry('second', 'c1', 2), entry('other', 'c2', 3)]);
    const send = vi.fn(async (e: OutboxEntry) => {
      if (e.clientMessageId === 'first' && clock.now() < 1000) throw new TypeError('offline');
      return 'ok';
    });
    const runner = createOutboxRunner({ store, send, onSent: () => {}, ...clock });
    runner.kick();
    await flush();
    expect(send.mock.calls.map(([e]) => e.clientMessageId)).toEqual(['first', 'other']);
    await clock.advance(1000);
    await flush();
    expect(send.mock.calls.map(([e]) => e.clientMessageId)).toEqual(['first', 'other', 'first', 'second']);
    expect(store.entries).toEqual([]);
  });

  it('retryNow skips the remaining backoff; retryFailed sends a failed message again', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('a')]);
    let down = true;
    const send = vi.fn(async () => {
      if (down) throw new TypeError('offline');
      return 'ok';
    });
    const runner = createOutboxRunner({ store, send, onSent: () => {}, ...clock, backoff: () => 60_000 });
    runner.kick();
    await flush();
    down = false;
    runner.retryNow();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(store.entries).toEqual([]);

    store.entries = [{ ...entry('b'), status: 'failed', error: 'nope', attempts: 1 }];
    runner.kick();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    runner.retryFailed('b');
    await flush();
    expect(send).toHaveBeenCalledTimes(3);
    expect(store.entries).toEqual([]);
  });

  it('sends nothing after stop()', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('a')]);
    const send = vi.fn(async () => Promise.reject(new TypeError('offline')));
    const runner = createOutboxRunner({ store, send, onSent: () => {}, ...clock });
    runner.kick();
    await flush();
    runner.stop();
    await clock.advance(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
