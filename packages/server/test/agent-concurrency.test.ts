import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Offer } from '@switchboard/protocol';
import { rowsOf, type Database } from '../src/store/db.js';
import { agentCapacityProfiles, capacityProfiles, conversations, users, workstreams } from '../src/store/schema.js';
import { clientId, manualClock, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// X2: one agent's commands at the same moment (double clicks, several tabs) and the sweeps never
// deadlock into a 5xx, and what the agent is charged always equals what they hold. On the embedded
// database (one connection) this runs serialised; CI runs it on PostgreSQL (DATABASE_URL).

const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let db: Database;
let dbB: Database;
let server: TestServer;
let nodeB: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  // A second node: its own connection pool on PostgreSQL; the one embedded database otherwise.
  dbB = process.env.DATABASE_URL ? await openTestDatabase() : db;
  // The sweeps are called by the test, at the moment it chooses, not by the timers.
  server = await startServer({ database: db, clock, env: { OFFER_SWEEP_MS: '60000' } });
  nodeB = await startServer({ database: dbB, clock, env: { OFFER_SWEEP_MS: '60000' } });
});
afterAll(async () => {
  await nodeB.close();
  await server.close();
  if (dbB !== db) await dbB.close();
  await db.close();
});

type Call = { name: string; status: number };

