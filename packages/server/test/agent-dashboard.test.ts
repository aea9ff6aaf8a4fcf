import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ApiClient, ChannelView, ConversationEvent, Offer } from '@switchboard/protocol';
import type { StandIn } from '../src/channels/adapter.js';
import { conversations, users } from '../src/store/schema.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { smsFixture } from './support/sms-fixture.js';

// The agent dashboard (AG10): my closed conversations searched by customer and date, a closed SMS
// conversation reopened from there (capacity allowing, one winner in a race), and my home view.
const t = serverForFile();
const sms = smsFixture(t);

type Agent = Awaited<ReturnType<typeof sms.signIn>>;

/** A text from `from` reaches `agent`, who accepts it; returns the conversation id. */
async function acceptedText(agent: Agent, channel: ChannelView, standIn: StandIn, from: string, body: string) {
  const seen = new Set(agent.socket.of<Offer>('offer:new').map((o) => o.id));
  expect((await sms.post(standIn.inbound(channel.webhookUrl, sms.text(channel, from, body)))).status).toBe(200);
  const offer = await eventually(() => agent.socket.of<Offer>('offer:new').find((o) => !seen.has(o.id)));
  await agent.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  return offer.conversationId;
}

async function endAndClose(api: ApiClient, id: string) {
  await api.call('endConversation', { params: { id }, body: {} });
  await api.call('closeConversation', { params: { id }, body: {} });
}

const reopen = (api: ApiClient, id: string) => api.call('reopenConversation', { params: { id }, body: {} });
const usedCapacity = async (id: string) =>
  (await t.db.db.select().from(users).where(eq(users.id, id)))[0]!.usedCapacity;
