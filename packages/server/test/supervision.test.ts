import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ConversationEvent, OngoingFeedMessage, PendingTransfer } from '@switchboard/protocol';
import { conversationSentiment } from '../src/domain/sentiment/conversation-sentiment.js';
import { createMultilangAnalyzer } from '../src/sentiment/multilang-analyzer.js';
import { conversationParticipants, conversations, users } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

// The supervisor's desk (SV1, SV2, SV6, SV7): every conversation in progress, filtered on the
// server; a silent monitor nobody learns of; force close; the admin's switches.
const t = serverForFile();
const { acceptedChat, signIn, used } = handoffFixture(t);

const startChat = (widgetId: string, name: string) =>
  t.server.api().call('startChat', {
    params: { widgetId },
    body: { prechat: { name, email: 'x@x.example', question: 'hello' } },
  });

describe('the ongoing list (SV1)', () => {
  it('shows every conversation in progress, filtered by ' +
    'queue, channel, state and agent; only to supervisors', async () => {
    const { org, id, ann } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const waiting = await startChat(org.widgetId, 'Wanda');
    await t.server.app.settled();
    const ongoing = (q: Record<string, string> = {}) =>
      sue.api.call('listOngoing', { query: q }).then((l) => l.conversations.map((c) => [c.customerName, c.state]));

    const all = await sue.api.call('listOngoing', { query: {} });
    expect(all.total).toBe(2);
    expect(all.switches).toEqual({ monitor: true, assign: true, transfer: true, 'force-close': true });
    const row = all.conversations.find((c) => c.id === id)!;
    expect(row).toMatchObject({ agentId: org.user('ann').id, queueName: 'Support', channel: 'webchat' });
    expect(Date.parse(row.waitingSince)).toBeLessThanOrEqual(Date.parse(row.acceptedAt!));

    expect(await ongoing({ agentId: org.user('ann').id })).toEqual([['Eve', 'active']]);
    const waitingState = all.conversations.find((c) => c.id === waiting.conversation.id)!.state;
    expect(await ongoing({ state: waitingState })).toContainEqual(['Wanda', waitingState]);
    expect(await ongoing({ queueId: org.queueId('Billing') })).toEqual([]);
    expect(await ongoing({ channel: 'sms' })).toEqual([]);
    expect((await ongoing({ queueId: org.queueId('Support') })).length).toBe(2);

    await expect(ann.api.call('listOngoing', { query: {} })).rejects.toMatchObject({ status: 403 });
    // Another organisation's supervisor sees none of it.
    const other = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'sue', role: 'supervisor' }] });
    const otherSue = await signIn(other, 'sue');
    expect((await otherSue.api.call('listOngoing', { query: {} })).total).toBe(0);
    await expect(otherSue.api.call('forceClose', { params: { id }, body: {} })).rejects.toMatchObject({ status: 404 });
  });

  it('the agent filter finds every agent by part of the name; supervisors hear of changes, agents do not', async () => {
    const { org, ann, ben } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const found = await sue.api.call('searchAgents', { query: { search: org.user('ben').name.slice(0, 4) } });
    expect(found.agents.map((a) => a.id)).toEqual([org.user('ben').id]);
    expect((await sue.api.call('searchAgents', { query: {} })).agents.map((a) => a.name)).toEqual(
      ['ann', 'ben', 'cy', 'dee'].map((k) => org.user(k).name),
    );

    // Each follows the whole list; only the supervisor's subscription is taken (ongoing-feed.test.ts).
    for (const who of [sue, ann, ben]) await who.socket.socket.emitWithAck('ongoing:subscribe', {});
    const chat = await startChat(org.widgetId, 'Noor');
    await eventually(() =>
      sue.socket
        .of<OngoingFeedMessage>('ongoing:patch')
        .find((m) => m.patches.some((p) => p.op === 'upsert' && p.row.id === chat.conversation.id)),
    );
    expect([...ben.socket.of('ongoing:patch'), ...ann.socket.of('ongoing:patch')]).toEqual([]);
  });
});

