import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
import { clientId, connectSocket, eventually, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// On the embedded database in a data folder (or the PostgreSQL server when DATABASE_URL is set).
const start = (port = '0') => startServer({ env: { DATA_DIR: dir, PORT: port } });

describe('server restart mid-conversation', () => {
  it('keeps everything acknowledged, and both sides reconnect by themselves', async () => {
    let server: TestServer = await start();
    const port = String(new URL(server.url).port);
    const org = await buildOrg(server.app.database.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], presence: 'available' }] });
    const { token } = await server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } });
    const agent = connectSocket(server.url, token);
    await agent.ready;
    const chat = await server.api().call('startChat', { params: { widgetId: org.widgetId }, body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } } });
    const customer = connectSocket(server.url, chat.token);
    await customer.ready;
    const id = chat.conversation.id;
    const offer = await eventually(() => agent.of<Offer>('offer:new')[0]);
    await server.api(token).call('acceptOffer', { params: { id: offer.id }, body: {} });
    await server.api(chat.token).call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'before restart (customer)' } });
    await server.api(token).call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'before restart (agent)' } });

    await server.close();
    const readyCounts = [agent.of('ready').length, customer.of('ready').length];
    server = await start(port);
    try {
      // socket.io-client reconnects on its own; the server sends `ready` again once rooms are joined.
      await eventually(() => agent.of('ready').length > readyCounts[0]! && customer.of('ready').length > readyCounts[1]!, 10_000);

      const history = await server.api(token).call('getConversation', { params: { id } });
      const texts = history.events.flatMap((e) => (e.type === 'message' ? [e.message.text] : []));
      expect(texts).toEqual(['help', 'before restart (customer)', 'before restart (agent)']);
      expect(history.state).toBe('active');

      await server.api(chat.token).call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'after restart' } });
      const live = await eventually(() =>
        agent.of<ConversationEvent>('conversation:event').find((e) => e.type === 'message' && e.message.text === 'after restart'),
      );
      expect(live.seq).toBe(history.lastSeq + 1);
    } finally {
      agent.close();
      customer.close();
      await server.close();
    }
  });
});
