import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer, OfferClosed, TypingEvent } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { clientId, connectSocket, eventually, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

let db: Database;
let server: TestServer;
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.close();
  await db.close();
});

async function signIn(org: BuiltOrg, key: string, presence?: 'available') {
  const { token, user } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const socket = connectSocket(server.url, token);
  sockets.push(socket);
  await socket.ready;
  if (presence) await server.api(token).call('setPresence', { body: { presence } });
  return { token, user, socket, api: server.api(token) };
}

async function startChat(org: BuiltOrg, question = 'My printer is broken', name = 'Eve Customer') {
  const res = await server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name, email: 'eve@customer.example', question } },
  });
  const socket = connectSocket(server.url, res.token);
  sockets.push(socket);
  await socket.ready;
  return { ...res, socket, api: server.api(res.token) };
}

const messagesOf = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [`${e.message.kind}:${e.message.text}`] : []));

describe('the whole path over REST and Socket.IO', () => {
  it('routes a chat to an agent who accepts, talks, writes a note, ends and closes it', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support', 'Sales'],
      users: [{ key: 'ann', queues: ['Sales'] }, { key: 'ben', queues: ['Support'] }],
      rules: (q) => [{ name: 'sales', when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: 'price' }, queues: [{ queueId: q('Sales'), percentage: 100 }] }],
    });
    const ann = await signIn(org, 'ann', 'available');
    const ben = await signIn(org, 'ben', 'available');
    const customer = await startChat(org, 'What is the price of the X200?');
    expect(customer.conversation.state).toBe('open');

    // The sales rule sends it to Ann, the only Sales member.
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    expect(offer).toMatchObject({ conversationId: customer.conversation.id, customerName: 'Eve Customer', firstMessage: 'What is the price of the X200?', queueName: 'Sales' });
    expect(new Date(offer.expiresAt).getTime() - new Date(offer.offeredAt).getTime()).toBe(60_000);
    expect(ben.socket.of('offer:new')).toHaveLength(0);
    expect((await ann.api.call('listOffers')).offers.map((o) => o.id)).toEqual([offer.id]);
    // An offer is not yet ongoing work.
    expect((await ann.api.call('listConversations', { query: { scope: 'ongoing' } })).conversations).toHaveLength(0);

    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await eventually(() => customer.socket.of<ConversationEvent>('conversation:event').find((e) => e.type === 'accepted'));
    expect((await customer.api.call('visitorConversation', { params: { id: customer.conversation.id } })).agentName).toBe(org.user('ann').name);

    const id = customer.conversation.id;
    await customer.api.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'Hello?' } });
    await ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'Hi Eve, 499 euros.' } });
    await ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'Offer her the discount', internal: true } });

    // Typing, both ways.
    ann.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    customer.socket.socket.emit('typing', { conversationId: id, isTyping: true });
    expect(await eventually(() => customer.socket.of<TypingEvent>('typing')[0])).toMatchObject({ from: 'agent', isTyping: true, name: org.user('ann').name });
    expect(await eventually(() => ann.socket.of<TypingEvent>('typing')[0])).toMatchObject({ from: 'customer', isTyping: true });

    await ann.api.call('endConversation', { params: { id }, body: {} });
    const ongoing = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(ongoing.conversations.map((c) => [c.id, c.state])).toEqual([[id, 'wrap-up']]);
    await ann.api.call('closeConversation', { params: { id }, body: {} });

    // The customer saw every public event in order, without gaps, and never the note.
    const live = await eventually(() => {
      const evs = customer.socket.of<ConversationEvent>('conversation:event');
      return evs.some((e) => e.type === 'state' && e.to === 'closed') && evs;
    });
    expect(live.map((e) => e.seq)).toEqual(live.map((_, i) => i + 2));
    const history = await customer.api.call('visitorEvents', { params: { id }, query: { after: 0 } });
    expect(messagesOf(history.events)).toEqual(['customer:What is the price of the X200?', 'customer:Hello?', 'agent:Hi Eve, 499 euros.']);
    expect(JSON.stringify(history.events)).not.toContain('discount');

    // The agent's history has the note, every transition with who and why, and a gap-free sequence.
    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(detail.state).toBe('closed');
    expect(messagesOf(detail.events)).toContain('note:Offer her the discount');
    expect(detail.events.map((e) => e.seq)).toEqual(detail.events.map((_, i) => i + 1));
    const states = detail.events.flatMap((e) => (e.type === 'state' ? [`${e.from}>${e.to} by ${e.actor.type}`] : []));
    expect(states).toEqual(['active>wrap-up by agent', 'wrap-up>closed by agent']);
    expect(detail.participants.map((p) => [p.role, p.name, p.leftAt !== null])).toEqual([
      ['customer', 'Eve Customer', true],
      ['primary', org.user('ann').name, true],
    ]);
    expect((await ann.api.call('me')).usedCapacity).toBe(0);
    expect((await ann.api.call('listConversations', { query: { scope: 'closed' } })).conversations.map((c) => c.id)).toEqual([id]);

    // A missed event is recovered over REST from the last seq seen.
    const after = await ann.api.call('listEvents', { params: { id }, query: { after: detail.lastSeq - 2 } });
    expect(after.events.map((e) => e.seq)).toEqual([detail.lastSeq - 1, detail.lastSeq]);
  });

  it('offers a rejected conversation to another eligible agent', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }, { key: 'ben', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann', 'available');
    const ben = await signIn(org, 'ben', 'available');
    const customer = await startChat(org);
    const first = await eventually(() => [...ann.socket.of<Offer>('offer:new'), ...ben.socket.of<Offer>('offer:new')][0]);
    const [firstAgent, otherAgent] = ann.socket.of<Offer>('offer:new').length ? [ann, ben] : [ben, ann];

    await firstAgent.api.call('rejectOffer', { params: { id: first.id }, body: {} });
    expect(await eventually(() => firstAgent.socket.of<OfferClosed>('offer:closed')[0])).toMatchObject({ outcome: 'rejected' });
    const second = await eventually(() => otherAgent.socket.of<Offer>('offer:new')[0]);
    expect(second.conversationId).toBe(customer.conversation.id);
    expect((await firstAgent.api.call('me')).usedCapacity).toBe(0);
    expect((await otherAgent.api.call('me')).usedCapacity).toBe(1);
    // Rejecting does not make you a participant: the conversation is not yours to read.
    await expect(firstAgent.api.call('getConversation', { params: { id: customer.conversation.id } })).rejects.toMatchObject({ status: 403 });
  });

  it('keeps a conversation open while nobody can take it and offers it when an agent comes online', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann');
    await ann.api.call('setPresence', { body: { presence: 'away' } });
    const customer = await startChat(org);
    await server.app.settled();
    expect((await customer.api.call('visitorConversation', { params: { id: customer.conversation.id } })).state).toBe('open');
    expect(ann.socket.of('offer:new')).toHaveLength(0);

    await ann.api.call('setPresence', { body: { presence: 'available' } });
    expect((await eventually(() => ann.socket.of<Offer>('offer:new')[0])).conversationId).toBe(customer.conversation.id);
  });

  it('offers waiting work as soon as an agent frees capacity', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], capacity: 1 }] });
    const ann = await signIn(org, 'ann', 'available');
    const first = await startChat(org, 'first');
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const second = await startChat(org, 'second');
    await server.app.settled();
    expect(ann.socket.of('offer:new')).toHaveLength(1);

    await ann.api.call('endConversation', { params: { id: first.conversation.id }, body: {} });
    await server.app.settled();
    expect(ann.socket.of('offer:new')).toHaveLength(1); // wrap-up still holds the capacity
    await ann.api.call('closeConversation', { params: { id: first.conversation.id }, body: {} });
    const next = await eventually(() => ann.socket.of<Offer>('offer:new')[1]);
    expect(next.conversationId).toBe(second.conversation.id);
  });

  it('stores a message sent twice with the same clientMessageId once', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [] });
    const customer = await startChat(org);
    const id = customer.conversation.id;
    const body = { clientMessageId: clientId(), text: 'only once' };
    const a = await customer.api.call('visitorSend', { params: { id }, body });
    const b = await customer.api.call('visitorSend', { params: { id }, body });
    expect(b).toEqual(a);
    const { events } = await customer.api.call('visitorEvents', { params: { id }, query: { after: 0 } });
    expect(messagesOf(events).filter((m) => m.endsWith('only once'))).toHaveLength(1);
  });

  it('closes a conversation the customer leaves before anyone accepted, and frees the agent', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann', 'available');
    const customer = await startChat(org);
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await customer.api.call('visitorEnd', { params: { id: customer.conversation.id }, body: {} });
    expect(await eventually(() => ann.socket.of<OfferClosed>('offer:closed')[0])).toEqual({ offerId: offer.id, conversationId: customer.conversation.id, outcome: 'withdrawn' });
    expect((await ann.api.call('me')).usedCapacity).toBe(0);
    await expect(ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} })).rejects.toMatchObject({ status: 409 });
    expect((await customer.api.call('visitorConversation', { params: { id: customer.conversation.id } })).state).toBe('closed');
  });
});