describe('monitor (SV2)', () => {
  it('a supervisor watches silently: recorded for the audit, seen by neither the agent nor the customer', async () => {
    const { org, id, ann, visitor } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const agentEvents = ann.socket.of('conversation:event').length;
    const customerBefore = (await visitor.call('visitorConversation', { params: { id } })).events.length;

    await sue.api.call('monitorConversation', { params: { id }, body: {} });
    await sue.api.call('monitorConversation', { params: { id }, body: {} });
    const rows = await t.db.db
      .select()
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.role, 'monitor')));
    expect(rows.map((r) => [r.userId, r.leftAt])).toEqual([[org.user('sue').id, null]]);

    // The live view: the staff room, notes included.
    const socket = sue.socket.socket;
    expect(await socket.emitWithAck('follow', id)).toBe(true);
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'note for the team', internal: true },
    });
    await eventually(() =>
      sue.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'note for the team'),
    );

    // Nothing of it reaches the agent or the customer.
    const seen = ann.socket.of<ConversationEvent>('conversation:event').slice(agentEvents);
    expect(seen.map((e) => e.type)).toEqual(['message']);
    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(detail.participants.some((p) => p.role === 'monitor')).toBe(false);
    expect((await visitor.call('visitorConversation', { params: { id } })).events.length).toBe(customerBefore);
    const asSupervisor = await sue.api.call('getConversation', { params: { id } });
    expect(asSupervisor.participants.filter((p) => p.role === 'monitor' && !p.leftAt).map((p) => p.userId)).toEqual([
      org.user('sue').id,
    ]);

    await sue.api.call('stopMonitoring', { params: { id }, body: {} });
    const after = await sue.api.call('getConversation', { params: { id } });
    expect(after.participants.filter((p) => p.role === 'monitor' && !p.leftAt)).toEqual([]);
  });

  it('refuses an open conversation, an agent, and one the supervisor consults on; nothing recorded', async () => {
    const { org, id, ann } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    // An organisation with no agent signed in: its chat stays open.
    const lone = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'sue', role: 'supervisor' }] });
    const open = await startChat(lone.widgetId, 'Wanda');
    const loneSue = await signIn(lone, 'sue');
    await expect(
      loneSue.api.call('monitorConversation', { params: { id: open.conversation.id }, body: {} }),
    ).rejects.toMatchObject({
      status: 409,
      body: { message: 'only a conversation that is active or wrap-up can be monitored (it is open)' },
    });
    await expect(ann.api.call('monitorConversation', { params: { id }, body: {} })).rejects.toMatchObject({
      status: 403,
    });
    // Sue consults on Ann's chat: she sees it as its consultant, not as a monitor.
    await ann.api.call('consultConversation', { params: { id }, body: { userId: org.user('sue').id } });
    const asked = await eventually(() => sue.socket.of<PendingTransfer>('transfer:new')[0]);
    await sue.api.call('acceptTransfer', { params: { id: asked.id }, body: {} });
    await expect(sue.api.call('monitorConversation', { params: { id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: 'cannot monitor this conversation: you consult on it; you see it as its consultant' },
    });
    for (const orgId of [org.orgId, lone.orgId]) {
      const monitors = await t.db.db
        .select()
        .from(conversationParticipants)
        .where(and(eq(conversationParticipants.orgId, orgId), eq(conversationParticipants.role, 'monitor')));
      expect(monitors).toEqual([]);
    }
  });
});

describe('join (SV3)', () => {
  it('from monitoring, the supervisor joins: both are ' +
    'told; they write a note to the agent and to the customer', async () => {
    const { org, id, ann, visitor } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const join = () => sue.api.call('joinConversation', { params: { id }, body: {} });
    await expect(join()).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('monitor it first') },
    });
    await sue.api.call('monitorConversation', { params: { id }, body: {} });
    await join();
    const told = `${org.user('sue').name}, a supervisor, joined the conversation`;
    const seen = await visitor.call('visitorConversation', { params: { id } });
    expect(seen.events.some((e) => e.type === 'message' && e.message.text === told)).toBe(true);
    const detail = await ann.api.call('getConversation', { params: { id } });
    const active = detail.participants.filter((p) => p.leftAt === null).map((p) => [p.role, p.userId]);
    expect(active).toContainEqual(['consultant', org.user('sue').id]);
    expect(active.some(([role]) => role === 'monitor')).toBe(false);

    const say = (text: string, internal: boolean) =>
      sue.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text, internal } });
    await say('Offer the 10% voucher', true);
    await say('Hello, I am Sue, the team lead.', false);
    const customer = await visitor.call('visitorConversation', { params: { id } });
    const texts = customer.events.flatMap((e) => (e.type === 'message' ? [e.message.text] : []));
    expect(texts).toContain('Hello, I am Sue, the team lead.');
    expect(texts).not.toContain('Offer the 10% voucher');
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'Offer the 10% voucher'),
    );
    await expect(join()).rejects.toMatchObject({ status: 409 });
  });
});

