import { describe, expect, it } from 'vitest';
import type { ConversationEvent, CustomerSentimentChanged, Offer, SentimentAlert } from '@switchboard/protocol';
import { createMultilangAnalyzer } from '../src/sentiment/multilang-analyzer.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg, type BuiltOrg, type OrgSpec } from './support/org-builder.js';

// SV8: who hears of a customer's sentiment. The alert goes to the supervisors of the conversation's
// queue (everyone who oversees when it has none), the agent holding it sees its level and mark, and
// a supervisor's read of the transcript carries each customer message's level; nobody else's does.
const t = serverForFile();
const { signIn } = handoffFixture(t);

const ANGRY = 'This is terrible and awful, still no refund, worst service ever!';
const HAPPY = 'Thank you so much, that solved it, you are great!';

async function orgWithThreshold(spec: OrgSpec) {
  const org = await buildOrg(t.db.db, spec);
  const ada = await signIn(org, 'ada');
  await ada.api.call('updateSentimentSetting', { body: { enabled: true, threshold: 'negative' } });
  return { org, ada };
}

/** A web chat in `org`'s first queue, offered to and accepted by the signed-in agent `agent`. */
async function acceptedBy(org: BuiltOrg, agent: Awaited<ReturnType<typeof signIn>>, name: string) {
  const chat = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name, email: 'c@x.example', question: 'Where is my order 4711?' } },
  });
  const id = chat.conversation.id;
  const offer = await eventually(() => agent.socket.of<Offer>('offer:new').find((o) => o.conversationId === id));
  await agent.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  const visitor = t.server.api(chat.token);
  const say = async (text: string) => {
    await visitor.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text } });
    await t.server.app.settled();
  };
  return { id, visitor, say };
}

const alertsFor = (who: { socket: { of<T>(event: string): T[] } }, id: string) =>
  who.socket.of<SentimentAlert>('sentiment:alert').filter((a) => a.conversationId === id);
const changesFor = (who: { socket: { of<T>(event: string): T[] } }, id: string) =>
  who.socket.of<CustomerSentimentChanged>('sentiment:changed').filter((c) => c.conversationId === id);

