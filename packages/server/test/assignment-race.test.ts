import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Presence } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { createEventBus } from '../src/services/bus.js';
import { createPresenceService } from '../src/services/presence.js';
import { createRoutingEngine } from '../src/services/routing-engine.js';
import { claimConversation } from '../src/store/routing.js';
import { conversations, offers, orgSettings, users, workstreams } from '../src/store/schema.js';
import { openTestDatabase } from './support/harness.js';
import { buildOrg, type BuiltOrg } from './support/org-builder.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

async function orgWithWaitingWork(count: number) {
  const org = await buildOrg(db.db, {
    queues: ['Support'],
    users: ['a1', 'a2', 'a3'].map((key) => ({ key, queues: ['Support'], capacity: 2, presence: 'available' as const })),
  });
  const [ws] = await db.db.select().from(workstreams).where(eq(workstreams.orgId, org.orgId));
  const now = new Date();
  const rows = await db.db
    .insert(conversations)
    .values(
      Array.from({ length: count }, (_, i) => ({
        orgId: org.orgId,
        workstreamId: ws!.id,
        queueId: org.queueId('Support'),
        channel: 'webchat' as const,
        state: 'open' as const,
        customerName: `Customer ${i}`,
        capacityUnits: 1,
        waitingSince: new Date(now.getTime() + i),
        routingAge: new Date(now.getTime() + i),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: conversations.id });
  return { org, ids: rows.map((r) => r.id) };
}

async function expectCleanAssignment(org: BuiltOrg) {
  const active = await db.db
    .select({ agentId: conversations.agentId, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.orgId, org.orgId), eq(conversations.state, 'active')))
    .groupBy(conversations.agentId);
  expect(active.reduce((sum, r) => sum + r.n, 0)).toBe(6);
  expect(active.map((r) => r.n)).toEqual([2, 2, 2]);
  const agents = await db.db
    .select({ used: users.usedCapacity, capacity: users.capacity })
    .from(users)
    .where(eq(users.orgId, org.orgId));
  expect(agents.map((a) => a.used)).toEqual([2, 2, 2]);
  const perConversation = await db.db
    .select({ conversationId: offers.conversationId, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(eq(offers.orgId, org.orgId))
    .groupBy(offers.conversationId);
  expect(perConversation).toHaveLength(6);
  expect(perConversation.every((r) => r.n === 1)).toBe(true);
  const [open] = await db.db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.orgId, org.orgId), eq(conversations.state, 'open')));
  expect(open!.n).toBe(44);
}

/** One claim of a conversation for an agent, as push routing makes it (a unit of capacity, a minute to accept). */
const offer = (
  org: BuiltOrg,
  agentId: string,
  conversationId: string,
  allowedPresences: Presence[] | null,
  now: Date,
) =>
  claimConversation(db.db, {
    orgId: org.orgId,
    conversationId,
    agentId,
    queueId: org.queueId('Support'),
    need: { kind: 'units', units: 1 },
    allowedPresences,
    now,
    expiresAt: new Date(now.getTime() + 60_000),
    event: { type: 'offered', payload: {}, public: false },
    trace: [],
  });

describe('assignment under concurrency', () => {
  it('50 concurrent claims over 3 agents with capacity 2: exactly 6 assigned, nobody over capacity, nothing twice', async () => {
    const { org, ids } = await orgWithWaitingWork(50);
    const agents = ['a1', 'a2', 'a3'].map((k) => org.user(k).id);
    const now = new Date();
    // Every conversation is claimed twice, by different agents, all at once.
    const attempts = ids.flatMap((conversationId, i) =>
      [0, 1].map((k) => offer(org, agents[(i + k) % 3]!, conversationId, ['available', 'busy'], now)),
    );
    const results = await Promise.all(attempts);
    expect(results.filter(Boolean)).toHaveLength(6);
    await expectCleanAssignment(org);
  });

  it('30 concurrent claims for one agent with room for 50: the session limit (7, set by the admin) holds, exactly 7 assigned', async () => {
    const { org, ids } = await orgWithWaitingWork(30);
    const ann = org.user('a1').id;
    await db.db.update(users).set({ capacity: 50 }).where(eq(users.id, ann));
    await db.db.insert(orgSettings).values({ orgId: org.orgId, sessionLimit: 7 });
    // The others sign off: on a shared PostgreSQL, another test's server routes every organisation's
    // waiting work, and the 20 conversations left here must not reach anyone.
    for (const key of ['a2', 'a3'])
      await db.db
        .update(users)
        .set({ presence: 'offline', connected: false })
        .where(eq(users.id, org.user(key).id));
    const now = new Date();
    const results = await Promise.all(ids.map((conversationId) => offer(org, ann, conversationId, null, now)));
    expect(results.filter(Boolean)).toHaveLength(7);
    const [held] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.agentId, ann), eq(conversations.state, 'active')));
    expect(held!.n).toBe(7);
    const [agent] = await db.db.select({ used: users.usedCapacity }).from(users).where(eq(users.id, ann));
    expect(agent!.used).toBe(7);
  });

  it('with no session limit (the default), 30 concurrent claims for one agent with room for 25: capacity alone holds, exactly 25 assigned', async () => {
    const { org, ids } = await orgWithWaitingWork(30);
    const ann = org.user('a1').id;
    await db.db.update(users).set({ capacity: 25 }).where(eq(users.id, ann));
    for (const key of ['a2', 'a3'])
      await db.db
        .update(users)
        .set({ presence: 'offline', connected: false })
        .where(eq(users.id, org.user(key).id));
    const now = new Date();
    const results = await Promise.all(ids.map((conversationId) => offer(org, ann, conversationId, null, now)));
    expect(results.filter(Boolean)).toHaveLength(25);
    const [agent] = await db.db
      .select({ used: users.usedCapacity, presence: users.presence })
      .from(users)
      .where(eq(users.id, ann));
    expect(agent).toEqual({ used: 25, presence: 'busy' }); // full shows Busy (AG1)
  });

  it('two routing engines dispatching the same queue at once assign each item once', async () => {
    const { org } = await orgWithWaitingWork(50);
    const make = () => {
      const clock = { now: () => new Date() };
      const bus = createEventBus(() => undefined);
      const presence = createPresenceService({ db: db.db, clock, bus, onRoutable: () => undefined });
      return createRoutingEngine({
        db: db.db,
        clock,
        log: pino({ level: 'silent' }),
        bus,
        presence,
        defaultOfferTimeoutSeconds: 60,
      });
    };
    const engines = [make(), make()];
    await Promise.all(engines.flatMap((e) => [e.dispatch(org.orgId), e.dispatch(org.orgId)]));
    await expectCleanAssignment(org);
  });
});
