import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { connectSocket, eventually, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('organisations do not see each other', () => {
  it('keeps conversations, offers, queues and routing inside their organisation', async () => {
    const a = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }, { key: 'sue', role: 'supervisor' }] });
    const b = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'bob', queues: ['Support'] }, { key: 'sid', role: 'supervisor' }] });
    const login = async (org: typeof a, key: string) => (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
    const ann = await login(a, 'ann');
    const bob = await login(b, 'bob');
    const sid = await login(b, 'sid');
    const bobSocket = connectSocket(server.url, bob);
    const annSocket = connectSocket(server.url, ann);
    await Promise.all([bobSocket.ready, annSocket.ready]);
    // Bob is available and has room; Ann is too. A's chat must go to Ann only.
    await server.api(bob).call('setPresence', { body: { presence: 'available' } });
    await server.api(ann).call('setPresence', { body: { presence: 'available' } });

    const chat = await server.api().call('startChat', { params: { widgetId: a.widgetId }, body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' } } });
    const offer = await eventually(() => annSocket.of<Offer>('offer:new')[0]);
    await server.app.settled();
    expect(bobSocket.of('offer:new')).toHaveLength(0);

    const id = chat.conversation.id;
    await expect(server.api(sid).call('getConversation', { params: { id } })).rejects.toMatchObject({ status: 404 });
    await expect(server.api(sid).call('listEvents', { params: { id }, query: {} })).rejects.toMatchObject({ status: 404 });
    await expect(server.api(bob).call('acceptOffer', { params: { id: offer.id }, body: {} })).rejects.toMatchObject({ status: 404 });
    expect((await server.api(sid).call('listConversations', { query: { scope: 'all' } })).conversations).toEqual([]);
    expect((await server.api(bob).call('listQueues')).queues.map((q) => q.id)).toEqual([b.queueId('Support')]);
    // A follow request for another organisation's conversation is refused.
    const followed = await bobSocket.socket.emitWithAck('follow', id);
    expect(followed).toBe(false);
    bobSocket.close();
    annSocket.close();
  });
});