describe('the sentiment alert goes to the supervisors of the conversation’s queue (SV8)', () => {
  it('its queue’s supervisor is alerted; another queue’s, an admin not in it, agents, another org not', async () => {
    const { org, ada } = await orgWithThreshold({
      queues: ['Support', 'Billing'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor', queues: ['Support'] },
        { key: 'sam', role: 'supervisor', queues: ['Billing'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const other = await orgWithThreshold({
      queues: ['Support'],
      users: [
        { key: 'sue', role: 'supervisor', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const [sue, sam, ann, otherSue] = [
      await signIn(org, 'sue'),
      await signIn(org, 'sam'),
      await signIn(org, 'ann', 'available'),
      await signIn(other.org, 'sue'),
    ];
    const chat = await acceptedBy(org, ann, 'Karel');

    await chat.say(ANGRY);
    const [alert] = await eventually(() => alertsFor(sue, chat.id).length > 0 && alertsFor(sue, chat.id));
    expect(alert).toMatchObject({ conversationId: chat.id, customerName: 'Karel', agentName: org.user('ann').name });
    // The change and the alert go out in one pass: by the time the agent has the change, the others would have it.
    await eventually(() => changesFor(ann, chat.id).length > 0);
    for (const notTold of [sam, ada, ann, otherSue, other.ada])
      expect(notTold.socket.of('sentiment:alert')).toEqual([]);
  });

  it('with no supervisor among its members, every supervisor and admin is alerted, no one else', async () => {
    const { org, ada } = await orgWithThreshold({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
        { key: 'sam', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const other = await orgWithThreshold({
      queues: ['Support'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const [sue, sam, ann, ben, otherSue] = [
      await signIn(org, 'sue'),
      await signIn(org, 'sam'),
      await signIn(org, 'ann', 'available'),
      await signIn(org, 'ben'),
      await signIn(other.org, 'sue'),
    ];
    const chat = await acceptedBy(org, ann, 'Karel');
    await chat.say(ANGRY);
    for (const told of [sue, sam, ada]) await eventually(() => alertsFor(told, chat.id).length === 1);
    for (const notTold of [ann, ben, otherSue, other.ada]) expect(notTold.socket.of('sentiment:alert')).toEqual([]);
  });
});

describe('the agent holding a conversation sees its customer’s sentiment (SV8)', () => {
  it('level and mark reach only its agent: pushed, in their read and list; gone once it rises above', async () => {
    const { org } = await orgWithThreshold({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'], capacity: 1 },
        { key: 'ben', queues: ['Support'], capacity: 1 },
        { key: 'sue', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ann = await signIn(org, 'ann', 'available');
    const sue = await signIn(org, 'sue');
    const mine = await acceptedBy(org, ann, 'Karel');
    const ben = await signIn(org, 'ben', 'available');
    const bens = await acceptedBy(org, ben, 'Lotte');
    const annRead = () => ann.api.call('getConversation', { params: { id: mine.id } });
    const annList = async () =>
      (await ann.api.call('listConversations', { query: { scope: 'ongoing' } })).conversations.find(
        (c) => c.id === mine.id,
      );

    await mine.say(ANGRY);
    const [pushed] = await eventually(() => changesFor(ann, mine.id).length > 0 && changesFor(ann, mine.id));
    expect(['negative', 'very-negative']).toContain(pushed!.level);
    expect(pushed).toMatchObject({ conversationId: mine.id, low: true });
    expect((await annRead()).customerSentiment).toEqual({ level: pushed!.level, low: true });
    expect((await annList())?.customerSentiment).toEqual({ level: pushed!.level, low: true });

    await bens.say(ANGRY);
    await eventually(() => changesFor(ben, bens.id).length > 0);
    // Nobody else's conversation: Ann hears nothing of Ben's, Ben nothing of Ann's; a supervisor's read has no mark.
    expect(changesFor(ann, bens.id)).toEqual([]);
    expect(changesFor(ben, mine.id)).toEqual([]);
    expect(sue.socket.of('sentiment:changed')).toEqual([]);
    expect((await sue.api.call('getConversation', { params: { id: mine.id } })).customerSentiment).toBeUndefined();
    const annsOngoing = (await ann.api.call('listConversations', { query: { scope: 'ongoing' } })).conversations;
    expect(annsOngoing.map((c) => c.id)).toEqual([mine.id]);
    const everyone = (await sue.api.call('listConversations', { query: { scope: 'all' } })).conversations;
    expect(everyone.map((c) => c.customerSentiment)).toEqual(everyone.map(() => undefined));

    await mine.say(HAPPY);
    const lifted = await eventually(() => changesFor(ann, mine.id).find((c) => !c.low));
    expect(['negative', 'very-negative']).not.toContain(lifted.level);
    expect((await annRead()).customerSentiment).toEqual({ level: lifted.level, low: false });
  });
});

describe('the monitor shows each customer message’s level, to supervisors only (SV8)', () => {
  it('a supervisor’s read scores every customer message; the agent’s and the customer’s reads carry none', async () => {
    const { org } = await orgWithThreshold({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor' },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ann = await signIn(org, 'ann', 'available');
    const sue = await signIn(org, 'sue');
    const chat = await acceptedBy(org, ann, 'Karel');
    await ann.api.call('sendMessage', {
      params: { id: chat.id },
      body: { clientMessageId: clientId(), text: 'This is terrible, I am so sorry.' },
    });
    await chat.say(ANGRY);
    await chat.say(HAPPY);

    const seen = await sue.api.call('getConversation', { params: { id: chat.id } });
    const messages = seen.events.flatMap((e: ConversationEvent) => (e.type === 'message' ? [e.message] : []));
    const analyzer = createMultilangAnalyzer();
    const expected = Object.fromEntries(
      messages.filter((m) => m.kind === 'customer').map((m) => [m.id, analyzer.analyze(m.text, 'en').level]),
    );
    expect(Object.keys(expected)).toHaveLength(3);
    expect(seen.messageSentiments).toEqual(expected);
    expect(Object.values(expected)).toContain('very-negative');

    const annSees = await ann.api.call('getConversation', { params: { id: chat.id } });
    expect(annSees.messageSentiments).toBeUndefined();
    const customerSees = await chat.visitor.call('visitorConversation', { params: { id: chat.id } });
    expect(JSON.stringify(customerSees)).not.toMatch(/sentiment/i);
    const customerEvents = await chat.visitor.call('visitorEvents', { params: { id: chat.id }, query: {} });
    expect(JSON.stringify(customerEvents)).not.toMatch(/sentiment/i);
  });
});
