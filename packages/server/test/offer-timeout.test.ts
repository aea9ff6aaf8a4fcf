import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, OfferClosed } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { connectSocket, eventually, manualClock, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

let db: Database;
let server: TestServer;
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(async () => {
  db = await openTestDatabase();
  // A sweep interval far longer than the test: expiry runs only when the test asks for it.
  server = await startServer({ database: db, clock, env: { OFFER_SWEEP_MS: '60000', OFFER_TIMEOUT_SECONDS: '60' } });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('offer timeout (injected clock)', () => {
  it('an unanswered offer expires after the timeout and goes to another eligible agent', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }, { key: 'ben', queues: ['Support'] }] });
    const sign = async (key: string) => {
      const { token } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
      const socket = connectSocket(server.url, token);
      await socket.ready;
      await server.api(token).call('setPresence', { body: { presence: 'available' } });
      return { token, socket };
    };
    const ann = await sign('ann');
    const ben = await sign('ben');
    const chat = await server.api().call('startChat', { params: { widgetId: org.widgetId }, body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } } });
    const first = await eventually(() => [...ann.socket.of<Offer>('offer:new'), ...ben.socket.of<Offer>('offer:new')][0]);
    const [holder, other] = ann.socket.of('offer:new').length ? [ann, ben] : [ben, ann];
    expect(first.expiresAt).toBe('2026-03-02T09:01:00.000Z');

    clock.advance(59_000);
    expect(await server.app.offers.expireDue()).toBe(0);
    clock.advance(1_000);
    expect(await server.app.offers.expireDue()).toBe(1);
    // Expiry is a conditional write: a second sweep (another node) finds nothing left to do.
    expect(await server.app.offers.expireDue()).toBe(0);

    expect(await eventually(() => holder.socket.of<OfferClosed>('offer:closed')[0])).toMatchObject({ offerId: first.id, outcome: 'timeout' });
    const second = await eventually(() => other.socket.of<Offer>('offer:new')[0]);
    expect(second.conversationId).toBe(chat.conversation.id);
    await expect(server.api(holder.token).call('acceptOffer', { params: { id: first.id }, body: {} })).rejects.toMatchObject({ status: 409 });
    const detail = await server.api(other.token).call('getConversation', { params: { id: chat.conversation.id } });
    expect(detail.events.filter((e) => e.type === 'declined').map((e) => e.type === 'declined' && e.reason)).toEqual(['timeout']);
    holder.socket.close();
    other.socket.close();
  });
});
