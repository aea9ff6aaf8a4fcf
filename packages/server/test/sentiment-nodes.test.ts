import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSentimentChanged, Offer, SentimentAlert } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import {
  clientId,
  connectSocket,
  eventually,
  openTestDatabase,
  startServer,
  type TestServer,
} from './support/harness.js';
import { REDIS_URL, redisForTests } from './support/redis.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

const reachable = await redisForTests('the two-node sentiment test');

// SV8 across nodes (X2): the node that folds a customer's message publishes on its own bus; its
// emits to user rooms reach, through Redis, the sockets other nodes hold. Skipped only on a machine
// without Redis (a newcomer's); CI requires it (above), as redis-fanout.test.ts does.
describe.skipIf(!reachable)('sentiment alerts and marks across two nodes (SV8, X2)', () => {
  let db: Database;
  let nodeA: TestServer;
  let nodeB: TestServer;
  beforeAll(async () => {
    db = await openTestDatabase();
    nodeA = await startServer({ database: db, env: { REDIS_URL } });
    nodeB = await startServer({ database: db, env: { REDIS_URL } });
  });
  afterAll(async () => {
    await nodeA.close();
    await nodeB.close();
    await db.close();
  });

  const connect = async (node: TestServer, org: BuiltOrg, key: string) => {
    const { token } = await node.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
    const socket = connectSocket(node.url, token);
    await socket.ready;
    return { socket, api: node.api(token) };
  };

  it('the queue’s supervisor and the agent on node A hear of a message that node B folded; no one else', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support', 'Billing'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor', queues: ['Support'] },
        { key: 'sam', role: 'supervisor', queues: ['Billing'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const ada = await connect(nodeB, org, 'ada');
    await ada.api.call('updateSentimentSetting', { body: { enabled: true, threshold: 'negative' } });
    const [ann, sue, sam] = [
      await connect(nodeA, org, 'ann'),
      await connect(nodeA, org, 'sue'),
      await connect(nodeA, org, 'sam'),
    ];
    await ann.api.call('setPresence', { body: { presence: 'available' } });
    const chat = await nodeB.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Karel', email: 'k@x.example', question: 'Where is my order 4711?' } },
    });
    const id = chat.conversation.id;
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new').find((o) => o.conversationId === id));
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await nodeB.api(chat.token).call('visitorSend', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'This is terrible and awful, still no refund, worst service ever!' },
    });

    const [alert] = await eventually(() => {
      const got = sue.socket.of<SentimentAlert>('sentiment:alert');
      return got.length > 0 && got;
    });
    expect(alert).toMatchObject({ conversationId: id, customerName: 'Karel' });
    const mark = await eventually(() =>
      ann.socket.of<CustomerSentimentChanged>('sentiment:changed').find((c) => c.conversationId === id),
    );
    expect(mark.low).toBe(true);
    await nodeB.app.settled();
    expect(sam.socket.of('sentiment:alert')).toEqual([]);
    expect(ada.socket.of('sentiment:alert')).toEqual([]);
    expect(sue.socket.of('sentiment:changed')).toEqual([]);
    for (const s of [ann, sue, sam, ada]) s.socket.close();
  });
});