/** One command over HTTP, to either node: every other command goes to the second one. */
let sent = 0;
async function hit(name: string, method: string, path: string, token: string, body?: unknown): Promise<Call> {
  const node = sent++ % 2 ? nodeB : server;
  const res = await fetch(`${node.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  await res.arrayBuffer();
  return { name, status: res.status };
}

async function signIn(org: BuiltOrg, key: string): Promise<string> {
  const { token } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  await server.api(token).call('setPresence', { body: { presence: 'available' } });
  return token;
}

/** A chat routed to the agent: its offer (routing has settled). */
async function offered(org: BuiltOrg, agentToken: string) {
  const chat = await server
    .api()
    .call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Customer', email: 'c@customer.example', question: 'Help' } },
    });
  await server.app.settled();
  const offers = (await server.api(agentToken).call('listOffers')).offers;
  const offer = offers.find((o: Offer) => o.conversationId === chat.conversation.id);
  if (!offer) throw new Error('the chat was not offered to the agent');
  return { offer, id: chat.conversation.id, visitor: chat.token };
}

/**
 * What the agent is charged equals what their conversations hold: units, and every profile. One
 * statement, so one snapshot: a sweep on a real timer may commit between two separate reads.
 */
async function expectChargesMatchHoldings(org: BuiltOrg, agentId: string) {
  const [row] = rowsOf<{
    used: number;
    held: number;
    profiles: { id: string; used: number; held: number }[];
    closed_holding: number;
  }>(
    await db.db.execute(sql`
      select u.used_capacity as used,
        (select coalesce(sum(c.charged_units), 0)::int from ${conversations} c where c.agent_id = u.id) as held,
        (select coalesce(json_agg(json_build_object('id', p.profile_id, 'used', p.used,
            'held', (select count(*)::int from ${conversations} c where c.agent_id = u.id and c.charged_profile_ids ? p.profile_id::text))), '[]')
          from ${agentCapacityProfiles} p where p.user_id = u.id) as profiles,
        (select count(*)::int from ${conversations} c where c.org_id = u.org_id and c.state = 'closed'
          and (c.charged_units > 0 or jsonb_array_length(c.charged_profile_ids) > 0)) as closed_holding
      from ${users} u where u.id = ${agentId} and u.org_id = ${org.orgId}`),
  );
  expect(row!.used).toBe(row!.held);
  for (const p of row!.profiles) expect({ profile: p.id, used: p.used }).toEqual({ profile: p.id, used: p.held });
  // Nothing closed still holds capacity.
  expect(row!.closed_holding).toBe(0);
}

async function orgWithOneAgent(useProfiles: boolean) {
  const org = await buildOrg(db.db, {
    queues: ['Support'],
    users: [{ key: 'ann', queues: ['Support'], capacity: 10, presence: 'available' }],
  });
  if (useProfiles) {
    const [profile] = await db.db
      .insert(capacityProfiles)
      .values({ orgId: org.orgId, name: 'Chats', defaultLimit: 10, resetFrequency: 'immediate' })
      .returning();
    await db.db
      .insert(agentCapacityProfiles)
      .values({ orgId: org.orgId, userId: org.user('ann').id, profileId: profile!.id });
    const [ws] = await db.db.select().from(workstreams).where(eq(workstreams.orgId, org.orgId));
    await db.db
      .update(workstreams)
      .set({ config: { ...ws!.config, capacity: { kind: 'profiles', profileIds: [profile!.id] } } })
      .where(eq(workstreams.id, ws!.id));
  }
  return org;
}

describe('one agent, many commands at once (X2)', () => {
  it('answers every concurrent accept, reject, close, end, send, presence change, sweep and customer end with 2xx/4xx, and keeps charges equal to holdings', async () => {
    // The embedded database serialises everything (one connection): a few rounds prove the flow there.
    const rounds = process.env.DATABASE_URL ? 20 : 3;
    const failures: Call[] = [];
    for (let round = 0; round < rounds; round++) {
      const org = await orgWithOneAgent(round % 4 === 3);
      const agentId = org.user('ann').id;
      const token = await signIn(org, 'ann');
      const api = server.api(token);

      // The offer that runs out: made first, then the clock passes its deadline.
      const expiring = await offered(org, token);
      clock.advance(61_000);
      const [o1, o2, o3, a1, c1, w1, w2] = [
        await offered(org, token),
        await offered(org, token),
        await offered(org, token),
        await offered(org, token),
        await offered(org, token),
        await offered(org, token),
        await offered(org, token),
      ];
      for (const x of [a1, c1, w1, w2]) await api.call('acceptOffer', { params: { id: x.offer.id }, body: {} });
      for (const x of [w1, w2]) await api.call('endConversation', { params: { id: x.id }, body: {} });
      await expectChargesMatchHoldings(org, agentId);

      const sweep = (name: string, run: () => Promise<number>) =>
        run().then(
          () => ({ name, status: 200 }),
          (err: unknown) => ({ name: `${name}: ${String(err)}`, status: 500 }),
        );
      const calls = await Promise.all([
        hit('accept o1', 'POST', `/api/offers/${o1.offer.id}/accept`, token, {}),
        hit('accept o2', 'POST', `/api/offers/${o2.offer.id}/accept`, token, {}),
        hit('accept o2 again', 'POST', `/api/offers/${o2.offer.id}/accept`, token, {}),
        hit('reject o3', 'POST', `/api/offers/${o3.offer.id}/reject`, token, {}),
        hit('close w1', 'POST', `/api/conversations/${w1.id}/close`, token, {}),
        hit('close w2', 'POST', `/api/conversations/${w2.id}/close`, token, {}),
        hit('end a1', 'POST', `/api/conversations/${a1.id}/end`, token, {}),
        hit('send a1', 'POST', `/api/conversations/${a1.id}/messages`, token, {
          clientMessageId: clientId(),
          text: 'One moment',
        }),
        hit('presence', 'PUT', '/api/me/presence', token, { presence: round % 2 ? 'busy' : 'available' }),
        hit('customer end c1', 'POST', `/api/widget/conversations/${c1.id}/end`, c1.visitor, {}),
        hit('customer end o1', 'POST', `/api/widget/conversations/${o1.id}/end`, o1.visitor, {}),
        sweep('offer timeouts', () => server.app.offers.expireDue()),
        sweep('offer timeouts on node B', () => nodeB.app.offers.expireDue()),
        sweep('wrap-up capacity', () => server.app.conversations.releaseDue()),
      ]);
      failures.push(...calls.filter((c) => c.status >= 500).map((c) => ({ ...c, name: `round ${round}: ${c.name}` })));
      expect(
        calls.every((c) => c.status >= 200 && c.status < 500),
        JSON.stringify(calls),
      ).toBe(true);
      // Each command did what it could: the wrap-ups closed, the expired offer went back to the queue.
      const state = async (id: string) =>
        (await db.db.select({ s: conversations.state }).from(conversations).where(eq(conversations.id, id)))[0]!.s;
      expect([await state(w1.id), await state(w2.id)]).toEqual(['closed', 'closed']);
      expect(await state(a1.id)).toBe('wrap-up');
      expect(
        calls.find((c) => c.name === 'accept o2')!.status === 200 ||
          calls.find((c) => c.name === 'accept o2 again')!.status === 200,
      ).toBe(true);

      await Promise.all([server.app.settled(), nodeB.app.settled()]);
      await expectChargesMatchHoldings(org, agentId);
      // The expired offer is gone (the conversation may already be offered again).
      expect((await api.call('listOffers')).offers.map((o: Offer) => o.id)).not.toContain(expiring.offer.id);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
