import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { CONVERSATION_ID, messageEvent } from '../../test-support/events.js';
import { createOutboxRunner } from '@switchboard/live';
import { addToOutbox, chatOutboxPort, markFailed, type OutboxItem } from './outbox.js';
import { createChatStorage, memoryStore } from './storage.js';

const item = (id: string, text = id, conversationId = CONVERSATION_ID): OutboxItem => ({
  clientMessageId: id,
  conversationId,
  text,
  createdAt: '2025-01-01T10:00:00.000Z',
  error: null,
});

describe('outbox', () => {
  it('keeps one entry per clientMessageId, in the order written', () => {
    let box = addToOutbox([], item('msg-aaaa1'));
    box = addToOutbox(box, item('msg-aaaa2'));
    box = addToOutbox(box, item('msg-aaaa1'));
    expect(box.map((i) => i.clientMessageId)).toEqual(['msg-aaaa1', 'msg-aaaa2']);
    expect(markFailed(box, 'msg-aaaa1', 'refused').map((i) => i.error)).toEqual(['refused', null]);
  });

  it("shows the runner only this conversation's messages, refused ones as failed", () => {
    const storage = createChatStorage('demo', memoryStore());
    const refused = { ...item('msg-aaaa2'), error: 'refused' };
    storage.update((s) => ({ ...s, outbox: [item('msg-aaaa1'), refused, item('msg-bbbb1', 'x', 'another')] }));
    const port = chatOutboxPort(storage, CONVERSATION_ID);
    expect(port.list().map((e) => [e.clientMessageId, e.status])).toEqual([
      ['msg-aaaa1', 'pending'],
      ['msg-aaaa2', 'failed'],
    ]);
  });
});

describe('outbox runner on the chat storage', () => {
  function setup(send: (i: { clientMessageId: string; text: string }) => Promise<unknown>) {
    const storage = createChatStorage('demo', memoryStore());
    storage.update((s) => ({
      ...s,
      conversationId: CONVERSATION_ID,
      outbox: [item('msg-aaaa1', 'one'), item('msg-aaaa2', 'two')],
    }));
    const sent: string[] = [];
    const failed: string[] = [];
    let seq = 1;
    const sender = createOutboxRunner({
      store: chatOutboxPort(storage, CONVERSATION_ID),
      backoff: () => 0,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      send: async (i) => {
        await send(i);
        return messageEvent(++seq, 'customer', i.text, i.clientMessageId);
      },
      onSent: (i) => void sent.push(i.clientMessageId),
      onFailed: (i, message) => void failed.push(`${i.clientMessageId}: ${message}`),
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
