import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SocketEvents,
  type OngoingFeedMessage,
  type OngoingRow,
  type OngoingSubscribed,
  type OngoingSubscription,
} from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { handoffFixture } from './support/handoff-fixture.js';
import {
  connectSocket,
  eventually,
  openTestDatabase,
  serverForFile,
  startServer,
  type TestServer,
} from './support/harness.js';
import { REDIS_URL, redisForTests } from './support/redis.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// The supervisors' ongoing lists, live (SV1): each socket follows its own filter and is sent only
// the rows of it (upserts, removals), numbered 1, 2, 3 per feed; never a row of another organisation.
const t = serverForFile();
const { signIn } = handoffFixture(t);
type Client = Awaited<ReturnType<typeof signIn>>;

const subscribe = (who: Client, sub: OngoingSubscription) =>
  who.socket.socket.emitWithAck(SocketEvents.ongoingSubscribe, sub) as Promise<OngoingSubscribed>;
const feedOf = (who: Client) => who.socket.of<OngoingFeedMessage>(SocketEvents.ongoingPatch);
/** Everything the server has sent these sockets has arrived: the changes settled, then a round trip on each. */
async function caughtUp(...clients: Client[]) {
  await t.server.app.settled();
  for (const c of clients) await c.socket.socket.emitWithAck('follow', 'none');
}
/**
 * What a feed has said so far, patch by patch as `op id`, a row's upserts in a row told once: a chat's
 * sentiment (SV8) may follow its start in a batch of its own, a second upsert of the same row.
 */
function story(who: Client): string[] {
  const told = feedOf(who).flatMap((m) =>
    m.patches.map((p) => (p.op === 'upsert' ? `upsert ${p.row.id}` : `remove ${p.id}`)),
  );
  return told.filter((line, i) => line !== told[i - 1]);
}
/** The feed's messages are numbered 1, 2, 3 ... with no gap; the total its last one gave. */
function numbered(who: Client): number | undefined {
  const messages = feedOf(who);
  expect(messages.map((m) => m.seq)).toEqual(messages.map((_m, i) => i + 1));
  return messages.at(-1)?.total;
}

const billingRule = (q: (name: string) => string) => [
  {
    name: 'billing',
    when: { kind: 'compare' as const, field: 'prechat.question', operator: 'equals' as const, value: 'invoice' },
    queues: [{ queueId: q('Billing'), percentage: 100 }],
  },
];
const startChat = async (org: BuiltOrg, question: string) => {
  const chat = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: `Eve ${question}`, email: 'eve@x.example', question } },
  });
  return { id: chat.conversation.id, visitor: t.server.api(chat.token) };
};

