import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { CONVERSATION_ID, messageEvent } from '../../test-support/events.js';
import { addToOutbox, backoffDelay, isRetryable, markFailed, nextToSend, unconfirmed, type OutboxItem } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { createChatStorage, memoryStore } from './storage.js';

const item = (id: string, text = id, conversationId = CONVERSATION_ID): OutboxItem => ({
  clientMessageId: id,
  conversationId,
  text,
  createdAt: '2025-01-01T10:00:00.000Z',
  error: null,
});

describe('outbox', () => {
  it('keeps one entry per clientMessageId and sends the oldest unsent one first', () => {
    let box = addToOutbox([], item('msg-aaaa1'));
    box = addToOutbox(box, item('msg-aaaa2'));
    box = addToOutbox(box, item('msg-aaaa1'));
    expect(box.map((i) => i.clientMessageId)).toEqual(['msg-aaaa1', 'msg-aaaa2']);
    expect(nextToSend(box, CONVERSATION_ID)?.clientMessageId).toBe('msg-aaaa1');
    box = markFailed(box, 'msg-aaaa1', 'refused');
    expect(nextToSend(box, CONVERSATION_ID)?.clientMessageId).toBe('msg-aaaa2');
    expect(nextToSend(box, 'another-conversation')).toBeUndefined();
  });

  it('hides items the timeline already holds', () => {
    const box = [item('msg-aaaa1'), item('msg-aaaa2')];
    const events = [messageEvent(1, 'customer', 'x', 'msg-aaaa1')];
    expect(unconfirmed(box, events, CONVERSATION_ID).map((i) => i.clientMessageId)).toEqual(['msg-aaaa2']);
  });

  it('retries network errors and 5xx but not other 4xx', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new ApiCallError(503, null))).toBe(true);
    expect(isRetryable(new ApiCallError(429, null))).toBe(true);
    expect(isRetryable(new ApiCallError(400, { message: 'bad' }))).toBe(false);
    expect(isRetryable(new ApiCallError(409, { message: 'ended' }))).toBe(false);
  });

  it('backs off exponentially up to 30 seconds', () => {
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });
});

describe('outbox sender', () => {
  function setup(send: (i: OutboxItem) => Promise<unknown>) {
    const storage = createChatStorage('demo', memoryStore());
    storage.update((s) => ({ ...s, conversationId: CONVERSATION_ID, outbox: [item('msg-aaaa1', 'one'), item('msg-aaaa2', 'two')] }));
    const sent: string[] = [];
    const failed: string[] = [];
    let seq = 1;
    const sender = new OutboxSender({
      storage,
      conversationId: CONVERSATION_ID,
      delay: () => 0,
      send: async (i) => {
        await send(i);
        return messageEvent(++seq, 'customer', i.text, i.clientMessageId);
      },
      onSent: (i) => sent.push(i.clientMessageId),
      onFailed: (i, message) => failed.push(`${i.clientMessageId}: ${message}`),
    });
    return { storage, sender, sent, failed };
  }
  const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

  it('sends in order and empties the stored outbox', async () => {
    const order: string[] = [];
    const { storage, sender, sent } = setup(async (i) => void order.push(i.text));
    sender.kick();
    await until(() => sent.length === 2);
    expect(order).toEqual(['one', 'two']);
    expect(storage.read().outbox).toEqual([]);
  });

  it('retries the same message (same clientMessageId) after network and server errors', async () => {
    const attempts: string[] = [];
    const { storage, sender, sent } = setup(async (i) => {
      attempts.push(i.clientMessageId);
      if (attempts.length === 1) throw new TypeError('Failed to fetch');
      if (attempts.length === 2) throw new ApiCallError(502, null);
    });
    sender.kick();
    await until(() => sent.length === 2);
    expect(attempts).toEqual(['msg-aaaa1', 'msg-aaaa1', 'msg-aaaa1', 'msg-aaaa2']);
    expect(storage.read().outbox).toEqual([]);
  });

  it('keeps a refused message with its reason and goes on with the next', async () => {
    const { storage, sender, sent, failed } = setup(async (i) => {
      if (i.text === 'one') throw new ApiCallError(409, { message: 'this conversation has ended' });
    });
    sender.kick();
    await until(() => sent.length === 1);
    expect(failed).toEqual(['msg-aaaa1: this conversation has ended']);
    expect(storage.read().outbox).toEqual([{ ...item('msg-aaaa1', 'one'), error: 'this conversation has ended' }]);
  });

  it('leaves the outbox in storage while a send is in flight, for the next page to send', async () => {
    let release!: () => void;
    const { storage, sender } = setup(() => new Promise<void>((r) => (release = r)));
    sender.kick();
    await until(() => typeof release === 'function');
    expect(storage.read().outbox).toHaveLength(2);
    // The page goes away mid-send: the stored outbox still holds both messages.
    sender.stop();
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.read().outbox.map((i) => i.clientMessageId)).toEqual(['msg-aaaa1', 'msg-aaaa2']);
  });
});
