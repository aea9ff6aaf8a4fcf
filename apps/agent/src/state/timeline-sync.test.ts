import type { ConversationDetail, ConversationEvent } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { createTimelineSync, type TimelineEntry, type TimelineStorePort } from './timeline-sync';

const ID = '00000000-0000-4000-8000-000000000001';

function message(seq: number, text = `m${seq}`): ConversationEvent {
  return {
    type: 'message',
    conversationId: ID,
    seq,
    at: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
    message: {
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      kind: 'customer',
      text,
      authorId: null,
      authorName: 'Eve',
      clientMessageId: null,
      at: '2024-01-01T00:00:00.000Z',
    },
  };
}

function detail(events: ConversationEvent[]): ConversationDetail {
  return {
    id: ID,
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'active',
    queueId: null,
    queueName: 'Support',
    agentId: null,
    agentName: null,
    customerName: 'Eve',
    customerEmail: null,
    participants: [],
    firstMessage: 'm1',
    createdAt: '2024-01-01T00:00:00.000Z',
    acceptedAt: '2024-01-01T00:00:05.000Z',
    endedAt: null,
    closedAt: null,
    lastSeq: events.length,
    callbackId: null,
    callback: null,
    prechat: null,
    context: {},
    events,
    wrapUp: { dispositionCodeId: null, dispositionName: null, note: '' },
  };
}

function mapStore(): TimelineStorePort & { entries: Map<string, TimelineEntry> } {
  const entries = new Map<string, TimelineEntry>();
  return {
    entries,
    get: (id) => entries.get(id),
    set: (id, e) => void entries.set(id, e),
    remove: (id) => void entries.delete(id),
    ids: () => [...entries.keys()],
  };
}

const seqs = (store: ReturnType<typeof mapStore>) => {
  const entry = store.get(ID);
  return entry?.status === 'ready' ? entry.seq.events.map((e) => e.seq) : null;
};

describe('timeline sync', () => {
  it('applies live events in order and ignores repeats without asking the server', async () => {
    const api = {
      getConversation: vi.fn(async () => detail([message(1), message(2)])),
      listEvents: vi.fn(async () => []),
    };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    await sync.load(ID);
    await sync.receive(message(3));
    await sync.receive(message(2));
    await sync.receive(message(3));
    expect(seqs(store)).toEqual([1, 2, 3]);
    expect(api.listEvents).not.toHaveBeenCalled();
  });

  it('on a gap refetches the events after the last applied one', async () => {
    const api = {
      getConversation: vi.fn(async () => detail([message(1), message(2)])),
      listEvents: vi.fn(async (_id: string, after: number) =>
        [message(3), message(4), message(5)].filter((e) => e.seq > after),
      ),
    };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    await sync.load(ID);
    await sync.receive(message(5));
    expect(api.listEvents).toHaveBeenCalledWith(ID, 2);
    expect(seqs(store)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps events that arrive while the history is loading', async () => {
    let resolve!: (d: ConversationDetail) => void;
    const api = {
      getConversation: vi.fn(() => new Promise<ConversationDetail>((r) => (resolve = r))),
      listEvents: vi.fn(async () => []),
    };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    const loading = sync.load(ID);
    await sync.receive(message(2));
    await sync.receive(message(3));
    resolve(detail([message(1), message(2)]));
    await loading;
    expect(seqs(store)).toEqual([1, 2, 3]);
    expect(api.listEvents).not.toHaveBeenCalled();
  });

  it('catches every loaded conversation up after a reconnect', async () => {
    const api = {
      getConversation: vi.fn(async () => detail([message(1)])),
      listEvents: vi.fn(async () => [message(2)]),
    };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    await sync.load(ID);
    await sync.catchUpAll();
    expect(api.listEvents).toHaveBeenCalledWith(ID, 1);
    expect(seqs(store)).toEqual([1, 2]);
  });

  it('folds state events into the summary', async () => {
    const api = { getConversation: vi.fn(async () => detail([message(1)])), listEvents: vi.fn(async () => []) };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    await sync.load(ID);
    await sync.receive({
      type: 'state',
      conversationId: ID,
      seq: 2,
      at: '2024-01-01T00:01:00.000Z',
      from: 'active',
      to: 'wrap-up',
      reason: 'x',
      actor: { type: 'agent', id: null, name: 'Bob' },
    });
    const entry = store.get(ID);
    expect(entry?.status === 'ready' && entry.summary.state).toBe('wrap-up');
    expect(entry?.status === 'ready' && entry.summary.endedAt).toBe('2024-01-01T00:01:00.000Z');
  });

  it('records a failed load so it can be retried', async () => {
    const api = {
      getConversation: vi.fn(async () => Promise.reject(Object.assign(new Error('forbidden'), { status: 403 }))),
      listEvents: vi.fn(),
    };
    const store = mapStore();
    const sync = createTimelineSync(api, store);
    await sync.load(ID);
    expect(store.get(ID)).toEqual({ status: 'error', error: 'forbidden', httpStatus: 403 });
  });
});