describe('one feed per supervisor filter (SV1)', () => {
  it('two supervisors with different filters each get exactly their rows; the neighbour none', async () => {
    const spec = { queues: ['Support', 'Billing'], users: [{ key: 'sue', role: 'supervisor' as const }] };
    const org = await buildOrg(t.db.db, {
      ...spec,
      // Ann works no queue: nothing is offered, so every chat stays where the test puts it.
      users: [...spec.users, { key: 'sam', role: 'supervisor' }, { key: 'ann', queues: [] }],
      rules: billingRule,
    });
    const neighbour = await buildOrg(t.db.db, spec);
    const [sue, sam, ann, nina] = await Promise.all([
      signIn(org, 'sue'),
      signIn(org, 'sam'),
      signIn(org, 'ann'),
      signIn(neighbour, 'sue'),
    ]);
    const support = await subscribe(sue, { queueId: org.queueId('Support') });
    const billing = await subscribe(sam, { queueId: org.queueId('Billing'), sort: 'wait' });
    const everything = await subscribe(nina, {});
    expect([support, billing, everything]).toEqual([
      { ok: true, feed: expect.any(Number), total: 0 },
      { ok: true, feed: expect.any(Number), total: 0 },
      { ok: true, feed: expect.any(Number), total: 0 },
    ]);

    // A chat arrives in Support: Sue's list has it, exactly as the REST list shows it; Sam's does not.
    const help = await startChat(org, 'help');
    await caughtUp(sue, sam, nina);
    expect(story(sue)).toEqual([`upsert ${help.id}`]);
    expect(numbered(sue)).toBe(1);
    const listed = await sue.api.call('listOngoing', { query: { queueId: org.queueId('Support') } });
    expect((feedOf(sue).at(-1)!.patches[0] as { row: OngoingRow }).row).toEqual(listed.conversations[0]);
    expect(feedOf(sam)).toEqual([]);

    const invoice = await startChat(org, 'invoice');
    await caughtUp(sue, sam, nina);
    expect(story(sam)).toEqual([`upsert ${invoice.id}`]);
    expect(numbered(sam)).toBe(1);
    expect(story(sue)).toEqual([`upsert ${help.id}`]);

    // Moved to Billing: it leaves Sue's list and enters Sam's.
    await sue.api.call('assignConversation', {
      params: { id: help.id },
      body: { kind: 'queue', queueId: org.queueId('Billing') },
    });
    await caughtUp(sue, sam, nina);
    expect(story(sue)).toEqual([`upsert ${help.id}`, `remove ${help.id}`]);
    expect(numbered(sue)).toBe(0);
    expect(story(sam)).toEqual([`upsert ${invoice.id}`, `upsert ${help.id}`]);
    expect(numbered(sam)).toBe(2);
    expect(feedOf(sam).at(-1)!.patches[0]).toMatchObject({
      row: { queueId: org.queueId('Billing'), queueName: 'Billing' },
    });

    // Ended by the customer: it leaves Sam's list.
    await invoice.visitor.call('visitorEnd', { params: { id: invoice.id }, body: {} });
    await caughtUp(sue, sam, nina);
    expect(story(sam)).toEqual([`upsert ${invoice.id}`, `upsert ${help.id}`, `remove ${invoice.id}`]);
    expect(numbered(sam)).toBe(1);
    expect((await sam.api.call('listOngoing', { query: { queueId: org.queueId('Billing') } })).total).toBe(1);

    // The neighbour's own chat reaches only the neighbour's supervisor.
    const theirs = await startChat(neighbour, 'help');
    await caughtUp(sue, sam, nina);
    expect(story(nina)).toEqual([`upsert ${theirs.id}`]);
    expect(numbered(nina)).toBe(1);
    expect(story(sue)).toEqual([`upsert ${help.id}`, `remove ${help.id}`]);
    expect(story(sam)).toHaveLength(3);
    expect(new Set(feedOf(sue).map((m) => m.feed))).toEqual(new Set([support.ok && support.feed]));
    expect(new Set(feedOf(sam).map((m) => m.feed))).toEqual(new Set([billing.ok && billing.feed]));
    expect(feedOf(ann)).toEqual([]);
  });

  it('a state or agent filter follows a chat as it is offered and accepted; a new filter, a new feed', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'sam', role: 'supervisor' },
        { key: 'ann', queues: ['Support'] },
      ],
    });
    const [sue, sam] = await Promise.all([signIn(org, 'sue'), signIn(org, 'sam')]);
    await subscribe(sue, { state: 'open' });
    await subscribe(sam, { agentId: org.user('ann').id, sort: 'agent', direction: 'desc' });
    const waiting = await startChat(org, 'help');
    await caughtUp(sue, sam);
    expect(story(sue)).toEqual([`upsert ${waiting.id}`]);
    expect(numbered(sue)).toBe(1);
    expect(feedOf(sam)).toEqual([]);

    const ann = await signIn(org, 'ann', 'available');
    const offer = await eventually(async () => (await ann.api.call('listOffers')).offers[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await caughtUp(sue, sam);
    // Sue's list (open only) loses it; Sam's (Ann's) gains it once it is hers, and has it active.
    expect(story(sue)).toEqual([`upsert ${waiting.id}`, `remove ${waiting.id}`]);
    expect(numbered(sue)).toBe(0);
    expect(story(sam)).toEqual([`upsert ${waiting.id}`]);
    expect(numbered(sam)).toBe(1);
    expect(feedOf(sam).at(-1)!.patches).toMatchObject([
      { op: 'upsert', row: { state: 'active', agentId: org.user('ann').id } },
    ]);

    // Sue turns to active conversations: a new feed, numbered from 1, that counts what is there already.
    const again = await subscribe(sue, { state: 'active' });
    expect(again).toEqual({ ok: true, feed: expect.any(Number), total: 1 });
    const before = feedOf(sue).length;
    await sue.api.call('forceClose', { params: { id: waiting.id }, body: {} });
    await caughtUp(sue);
    const [closed] = feedOf(sue).slice(before);
    expect(closed).toEqual({
      feed: again.ok && again.feed,
      seq: 1,
      total: 0,
      patches: [{ op: 'remove', id: waiting.id }],
    });
  });

  it('is refused, clearly and changing nothing, to agents, visitors and with a bad filter', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'ann', queues: [] },
      ],
    });
    const [sue, ann] = await Promise.all([signIn(org, 'sue'), signIn(org, 'ann')]);
    expect(await subscribe(ann, {})).toEqual({
      ok: false,
      message: 'only supervisors and admins follow the ongoing list',
    });
    const chat = await startChat(org, 'help');
    const { token } = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Vic', email: 'v@x.example', question: 'hi' } },
    });
    const visitor = t.socket(token);
    await visitor.ready;
    expect(await visitor.socket.emitWithAck(SocketEvents.ongoingSubscribe, {})).toMatchObject({ ok: false });

    await t.server.app.settled();
    const first = await subscribe(sue, { queueId: org.queueId('Support') });
    expect(first).toMatchObject({ ok: true, total: 2 });
    for (const [bad, says] of [
      [{ sort: 'loudest' }, /sort: use one of newest, wait, handle, state, queue, agent, channel, sentiment/],
      [{ direction: 'up' }, /direction: use asc or desc/],
      [{ state: 'closed' }, /state/],
      [{ queueId: 'not-an-id' }, /queueId/],
      [{ owner: 'me' }, /owner/],
      ['everything', /subscription/],
    ] as const) {
      const answer = await sue.socket.socket.emitWithAck(SocketEvents.ongoingSubscribe, bad);
      expect(answer).toEqual({ ok: false, message: expect.stringMatching(says) });
    }
    // The refused subscriptions left the first feed as it was.
    await chat.visitor.call('visitorEnd', { params: { id: chat.id }, body: {} });
    await caughtUp(sue, ann);
    expect(story(sue)).toEqual([`remove ${chat.id}`]);
    expect(numbered(sue)).toBe(1);
    expect(feedOf(sue).map((m) => m.feed)).toEqual([first.ok && first.feed]);
    expect(feedOf(ann)).toEqual([]);
    expect(visitor.of(SocketEvents.ongoingPatch)).toEqual([]);
  });
});