const rowOf = async (id: string) => (await t.db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;

describe('reopening a closed conversation from the dashboard (AG10)', () => {
  it('its agent takes a closed SMS conversation up again and writes to the customer', async () => {
    const { org, channel, standIn } = await sms.smsOrg();
    const ann = await sms.signIn(org, 'ann');
    const id = await acceptedText(ann, channel, standIn, '+31612340001', 'Mijn pakket is niet gekomen');
    await endAndClose(ann.api, id);
    expect(await usedCapacity(org.user('ann').id)).toBe(0);
    const closed = await ann.api.call('listConversations', { query: { scope: 'closed' } });
    expect(closed.conversations.map((c) => c.id)).toEqual([id]);

    // Another agent may not; nothing changes.
    const ben = await sms.signIn(org, 'ben');
    const before = await rowOf(id);
    await expect(reopen(ben.api, id)).rejects.toMatchObject({
      status: 403,
      body: { message: 'Cannot reopen this conversation: only the agent who handled this conversation may reopen it' },
    });
    expect(await rowOf(id)).toEqual(before);
    // Nor may an agent of another organisation: to them it does not exist.
    const neighbour = await sms.signIn((await sms.smsOrg()).org, 'ann');
    await expect(reopen(neighbour.api, id)).rejects.toMatchObject({
      status: 404,
      body: { message: 'conversation not found' },
    });
    expect(await rowOf(id)).toEqual(before);

    await reopen(ann.api, id);
    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(detail).toMatchObject({ state: 'active', agentId: org.user('ann').id, closedAt: null, endedAt: null });
    expect(detail.acceptedAt).not.toBeNull();
    const since = detail.events.findIndex((e) => e.type === 'state' && e.from === 'closed');
    expect(detail.events[since]).toMatchObject({ to: 'open', reason: 'agent reopened it from the dashboard' });
    expect(detail.events[since + 1]).toMatchObject({ type: 'accepted' });
    expect(detail.participants.filter((p) => p.leftAt === null).map((p) => p.role)).toEqual(['customer', 'primary']);
    expect(await usedCapacity(org.user('ann').id)).toBe(1);
    // The workspace follows over the socket like any assignment.
    await eventually(() =>
      ann.socket.of<ConversationEvent>('conversation:event').find((e) => e.type === 'state' && e.from === 'closed'),
    );
    const ongoing = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(ongoing.conversations.map((c) => c.id)).toEqual([id]);

    const before2 = standIn.sent.length;
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'Ik heb het nagevraagd: het komt vandaag', internal: false },
    });
    const sent = await eventually(() => standIn.sent.slice(before2).find((m) => m.text.startsWith('Ik heb het')));
    expect(sent.to).toBe('+31612340001');

    await expect(reopen(ann.api, id)).rejects.toMatchObject({
      status: 409,
      body: { message: 'Cannot reopen this conversation: only a closed conversation can be reopened' },
    });
  });

  it('is refused when the agent has no room; the conversation stays closed', async () => {
    const { org, channel, standIn } = await sms.smsOrg();
    const ann = await sms.signIn(org, 'ann');
    const first = await acceptedText(ann, channel, standIn, '+31612340002', 'Eerste vraag');
    await endAndClose(ann.api, first);
    await acceptedText(ann, channel, standIn, '+31612340003', 'Tweede vraag');
    await t.db.db
      .update(users)
      .set({ capacity: 1 })
      .where(eq(users.id, org.user('ann').id));
    const before = await rowOf(first);

    await expect(reopen(ann.api, first)).rejects.toMatchObject({
      status: 409,
      body: { message: 'Cannot reopen this conversation: your capacity or session limit is full' },
    });
    expect(await rowOf(first)).toEqual(before);
    expect(await usedCapacity(org.user('ann').id)).toBe(1);
  });

  it('two reopens at once: one wins, the agent is charged once', async () => {
    const { org, channel, standIn } = await sms.smsOrg();
    const ann = await sms.signIn(org, 'ann');
    const id = await acceptedText(ann, channel, standIn, '+31612340004', 'Nog een vraag');
    await endAndClose(ann.api, id);
    const results = await Promise.allSettled([reopen(ann.api, id), reopen(ann.api, id), reopen(ann.api, id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(r.reason).toMatchObject({ status: 409, body: { message: expect.stringContaining('only a closed') } });
    expect(await usedCapacity(org.user('ann').id)).toBe(1);
    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(detail.events.filter((e) => e.type === 'state' && e.from === 'closed')).toHaveLength(1);
  });

  it('a live chat cannot be reopened', async () => {
    const { org } = await sms.smsOrg();
    const ann = await sms.signIn(org, 'ann');
    const chat = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Lena', email: 'lena@example.com', question: 'hello' } },
    });
    const id = chat.conversation.id;
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new').find((o) => o.conversationId === id));
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await endAndClose(ann.api, id);
    await expect(reopen(ann.api, id)).rejects.toMatchObject({
      status: 409,
      body: { message: 'Cannot reopen this conversation: a live chat cannot be reopened: the customer has left it' },
    });
    expect((await rowOf(id)).state).toBe('closed');
  });
});

