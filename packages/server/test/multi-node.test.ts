import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { freePort, ServerProcess } from '../../../e2e/support/server-process.js';
import type { Database } from '../src/store/db.js';
import { conversations, offers, users, workstreams } from '../src/store/schema.js';
import { eventually, openTestDatabase, TEST_SECRET_KEY } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

const nodes: ServerProcess[] = [];
let db: Database | undefined;
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
  await db?.close();
});

// Two processes cannot share the embedded database, so this runs on a PostgreSQL server:
// CI's second stage sets DATABASE_URL (see .ci/run); on the embedded stage it is skipped.
describe.runIf(process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it('race over the same queue: no item assigned twice, no agent over capacity, no item lost', async () => {
    db = await openTestDatabase();
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: ['a1', 'a2', 'a3', 'a4'].map((key) => ({
        key,
        queues: ['Support'],
        capacity: 3,
        presence: 'available' as const,
      })),
    });
    const [ws] = await db.db.select().from(workstreams).where(eq(workstreams.orgId, org.orgId));
    const now = Date.now();
    await db.db.insert(conversations).values(
      Array.from({ length: 200 }, (_, i) => ({
        orgId: org.orgId,
        workstreamId: ws!.id,
        queueId: org.queueId('Support'),
        channel: 'webchat' as const,
        state: 'open' as const,
        customerName: `Customer ${i}`,
        capacityUnits: 1,
        waitingSince: new Date(now + i),
        routingAge: new Date(now + i),
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })),
    );
    // Each node dispatches every organisation with open work as it starts: both at once.
    // Nodes on one database share one SECRET_KEY: each one's key file would seal secrets the other cannot open.
    const env = { SEED_DEMO: 'false', DATABASE_URL: process.env.DATABASE_URL!, SECRET_KEY: TEST_SECRET_KEY };
    for (let i = 0; i < 2; i++) nodes.push(new ServerProcess(await freePort(), env));
    await Promise.all(nodes.map((n) => n.start()));

    const count = async () => {
      const [row] = await db!.db
        .select({ n: sql<number>`count(*)::int` })
        .from(conversations)
        .where(and(eq(conversations.orgId, org.orgId), eq(conversations.state, 'active')));
      return row!.n;
    };
    await eventually(async () => (await count()) === 12, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await count()).toBe(12);
    const load = await db.db.select({ used: users.usedCapacity }).from(users).where(eq(users.orgId, org.orgId));
    expect(load.map((l) => l.used)).toEqual([3, 3, 3, 3]);
    const perItem = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(offers)
      .where(eq(offers.orgId, org.orgId))
      .groupBy(offers.conversationId);
    expect(perItem).toHaveLength(12);
    expect(perItem.every((r) => r.n === 1)).toBe(true);
    const [open] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.orgId, org.orgId), eq(conversations.state, 'open')));
    expect(open!.n).toBe(188);
  });
});