describe('force close (SV6)', () => {
  it('ends any conversation at once: closed, everyone told, the agent’s capacity back', async () => {
    const { org, id, ann, visitor } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    expect(await used(org, 'ann')).toBe(1);
    await sue.api.call('forceClose', { params: { id }, body: {} });

    const detail = await sue.api.call('getConversation', { params: { id } });
    expect(detail.state).toBe('closed');
    expect(detail.events.at(-1)).toMatchObject({
      type: 'state',
      to: 'closed',
      reason: `a supervisor, ${org.user('sue').name}, ended it`,
      actor: { type: 'supervisor', id: org.user('sue').id },
    });
    expect(await used(org, 'ann')).toBe(0);
    expect(detail.participants.filter((p) => p.leftAt === null)).toEqual([]);
    // The agent and the customer both see it end, with who ended it.
    await eventually(() =>
      ann.socket.of<ConversationEvent>('conversation:event').find((e) => e.type === 'state' && e.to === 'closed'),
    );
    expect((await visitor.call('visitorConversation', { params: { id } })).state).toBe('closed');

    await expect(sue.api.call('forceClose', { params: { id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('(it is closed)') },
    });
    await expect(ann.api.call('forceClose', { params: { id }, body: {} })).rejects.toMatchObject({ status: 403 });
  });
});

describe('assign (SV4)', () => {
  async function openChat() {
    const org = await buildOrg(t.db.db, {
      queues: ['Support', 'Billing'],
      users: [
        { key: 'ann', queues: ['Support'], capacity: 1 },
        { key: 'ben', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
      ],
    });
    // Away: the workstream gives Ann no work, so the chat stays open for the supervisor.
    const ann = await signIn(org, 'ann', 'away');
    const sue = await signIn(org, 'sue');
    const chat = await startChat(org.widgetId, 'Olga');
    await t.server.app.settled();
    return { org, ann, sue, id: chat.conversation.id };
  }
  const stateOf = async (sue: { api: import('@switchboard/protocol').ApiClient }, id: string) =>
    (await sue.api.call('getConversation', { params: { id } })).state;

  it('to a person: refused without an override that it ' +
    'needs, offered with one, the trace says what it overrode', async () => {
    const { org, ann, sue, id } = await openChat();
    const options = await sue.api.call('assignOptions', { params: { id } });
    expect(options.queues.map((q) => q.name)).toEqual(['Billing']);
    const annOption = options.agents.find((a) => a.id === org.user('ann').id)!;
    expect(annOption).toMatchObject({ fits: false, refusal: null });
    expect(annOption.override).toContain('is away, a presence the workstream gives no work in');
    expect(options.agents.find((a) => a.id === org.user('ben').id)).toMatchObject({
      fits: false,
      refusal: `${org.user('ben').name} is offline; nobody would see the conversation`,
    });

    const toAnn = (override: boolean) =>
      sue.api.call('assignConversation', {
        params: { id },
        body: { kind: 'agent', agentId: org.user('ann').id, override },
      });
    await expect(toAnn(false)).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('assign with an override to go ahead') },
    });
    await expect(
      sue.api.call('assignConversation', { params: { id }, body: { kind: 'agent', agentId: org.user('ben').id } }),
    ).rejects.toMatchObject({ status: 409, body: { message: expect.stringContaining('is offline') } });
    expect(await stateOf(sue, id)).toBe('open');

    await toAnn(true);
    const offers = await ann.api.call('listOffers');
    expect(offers.offers.map((o) => o.conversationId)).toEqual([id]);
    expect(await used(org, 'ann')).toBe(1);
    const trace = await sue.api.call('getRoutingTrace', { params: { id } });
    const reasons = trace.entries.flatMap((e) => e.steps).flatMap((x) => (x.step === 'assignment' ? x.considered : []));
    expect(reasons.map((r) => r.reason)).toContainEqual(
      expect.stringMatching(new RegExp(`^assigned by ${org.user('sue').name}, overriding: .*is away`)),
    );
    await expect(toAnn(true)).rejects.toMatchObject({
      status: 409,
      body: { message: 'only a conversation that is open can be assigned (it is active)' },
    });
  });

  it('past capacity with an override: the agent is charged beyond it, in the same write', async () => {
    const { org, ann, sue, id } = await openChat();
    await sue.api.call('assignConversation', {
      params: { id },
      body: { kind: 'agent', agentId: org.user('ann').id, override: true },
    });
    const [offer] = (await ann.api.call('listOffers')).offers;
    await ann.api.call('acceptOffer', { params: { id: offer!.id }, body: {} });
    await ann.api.call('setPresence', { body: { presence: 'available' } });
    const second = await startChat(org.widgetId, 'Piet');
    await t.server.app.settled();
    const secondId = second.conversation.id;
    expect(await stateOf(sue, secondId)).toBe('open');
    const option = (await sue.api.call('assignOptions', { params: { id: secondId } })).agents.find(
      (a) => a.id === org.user('ann').id,
    )!;
    expect(option.override).toContain('capacity exceeded by 1 (2 of 1 units)');
    await sue.api.call('assignConversation', {
      params: { id: secondId },
      body: { kind: 'agent', agentId: org.user('ann').id, override: true },
    });
    expect(await used(org, 'ann')).toBe(2);
  });

  it('two assignments of one conversation at once: one wins, one agent is charged', async () => {
    const { org, sue, id } = await openChat();
    // Ben away too, set as it is stored: signing him in would make him available for a moment.
    await t.db.db
      .update(users)
      .set({ presence: 'away', manualPresence: 'away' })
      .where(eq(users.id, org.user('ben').id));
    const results = await Promise.allSettled(
      ['ann', 'ben'].map((key) =>
        sue.api.call('assignConversation', {
          params: { id },
          body: { kind: 'agent', agentId: org.user(key).id, override: true },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    expect((await used(org, 'ann')) + (await used(org, 'ben'))).toBe(1);
  });

  it('to another queue: moved and routed there; its own queue or an unknown one refused; nothing changes', async () => {
    const { org, sue, id } = await openChat();
    await expect(
      sue.api.call('assignConversation', { params: { id }, body: { kind: 'queue', queueId: org.queueId('Support') } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      sue.api.call('assignConversation', {
        params: { id },
        body: { kind: 'queue', queueId: '00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toMatchObject({ status: 404, body: { message: 'queue not found' } });
    expect((await sue.api.call('getConversation', { params: { id } })).queueId).toBe(org.queueId('Support'));

    await sue.api.call('assignConversation', {
      params: { id },
      body: { kind: 'queue', queueId: org.queueId('Billing') },
    });
    const moved = await sue.api.call('getConversation', { params: { id } });
    expect(moved).toMatchObject({ queueId: org.queueId('Billing'), queueName: 'Billing', state: 'open' });
    const trace = await sue.api.call('getRoutingTrace', { params: { id } });
    expect(trace.entries.at(-1)!.steps[0]).toMatchObject({
      step: 'queue',
      queueName: 'Billing',
      reason: `moved by ${org.user('sue').name}, a supervisor, from Support`,
    });
  });
});

describe('transfer by a supervisor (SV5)', () => {
  it("hands an agent's chat to a colleague of its queue, " +
    "who answers as to any transfer; the first agent consults", async () => {
    const { org, id, ann, ben } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const options = await sue.api.call('supervisorTransferOptions', { params: { id } });
    expect(options.agents.filter((a) => a.available).map((a) => a.agentId)).toEqual([org.user('ben').id]);
    const to = (key: string) =>
      sue.api.call('supervisorTransfer', { params: { id }, body: { agentId: org.user(key).id, note: 'please' } });
    await expect(to('dee')).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('not a member') },
    });
    await expect(to('ann')).rejects.toMatchObject({ status: 400 });
    await expect(
      ann.api.call('supervisorTransfer', { params: { id }, body: { agentId: org.user('ben').id } }),
    ).rejects.toMatchObject({ status: 403 });

    await to('ben');
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    expect(asked).toMatchObject({ conversationId: id, note: 'please' });
    await expect(to('ben')).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('already waits for an answer') },
    });
    await ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} });
    const detail = await sue.api.call('getConversation', { params: { id } });
    expect(detail.agentId).toBe(org.user('ben').id);
    const active = detail.participants.filter((p) => p.leftAt === null).map((p) => [p.role, p.userId]);
    expect(active).toContainEqual(['consultant', org.user('ann').id]);
    expect(active).toContainEqual(['primary', org.user('ben').id]);
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([0, 1]);
  });
});