describe('my closed conversations, searched (AG10)', () => {
  it('by part of the name, email or number, in any case, and by when they started', async () => {
    const { org, channel, standIn } = await sms.smsOrg();
    const ann = await sms.signIn(org, 'ann');
    const a = await acceptedText(ann, channel, standIn, '+31612345001', 'a');
    const b = await acceptedText(ann, channel, standIn, '+33698765002', 'b');
    await endAndClose(ann.api, a);
    await endAndClose(ann.api, b);
    // Give one a name and an email, and a start a week back.
    await t.db.db
      .update(conversations)
      .set({
        customerName: 'Noor de_Vries',
        customerEmail: 'noor@example.nl',
        createdAt: new Date(Date.now() - 7 * 864e5),
      })
      .where(eq(conversations.id, a));
    const search = async (q: { customer?: string; from?: string; to?: string }) =>
      (await ann.api.call('listConversations', { query: { scope: 'closed', ...q } })).conversations.map((c) => c.id);

    expect(await search({})).toEqual([b, a]);
    expect(await search({ customer: 'NOOR' })).toEqual([a]);
    expect(await search({ customer: '@example.nl' })).toEqual([a]);
    expect(await search({ customer: '+33698' })).toEqual([b]);
    // LIKE's own wildcards are taken literally.
    expect(await search({ customer: 'de_v' })).toEqual([a]);
    expect(await search({ customer: 'de%' })).toEqual([]);
    const dayAgo = new Date(Date.now() - 864e5).toISOString();
    expect(await search({ from: dayAgo })).toEqual([b]);
    expect(await search({ to: dayAgo })).toEqual([a]);
    expect(await search({ customer: 'noor', from: dayAgo })).toEqual([]);
    const page = await ann.api.call('listConversations', { query: { scope: 'closed', customer: '+3', limit: 1 } });
    expect(page).toMatchObject({ total: 2, conversations: [{ id: b }] });
    expect(page.nextCursor).not.toBeNull();
    // Another agent's closed list does not show ann's.
    const ben = await sms.signIn(org, 'ben');
    expect((await ben.api.call('listConversations', { query: { scope: 'closed', customer: 'noor' } })).total).toBe(0);
  });
});

describe('my home view (AG10)', () => {
  it('shows my presence, capacity in use, sessions and the counts of my day', async () => {
    // One decline and the text is not offered to ann again: her counts stay put.
    const { org, channel, standIn } = await sms.smsOrg('twilio', { maxDeclines: 1 });
    const ann = await sms.signIn(org, 'ann');
    const home0 = await ann.api.call('myHome', { query: {} });
    expect(home0).toMatchObject({
      presence: 'available',
      presenceName: null,
      capacity: { used: 0, total: 2 },
      sessions: { held: 0, limit: null },
      profiles: [],
      ongoing: 0,
      today: { offered: 0, accepted: 0, missed: 0, closed: 0, averageHandleSeconds: null },
    });
    const now = new Date();
    expect(home0.today.since).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString(),
    );

    const first = await acceptedText(ann, channel, standIn, '+31612346001', 'een');
    await endAndClose(ann.api, first);
    await acceptedText(ann, channel, standIn, '+31612346002', 'twee');
    // A third is offered and rejected.
    const seen = new Set(ann.socket.of<Offer>('offer:new').map((o) => o.id));
    await sms.post(standIn.inbound(channel.webhookUrl, sms.text(channel, '+31612346003', 'drie')));
    const third = await eventually(() => ann.socket.of<Offer>('offer:new').find((o) => !seen.has(o.id)));
    await ann.api.call('rejectOffer', { params: { id: third.id }, body: {} });

    // The browser's local midnight an hour back from now is the day's start: everything above is in it.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const home = await ann.api.call('myHome', { query: { since } });
    expect(home).toMatchObject({
      capacity: { used: 1, total: 2 },
      sessions: { held: 1, limit: null },
      ongoing: 1,
      today: { since, offered: 3, accepted: 2, missed: 1, closed: 1 },
    });
    expect(home.today.averageHandleSeconds).toBeGreaterThanOrEqual(0);
    // A day that started after all of it counts none of it.
    const later = await ann.api.call('myHome', { query: { since: new Date().toISOString() } });
    expect(later.today).toMatchObject({ offered: 0, accepted: 0, missed: 0, closed: 0, averageHandleSeconds: null });
    // Ben's day is his own: the text ann rejected, offered to him.
    const ben = await sms.signIn(org, 'ben');
    // Signing in makes him available at once: the offer may come before his socket, so read it over REST.
    await eventually(async () =>
      (await ben.api.call('listOffers')).offers.find((o) => o.conversationId === third.conversationId),
    );
    const bens = await ben.api.call('myHome', { query: { since } });
    expect(bens).toMatchObject({ ongoing: 0, today: { offered: 1, accepted: 0, missed: 0, closed: 0 } });
    expect((await ann.api.call('myHome', { query: { since } })).today.offered).toBe(3);
  });
});
