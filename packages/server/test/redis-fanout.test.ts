import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
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
import { buildOrg, PASSWORD } from './support/org-builder.js';

const reachable = await redisForTests('the two-node fan-out test');

// Skipped only on a machine without Redis (a newcomer's); CI requires it (above).
describe.skipIf(!reachable)('two nodes share realtime events through Redis (X2)', () => {
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

  it('an agent connected to node A gets the offer and messages that node B handled', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [{ key: 'ann', queues: ['Support'], presence: 'available' }],
    });
    const { token } = await nodeA.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } });
    const agent = connectSocket(nodeA.url, token);
    await agent.ready;
    const chat = await nodeB.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'via B' } },
    });
    const offer = await eventually(() => agent.of<Offer>('offer:new')[0]);
    expect(offer.conversationId).toBe(chat.conversation.id);
    await nodeB.api(token).call('acceptOffer', { params: { id: offer.id }, body: {} });
    await nodeB.api(chat.token).call('visitorSend', {
      params: { id: chat.conversation.id },
      body: { clientMessageId: clientId(), text: 'hello from B' },
    });
    const msg = await eventually(() =>
      agent
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'hello from B'),
    );
    expect(msg.conversationId).toBe(chat.conversation.id);
    agent.close();
  });

  it('a node that has closed drops late events instead of failing on its closed Redis connection', async () => {
    const node = await startServer({ database: db, env: { REDIS_URL } });
    await node.close();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // What a presence settle or a commit still in flight at shutdown publishes after the close.
      node.app.realtime.deliver({ kind: 'presence-changed', orgId: 'o', userId: 'u', presence: 'available' });
      node.app.realtime.endSession('s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });
});