describe('customer sentiment on the desk (SV8)', () => {
  it("each customer message moves the conversation's " +
    "level; supervisors hear of it; only admins turn it off", async () => {
    const { org, id, visitor } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const level = async () =>
      (await sue.api.call('listOngoing', { query: {} })).conversations.find((c) => c.id === id)!.sentiment;
    // The question asked at the start ("My invoice is wrong") is the first customer message.
    await t.server.app.settled();
    expect(await level()).not.toBeNull();
    const say = (text: string) =>
      visitor.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text } });

    await sue.socket.socket.emitWithAck('ongoing:subscribe', {});
    await say('This is terrible. I am still waiting for my refund and nobody helps me. Awful service!');
    await t.server.app.settled();
    const fallen = await level();
    expect(['very-negative', 'negative']).toContain(fallen);
    // The desk's row moves with it.
    await eventually(() =>
      sue.socket
        .of<OngoingFeedMessage>('ongoing:patch')
        .find((m) => m.patches.some((p) => p.op === 'upsert' && p.row.id === id && p.row.sentiment === fallen)),
    );
    await say('Thank you so much, that solved it, you are great!');
    await t.server.app.settled();
    const lifted = await level();
    expect(['slightly-negative', 'neutral', 'slightly-positive', 'positive']).toContain(lifted);

    // Only an admin turns it off.
    await expect(sue.api.call('updateSentimentSetting', { body: { enabled: false } })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("supervisors are alerted once when a conversation falls to the admin's threshold", async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ada = await signIn(org, 'ada');
    const sue = await signIn(org, 'sue');
    const ann = await signIn(org, 'ann', 'available');
    const setting = { enabled: true, threshold: 'negative' as const };
    expect(await ada.api.call('updateSentimentSetting', { body: setting })).toEqual(setting);
    const chat = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Karel', email: 'k@x.example', question: 'Where is my order number 4711?' } },
    });
    const id = chat.conversation.id;
    const visitor = t.server.api(chat.token);
    await t.server.app.settled();
    expect(sue.socket.of('sentiment:alert')).toEqual([]);
    const say = (text: string) =>
      visitor.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text } });
    await say('This is terrible and awful, still no refund, worst service ever!');
    await t.server.app.settled();
    const [alert] = await eventually(() => {
      const got = sue.socket.of<{ conversationId: string; level: string }>('sentiment:alert');
      return got.length ? got : undefined;
    });
    expect(alert).toMatchObject({ conversationId: id, customerName: 'Karel' });
    expect(['negative', 'very-negative']).toContain(alert!.level);
    await say('Still terrible, I am furious, this is a disgrace!');
    await t.server.app.settled();
    expect(sue.socket.of('sentiment:alert')).toHaveLength(1);
    // Agents are not told through this feed.
    expect(ann.socket.of('sentiment:alert')).toEqual([]);
  });

  it('messages that arrive together are folded in one go, each conversation in the order they came', async () => {
    const org = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const chats = await Promise.all(['Eve', 'Finn'].map((name) => startChat(org.widgetId, name)));
    await t.server.app.settled();
    const texts = [
      'Terrible, awful, the worst service ever!',
      'Still nothing, I am furious.',
      'Oh wait, it arrived. Thank you so much, you are great!',
      'Perfect, all solved, brilliant help.',
    ];
    // Both customers write without waiting for the fold: batches take several messages at once.
    await Promise.all(
      chats.map(async (chat, n) => {
        const visitor = t.server.api(chat.token);
        const mine = n === 0 ? texts : [...texts].reverse();
        for (const text of mine)
          await visitor.call('visitorSend', {
            params: { id: chat.conversation.id },
            body: { clientMessageId: clientId(), text },
          });
      }),
    );
    await t.server.app.settled();
    const analyzer = createMultilangAnalyzer();
    for (const [n, chat] of chats.entries()) {
      const [row] = await t.db.db
        .select({ recent: conversations.sentimentRecent, level: conversations.sentimentLevel })
        .from(conversations)
        .where(eq(conversations.id, chat.conversation.id));
      const mine = n === 0 ? texts : [...texts].reverse();
      // The question of the pre-chat form came first; the four after it in the order they were sent.
      const expected = mine.map((text) => analyzer.analyze(text, 'en').score);
      expect(row!.recent).toHaveLength(1 + mine.length);
      expect(row!.recent.slice(1).map((m) => m.score)).toEqual(expected);
      expect(row!.level).toBe(conversationSentiment(row!.recent).level);
    }
    // Same words, opposite order: the one that ended well stands higher.
    const levels = await Promise.all(
      chats.map(async (c) => {
        const [r] = await t.db.db
          .select({ s: conversations.sentimentRecent })
          .from(conversations)
          .where(eq(conversations.id, c.conversation.id));
        return conversationSentiment(r!.s).score;
      }),
    );
    expect(levels[0]).toBeGreaterThan(levels[1]!);
  });

  it('off: messages are not scored and the level stays where it was', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ada = await signIn(org, 'ada');
    expect(await ada.api.call('getSentimentSetting')).toEqual({ enabled: true, threshold: 'none' });
    const off = { enabled: false, threshold: 'none' as const };
    expect(await ada.api.call('updateSentimentSetting', { body: off })).toEqual(off);
    const chat = await startChat(org.widgetId, 'Eve');
    const visitor = t.server.api(chat.token);
    const id = chat.conversation.id;
    await visitor.call('visitorSend', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'Terrible, awful, the worst service ever!' },
    });
    await t.server.app.settled();
    expect((await ada.api.call('listOngoing', { query: {} })).conversations[0]!.sentiment).toBeNull();
  });
});

