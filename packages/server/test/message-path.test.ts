import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
import { appendMessagesIfClear, type QuickMessage } from '../src/store/message-batch.js';
import { conversations } from '../src/store/schema.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// A message is one statement in the common case, shared by the messages that arrive together
// (store/message-batch.ts); these pin what it must keep from the full path: numbering, dedupe, the
// state and part rules, publishing.
const t = serverForFile();

async function signIn(org: BuiltOrg, key: string) {
  const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const socket = t.socket(token);
  await socket.ready;
  await t.server.api(token).call('setPresence', { body: { presence: 'available' } });
  return { socket, api: t.server.api(token) };
}

async function acceptedChat() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ben', queues: [] },
    ],
  });
  const ann = await signIn(org, 'ann');
  const res = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Eve Customer', email: 'eve@customer.example', question: 'Hello' } },
  });
  const customer = { socket: t.socket(res.token), api: t.server.api(res.token), id: res.conversation.id };
  await customer.socket.ready;
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  return { org, ann, customer, id: customer.id };
}

const messages = (events: ConversationEvent[]) => events.filter((e) => e.type === 'message');

describe('the one-statement message path', () => {
  it('numbers staff and customer sequences without gaps; a note takes no public number', async () => {
    const { ann, customer, id } = await acceptedChat();
    const before = await ann.api.call('getConversation', { params: { id } });
    const lastStaff = before.events.at(-1)!.seq;
    const { events: pub0 } = await customer.api.call('visitorEvents', { params: { id }, query: { after: 0 } });
    const lastPublic = pub0.at(-1)!.seq;

    const c1 = await customer.api.call('visitorSend', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'one' },
    });
    const n1 = await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'a note', internal: true },
    });
    const a1 = await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'two' },
    });
    expect([c1.seq, n1.seq, a1.seq]).toEqual([lastPublic + 1, lastStaff + 2, lastStaff + 3]);

    const { events: pub } = await customer.api.call('visitorEvents', { params: { id }, query: { after: lastPublic } });
    expect(pub.map((e) => e.seq)).toEqual([lastPublic + 1, lastPublic + 2]);
    expect(
      messages(pub).map((e) => e.type === 'message' && [e.message.kind, e.message.text, e.message.authorName]),
    ).toEqual([
      ['customer', 'one', 'Eve Customer'],
      ['agent', 'two', expect.any(String)],
    ]);
    // Each reached the other side's socket, numbered for that side.
    await eventually(() => ann.socket.of<ConversationEvent>('conversation:event').find((e) => e.seq === lastStaff + 1));
    await eventually(() =>
      customer.socket.of<ConversationEvent>('conversation:event').find((e) => e.seq === lastPublic + 2),
    );
    expect(
      customer.socket
        .of<ConversationEvent>('conversation:event')
        .some((e) => e.type === 'message' && e.message.kind === 'note'),
    ).toBe(false);
    const [row] = await t.db.db
      .select({ at: conversations.lastCustomerMessageAt })
      .from(conversations)
      .where(eq(conversations.id, id));
    expect(row!.at!.toISOString()).toBe(c1.at);
  });

  it('concurrent retries with one client id store one message and leave no gap', async () => {
    const { ann, customer, id } = await acceptedChat();
    const cKey = clientId();
    const aKey = clientId();
    const sent = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        customer.api.call('visitorSend', { params: { id }, body: { clientMessageId: cKey, text: 'c' } }),
      ),
      ...Array.from({ length: 6 }, () =>
        ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: aKey, text: 'a' } }),
      ),
    ]);
    expect(new Set(sent.slice(0, 6).map((e) => JSON.stringify(e))).size).toBe(1);
    expect(new Set(sent.slice(6).map((e) => JSON.stringify(e))).size).toBe(1);
    const { events } = await ann.api.call('getConversation', { params: { id } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    expect(messages(events).filter((e) => e.type === 'message' && ['a', 'c'].includes(e.message.text))).toHaveLength(2);
    // An agent's id never matches the customer's message, and the other way round.
    const again = await ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: cKey, text: 'mine' } });
    expect(again.seq).toBe(events.length + 1);
  });

  it('refuses in the wrong state or part with the same answers as before', async () => {
    const { org, ann, customer, id } = await acceptedChat();
    const ben = await signIn(org, 'ben');
    await expect(
      ben.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'x' } }),
    ).rejects.toMatchObject({ status: 403 });
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await expect(
      ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'x' } }),
    ).rejects.toMatchObject({
      status: 409,
      body: { message: 'cannot message the customer while the conversation is wrap-up' },
    });
    await expect(
      customer.api.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'x' } }),
    ).rejects.toMatchObject({
      status: 409,
      body: { message: 'this conversation has ended' },
    });
    // A note is fine in wrap-up, not once closed.
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'wrap note', internal: true },
    });
    await ann.api.call('closeConversation', { params: { id }, body: {} });
    await expect(
      ann.api.call('sendMessage', {
        params: { id },
        body: { clientMessageId: clientId(), text: 'late', internal: true },
      }),
    ).rejects.toMatchObject({
      status: 409,
      body: { message: 'this conversation is closed' },
    });
  });

  it('stores messages of several conversations in one statement, each by its own rules', async () => {
    const [a, b, c] = [await acceptedChat(), await acceptedChat(), await acceptedChat()];
    const seqOf = async (id: string) =>
      (await t.db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
    const before = await Promise.all([a.id, b.id, c.id].map(seqOf));
    const at = new Date();
    const item = (chat: typeof a, text: string, gate: QuickMessage['gate']): QuickMessage => ({
      event: {
        orgId: chat.org.orgId,
        conversationId: chat.id,
        body: {
          type: 'message',
          message: {
            id: crypto.randomUUID(),
            kind: 'customer',
            text,
            authorId: null,
            authorName: '',
            clientMessageId: null,
            at: at.toISOString(),
          },
        },
        public: gate.kind === 'customer' || !gate.internal,
        clientId: `customer:${clientId()}`,
        at,
      },
      gate,
    });
    const rows = await appendMessagesIfClear(t.db.db, [
      item(a, 'from the customer', { kind: 'customer' }),
      item(b, 'a note', { kind: 'primary-agent', userId: b.org.user('ann').id, internal: true }),
      // Ann of another organisation is not this conversation's agent: no row, the full path says why.
      item(c, 'not mine', { kind: 'primary-agent', userId: a.org.user('ann').id, internal: false }),
    ]);
    expect(rows.map((r) => r && [r.conversationId, r.seq, r.publicSeq])).toEqual([
      [a.id, before[0]!.lastSeq + 1, before[0]!.lastPublicSeq + 1],
      [b.id, before[1]!.lastSeq + 1, null],
      undefined,
    ]);
    expect((rows[0]!.payload as { message: { authorName: string } }).message.authorName).toBe('Eve Customer');
    const after = await Promise.all([a.id, b.id, c.id].map(seqOf));
    expect(after.map((r) => [r.lastSeq, r.lastPublicSeq])).toEqual([
      [before[0]!.lastSeq + 1, before[0]!.lastPublicSeq + 1],
      [before[1]!.lastSeq + 1, before[1]!.lastPublicSeq],
      [before[2]!.lastSeq, before[2]!.lastPublicSeq],
    ]);
    expect(after[0]!.lastCustomerMessageAt!.toISOString()).toBe(at.toISOString());
    expect(after[1]!.lastCustomerMessageAt).toEqual(before[1]!.lastCustomerMessageAt);
  });

  it('many messages sent at once over several chats are each stored once, numbered and delivered', async () => {
    const chats = [await acceptedChat(), await acceptedChat(), await acceptedChat()];
    const start = await Promise.all(
      chats.map(async (c) => (await c.ann.api.call('getConversation', { params: { id: c.id } })).events.length),
    );
    const sent = await Promise.all(
      chats.flatMap((c) =>
        Array.from({ length: 4 }, (_x, i) => [
          c.customer.api.call('visitorSend', {
            params: { id: c.id },
            body: { clientMessageId: clientId(), text: `c${i}` },
          }),
          c.ann.api.call('sendMessage', { params: { id: c.id }, body: { clientMessageId: clientId(), text: `a${i}` } }),
        ]).flat(),
      ),
    );
    // Each answer is numbered for its sender: the customer's in the public sequence, the agent's in the staff one.
    const customers = sent.filter((_e, i) => i % 2 === 0);
    const agents = sent.filter((_e, i) => i % 2 === 1);
    for (const side of [customers, agents])
      expect(new Set(side.map((e) => `${e.conversationId} ${e.seq}`)).size).toBe(side.length);
    for (const [n, c] of chats.entries()) {
      const { events } = await c.ann.api.call('getConversation', { params: { id: c.id } });
      expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
      expect(events.length).toBe(start[n]! + 8);
      const texts = messages(events).map((e) => e.type === 'message' && e.message.text);
      expect(texts).toEqual(expect.arrayContaining(['c0', 'c1', 'c2', 'c3', 'a0', 'a1', 'a2', 'a3']));
      // The other side's socket has every one of the other side's messages.
      await eventually(() => {
        const got = c.customer.socket.of<ConversationEvent>('conversation:event');
        return ['a0', 'a1', 'a2', 'a3'].every((x) => got.some((e) => e.type === 'message' && e.message.text === x));
      });
      await eventually(() => {
        const got = c.ann.socket.of<ConversationEvent>('conversation:event');
        return ['c0', 'c1', 'c2', 'c3'].every((x) => got.some((e) => e.type === 'message' && e.message.text === x));
      });
    }
  });
});
