import { describe, expect, it } from 'vitest';
import type { Offer, TypingEvent } from '@switchboard/protocol';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

const t = serverForFile();

async function signIn(org: BuiltOrg, key: string) {
  const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const socket = t.socket(token);
  await socket.ready;
  return { socket, api: t.server.api(token) };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('typing indicators (CV2)', () => {
  it("reach the customer only from the agent who accepted: an offered agent's and a monitoring supervisor's never do", async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
      ],
    });
    const ann = await signIn(org, 'ann');
    await ann.api.call('setPresence', { body: { presence: 'available' } });
    const sue = await signIn(org, 'sue');
    const chat = await t.server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } },
      });
    const customer = t.socket(chat.token);
    await customer.ready;
    const id = chat.conversation.id;
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    expect(await sue.socket.socket.emitWithAck('follow', id)).toBe(true);

    // Both are in the conversation's staff room: they see the customer typing.
    customer.socket.emit('typing', { conversationId: id, isTyping: true });
    await eventually(() => ann.socket.of<TypingEvent>('typing')[0]);
    await eventually(() => sue.socket.of<TypingEvent>('typing')[0]);

    // The agent it is only offered to, and the supervisor, type: nothing reaches the customer.
    ann.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    sue.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    await pause(300);
    expect(customer.of<TypingEvent>('typing')).toEqual([]);

    // Once she accepts, the agent's typing does; the supervisor's still does not.
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    sue.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    ann.socket.socket.emit('typing', { conversationId: id, isTyping: false });
    await eventually(() => customer.of<TypingEvent>('typing')[0]);
    await pause(200);
    expect(customer.of<TypingEvent>('typing')).toEqual([
      { conversationId: id, isTyping: false, from: 'agent', name: org.user('ann').name },
    ]);

    // After the end (wrap-up) the customer can no longer be written to: no typing either.
    await ann.api.call('endConversation', { params: { id }, body: {} });
    ann.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    await pause(300);
    expect(customer.of<TypingEvent>('typing')).toHaveLength(1);
  });
});