describe('the switches (SV7)', () => {
  it('an admin turns a command off and it is refused at ' +
    'once, for admins too; supervisors cannot change them', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ada = await signIn(org, 'ada');
    const sue = await signIn(org, 'sue');
    const chat = await startChat(org.widgetId, 'Eve');
    const id = chat.conversation.id;

    const off = { monitor: true, assign: true, transfer: true, 'force-close': false };
    expect(await ada.api.call('updateSupervisorSwitches', { body: off })).toEqual(off);
    expect(await ada.api.call('getSupervisorSwitches')).toEqual(off);
    expect((await sue.api.call('listOngoing', { query: {} })).switches).toEqual(off);
    for (const who of [sue, ada])
      await expect(who.api.call('forceClose', { params: { id }, body: {} })).rejects.toMatchObject({
        status: 403,
        body: { message: 'an admin has turned off force closing conversations for this organisation' },
      });
    expect((await sue.api.call('getConversation', { params: { id } })).state).not.toBe('closed');

    await expect(
      sue.api.call('updateSupervisorSwitches', { body: { ...off, 'force-close': true } }),
    ).rejects.toMatchObject({ status: 403 });
    // All four, each a boolean: anything else is a 400 that changes nothing.
    const { 'force-close': _dropped, ...three } = off;
    await expect(ada.api.call('updateSupervisorSwitches', { body: three as never })).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('force-close') },
    });
    expect(await ada.api.call('getSupervisorSwitches')).toEqual(off);
    await ada.api.call('updateSupervisorSwitches', { body: { ...off, 'force-close': true } });
    await sue.api.call('forceClose', { params: { id }, body: {} });
    expect((await sue.api.call('getConversation', { params: { id } })).state).toBe('closed');
  });
});