const redisUp = await redisForTests('the two-node feed test');

// Skipped only on a machine without Redis (as redis-fanout.test.ts); CI requires it.
describe.skipIf(!redisUp)('feeds across two nodes (SV1, X2)', () => {
  let db: Database;
  let nodes: TestServer[] = [];
  beforeAll(async () => {
    db = await openTestDatabase();
    nodes = [
      await startServer({ database: db, env: { REDIS_URL } }),
      await startServer({ database: db, env: { REDIS_URL } }),
    ];
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await db.close();
  });

  it('a supervisor on node A hears of a chat node B took, and only the filters it matches', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const org = await buildOrg(db.db, {
      queues: ['Support', 'Billing'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'sam', role: 'supervisor' },
      ],
    });
    const socketOn = async (node: TestServer, key: string) => {
      const { token } = await node.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
      const s = connectSocket(node.url, token);
      await s.ready;
      return s;
    };
    const [sue, sam] = await Promise.all([socketOn(a, 'sue'), socketOn(b, 'sam')]);
    try {
      await sue.socket.emitWithAck(SocketEvents.ongoingSubscribe, { queueId: org.queueId('Support') });
      await sam.socket.emitWithAck(SocketEvents.ongoingSubscribe, { queueId: org.queueId('Billing') });
      const chat = await b.api().call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'via B' } },
      });
      const [message] = await eventually(() => {
        const got = sue.of<OngoingFeedMessage>(SocketEvents.ongoingPatch);
        return got.length ? got : undefined;
      });
      expect(message).toMatchObject({
        seq: 1,
        total: 1,
        patches: [{ op: 'upsert', row: { id: chat.conversation.id } }],
      });
      await Promise.all(nodes.map((n) => n.app.settled()));
      await sam.socket.emitWithAck('follow', 'none');
      expect(sam.of(SocketEvents.ongoingPatch)).toEqual([]);
    } finally {
      sue.close();
      sam.close();
    }
  });
});
