import { ApiCallError } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationEvent } from '@switchboard/protocol';
import {
  addToOutbox,
  backoffDelay,
  createOutboxRunner,
  isTransient,
  isTransientForStaff,
  newOutboxEntry,
  outboxPortOver,
  storedOutboxEntry,
  unconfirmed,
  type OutboxEntry,
  type OutboxStorePort,
} from './outbox.js';

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

function memoryStore(entries: OutboxEntry[]): OutboxStorePort<OutboxEntry> & { entries: OutboxEntry[] } {
  const box = { entries };
  const port = outboxPortOver(
    () => box.entries,
    (edit) => void (box.entries = edit(box.entries)),
  );
  return Object.assign(box, port);
}

/** Due at time 0; `createdAt` only orders them. */
const entry = (id: string, conversationId = 'c1', createdAt = 0): OutboxEntry => ({
  ...newOutboxEntry({ clientMessageId: id, conversationId, text: `text ${id}` }, 0),
  createdAt,
});

describe('which failures are tried again', () => {
  it('retries network errors, 5xx, 408 and 429, and gives up on other 4xx', () => {
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransient(new ApiCallError(503, null))).toBe(true);
    expect(isTransient(new ApiCallError(500, { message: 'x' }))).toBe(true);
    expect(isTransient(new ApiCallError(408, null))).toBe(true);
    expect(isTransient(new ApiCallError(429, null))).toBe(true);
    expect(isTransient(new ApiCallError(409, { message: 'closed' }))).toBe(false);
    expect(isTransient(new ApiCallError(400, null))).toBe(false);
    // A visitor's 401 means the conversation is gone: trying again will not help.
    expect(isTransient(new ApiCallError(401, null))).toBe(false);
  });

  it('keeps a staff message through a 401: it waits for the next sign-in', () => {
    expect(isTransientForStaff(new ApiCallError(401, null))).toBe(true);
    expect(isTransientForStaff(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransientForStaff(new ApiCallError(403, null))).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from one second up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });

  it('spreads the wait over the upper half of the step when given randomness', () => {
    expect(backoffDelay(4, () => 1)).toBe(8000);
    expect(backoffDelay(4, () => 0)).toBe(4000);
    expect(backoffDelay(4, () => 0.5)).toBe(6000);
    expect(backoffDelay(21, () => 1)).toBe(30_000);
  });
});

describe('the outbox list', () => {
  const message = (seq: number, clientMessageId: string): ConversationEvent => ({
    type: 'message',
    conversationId: 'c1',
    seq,
    at: '2025-01-01T10:00:00.000Z',
    message: {
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      kind: 'customer',
      text: 'x',
      authorId: null,
      authorName: 'Emma',
      clientMessageId,
      at: '2025-01-01T10:00:00.000Z',
    },
  });

  it('keeps one entry per clientMessageId', () => {
    let box = addToOutbox([], entry('a'));
    box = addToOutbox(box, entry('b'));
    box = addToOutbox(box, { ...entry('a'), text: 'again' });
    expect(box.map((e) => [e.clientMessageId, e.text])).toEqual([
      ['a', 'text a'],
      ['b', 'text b'],
    ]);
  });

  it('hides entries the timeline already holds, and those of other conversations', () => {
    const box = [entry('a'), entry('b'), entry('c', 'c2')];
    expect(unconfirmed(box, [message(1, 'a')], 'c1').map((e) => e.clientMessageId)).toEqual(['b']);
  });

  it('reads stored entries back, older forms included, and drops what is not an entry', () => {
    const current = { ...entry('a'), createdAt: 5, attempts: 2, nextAttemptAt: 9 };
    expect(storedOutboxEntry(current)).toEqual(current);
    const older = { clientMessageId: 'b', conversationId: 'c1', text: 'hi', createdAt: '1970-01-01T00:00:01.000Z' };
    expect(storedOutboxEntry(older)).toEqual({ ...newOutboxEntry({ ...older }, 0), createdAt: 1000 });
    expect(storedOutboxEntry({ ...older, error: 'refused' })).toMatchObject({ status: 'failed', error: 'refused' });
    for (const junk of [null, 'x', {}, { clientMessageId: 'b', conversationId: 'c1' }]) {
      expect(storedOutboxEntry(junk)).toBeNull();
    }
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
    const onSent = vi.fn(
      (e: OutboxEntry) => void seenInOutbox.push(store.entries.some((x) => x.clientMessageId === e.clientMessageId)),
    );
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
    const failed: string[] = [];
    const onFailed = (e: OutboxEntry, why: string) => void failed.push(`${e.clientMessageId}: ${why}`);
    const runner = createOutboxRunner({ store, send, onSent: () => {}, onFailed, ...clock });
    runner.kick();
    await flush();
    await flush();
    expect(store.entries).toEqual([
      expect.objectContaining({ clientMessageId: 'a', status: 'failed', error: 'this conversation is closed' }),
    ]);
    expect(failed).toEqual(['a: this conversation is closed']);
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

  it('leaves a message stopped mid-send in the outbox, for the next start to send, and tells no one', async () => {
    const clock = fakeClock();
    const store = memoryStore([entry('a'), entry('b', 'c1', 1)]);
    let release!: () => void;
    const send = vi.fn(() => new Promise<string>((r) => (release = () => r('ok'))));
    const onSent = vi.fn();
    const runner = createOutboxRunner({ store, send, onSent, ...clock });
    runner.kick();
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    runner.stop();
    release();
    await flush();
    expect(onSent).not.toHaveBeenCalled();
    expect(store.entries.map((e) => e.clientMessageId)).toEqual(['a', 'b']);
  });

  it('retries at once on the next step when the backoff is zero, with the same clientMessageId', async () => {
    const store = memoryStore([entry('a'), entry('b', 'c1', 1)]);
    const attempts: string[] = [];
    const send = vi.fn(async (e: OutboxEntry) => {
      attempts.push(e.clientMessageId);
      if (attempts.length === 1) throw new TypeError('Failed to fetch');
      if (attempts.length === 2) throw new ApiCallError(502, null);
      return 'ok';
    });
    const timers = { setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimer: clearTimeout };
    const runner = createOutboxRunner({
      store,
      send,
      onSent: () => {},
      now: Date.now,
      setTimer: timers.setTimer,
      clearTimer: (h) => timers.clearTimer(h as ReturnType<typeof setTimeout>),
      backoff: () => 0,
    });
    runner.kick();
    await vi.waitFor(() => expect(store.entries).toEqual([]));
    expect(attempts).toEqual(['a', 'a', 'a', 'b']);
  });
});
