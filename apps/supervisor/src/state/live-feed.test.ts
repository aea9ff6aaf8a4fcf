import { SocketEvents, type OngoingFeedMessage } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { ongoingFeed } from './live-feed';

/** A socket that answers each subscription with the next feed number, and lets the test push messages. */
function fakeSocket() {
  const handlers = new Map<string, (raw: unknown) => void>();
  const sent: unknown[] = [];
  let feeds = 0;
  const acks = {
    emitWithAck: async (_event: string, payload: unknown) => {
      sent.push(payload);
      return { ok: true, feed: ++feeds, total: 0 };
    },
  };
  const socket = {
    connected: true,
    on: (event: string, fn: (raw: unknown) => void) => handlers.set(event, fn),
    timeout: () => acks,
  };
  const push = (m: Partial<OngoingFeedMessage>) =>
    handlers.get(SocketEvents.ongoingPatch)!({ feed: 1, total: 0, patches: [], ...m });
  return { socket: socket as never, sent, push };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the ongoing list feed on the socket (SV1)', () => {
  it('passes messages on in order, reads the list again on a gap, ignores repeats and other feeds', async () => {
    const { socket, sent, push } = fakeSocket();
    const feed = ongoingFeed(socket);
    const watch = { onMessage: vi.fn(), onResync: vi.fn() };
    feed.watch({ queueId: undefined, sort: 'wait', direction: 'desc' }, watch);
    await settle();
    expect(sent).toEqual([{ sort: 'wait', direction: 'desc' }]);
    expect(watch.onResync).toHaveBeenCalledTimes(1);

    push({ seq: 1 });
    push({ seq: 2 });
    push({ seq: 2 });
    push({ seq: 3, feed: 7 });
    expect(watch.onMessage.mock.calls.map(([m]) => m.seq)).toEqual([1, 2]);
    expect(watch.onResync).toHaveBeenCalledTimes(1);
    push({ seq: 4 });
    expect(watch.onMessage.mock.calls.map(([m]) => m.seq)).toEqual([1, 2, 4]);
    expect(watch.onResync).toHaveBeenCalledTimes(2);
    push({ seq: 5, patches: [{ op: 'remove', id: 'not an id' }] as never });
    expect(watch.onMessage).toHaveBeenCalledTimes(3);
  });

  it('a reconnect subscribes again: a new feed, counted from 1, and the list read again', async () => {
    const { socket, sent, push } = fakeSocket();
    const feed = ongoingFeed(socket);
    const watch = { onMessage: vi.fn(), onResync: vi.fn() };
    const stop = feed.watch({ state: 'open' }, watch);
    await settle();
    push({ seq: 1 });
    feed.restart();
    await settle();
    expect(sent).toHaveLength(2);
    expect(watch.onResync).toHaveBeenCalledTimes(2);
    push({ seq: 2 });
    push({ seq: 1, feed: 2 });
    expect(watch.onMessage.mock.calls.map(([m]) => [m.feed, m.seq])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    stop();
    push({ seq: 2, feed: 2 });
    expect(watch.onMessage).toHaveBeenCalledTimes(2);
  });
});
