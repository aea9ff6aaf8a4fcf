import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, OfferClosed } from '@switchboard/protocol';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/store/db.js';
import { offers } from '../src/store/schema.js';
import {
  connectSocket,
  eventually,
  manualClock,
  openTestDatabase,
  startServer,
  type TestServer,
} from './support/harness.js';
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

const statusOf = async (offerId: string) =>
  (await db.db.select({ status: offers.status }).from(offers).where(eq(offers.id, offerId)))[0]?.status;

describe('offer timeout (injected clock)', () => {
  it('an unanswered offer expires after the timeout and goes to another eligible agent', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
      ],
    });
    const sign = async (key: string) => {
      const { token } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
      const socket = connectSocket(server.url, token);
      await socket.ready;
      await server.api(token).call('setPresence', { body: { presence: 'available' } });
      return { token, socket };
    };
    const ann = await sign('ann');
    const ben = await sign('ben');
    const chat = await server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } },
      });
    const first = await eventually(
      () => [...ann.socket.of<Offer>('offer:new'), ...ben.socket.of<Offer>('offer:new')][0],
    );
    const [holder, other] = ann.socket.of('offer:new').length ? [ann, ben] : [ben, ann];
    expect(first.expiresAt).toBe('2026-03-02T09:01:00.000Z');

    // Read from the database: on a shared PostgreSQL a sweep also ends other tests' offers, so its count says little.
    clock.advance(59_000);
    await server.app.offers.expireDue();
    expect(await statusOf(first.id)).toBe('pending');
    clock.advance(1_000);
    await server.app.offers.expireDue();
    expect(await statusOf(first.id)).toBe('timeout');
    // Expiry is a conditional write: a second sweep (another node) changes nothing (one decline below).
    await server.app.offers.expireDue();

    expect(await eventually(() => holder.socket.of<OfferClosed>('offer:closed')[0])).toMatchObject({
      offerId: first.id,
      outcome: 'timeout',
    });
    const second = await eventually(() => other.socket.of<Offer>('offer:new')[0]);
    expect(second.conversationId).toBe(chat.conversation.id);
    await expect(
      server.api(holder.token).call('acceptOffer', { params: { id: first.id }, body: {} }),
    ).rejects.toMatchObject({ status: 409 });
    const detail = await server.api(other.token).call('getConversation', { params: { id: chat.conversation.id } });
    expect(detail.events.filter((e) => e.type === 'declined').map((e) => e.type === 'declined' && e.reason)).toEqual([
      'timeout',
    ]);
    holder.socket.close();
    other.socket.close();
  });

  it("a workstream's own offer timeout (10 s) applies instead of the server's default (60 s)", async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const login = async (key: string) =>
      (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
    const admin = server.api(await login('ada'));
    const { id: wsId, ...ws } = (await admin.call('listWorkstreams'))[0]!;
    expect(ws.offerTimeoutSeconds).toBeNull();
    await admin.call('updateWorkstream', { params: { id: wsId }, body: { ...ws, offerTimeoutSeconds: 10 } });
    const annToken = await login('ann');
    const socket = connectSocket(server.url, annToken);
    await socket.ready;
    await server.api(annToken).call('setPresence', { body: { presence: 'available' } });

    await server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } },
      });
    const offer = await eventually(() => socket.of<Offer>('offer:new')[0]);
    expect(new Date(offer.expiresAt).getTime() - new Date(offer.offeredAt).getTime()).toBe(10_000);
    expect(new Date(offer.offeredAt).getTime()).toBe(clock.now().getTime());
    clock.advance(9_999);
    await server.app.offers.expireDue();
    expect(await statusOf(offer.id)).toBe('pending');
    clock.advance(1);
    await server.app.offers.expireDue();
    expect(await statusOf(offer.id)).toBe('timeout'); // at 10 s, long before the default's 60 s
    expect(await eventually(() => socket.of<OfferClosed>('offer:closed')[0])).toMatchObject({
      offerId: offer.id,
      outcome: 'timeout',
    });
    socket.close();
  });

  it('with the settings on, a missed offer makes the agent inactive and a rejected one Do not disturb, until they change it', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const login = async (key: string) =>
      (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
    await server
      .api(await login('ada'))
      .call('updateRoutingSettings', {
        body: {
          defaultPresence: 'available',
          idleMinutes: 15,
          missedOfferMakesInactive: true,
          rejectMakesDoNotDisturb: true,
        },
      });
    const annToken = await login('ann');
    const ann = server.api(annToken);
    const socket = connectSocket(server.url, annToken);
    await socket.ready;
    await ann.call('setPresence', { body: { presence: 'available' } });
    const offers = () => socket.of<Offer>('offer:new');

    await server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'help' } },
      });
    await eventually(() => offers()[0]);
    clock.advance(60_000);
    await server.app.offers.expireDue();
    expect(await eventually(() => socket.of<OfferClosed>('offer:closed')[0])).toMatchObject({
      offerId: offers()[0]!.id,
      outcome: 'timeout',
    });
    await server.app.settled();
    expect((await ann.call('me')).presence).toBe('away');
    expect(offers()).toHaveLength(1); // inactive: not offered it again

    await ann.call('setPresence', { body: { presence: 'available' } });
    const again = await eventually(() => offers()[1]);
    await ann.call('rejectOffer', { params: { id: again.id }, body: {} });
    await server.app.settled();
    expect((await ann.call('me')).presence).toBe('busy-dnd');
    expect(offers()).toHaveLength(2);

    await ann.call('setPresence', { body: { presence: 'available' } });
    expect((await eventually(() => offers()[2])).conversationId).toBe(again.conversationId);
    socket.close();
  });
});
