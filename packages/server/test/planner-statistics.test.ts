import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, refreshStatistics, rowsOf, type Db } from '../src/store/db.js';
import { buildOrg } from './support/org-builder.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';

// Without statistics the planner takes every table for tiny and reads a large backlog of waiting
// conversations end to end where it should look one up by key (see bench/routing.ts).
const estimatedRows = async (db: Db, table: string) =>
  Number(rowsOf<{ n: number }>(await db.execute(sql`select reltuples::float8 as n from pg_class where relname = ${table}`))[0]!.n);

describe('planner statistics', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('are refreshed on demand, so the planner knows how many conversations wait', async () => {
    const database = await openTestDatabase();
    try {
      const { db } = database;
      const org = await buildOrg(db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
      const [ws] = rowsOf<{ id: string }>(await db.execute(sql`select id from workstreams where org_id = ${org.orgId}::uuid`));
      await db.execute(sql`insert into conversations (org_id, workstream_id, queue_id, channel, state, customer_name, capacity_units, queue_priority, waiting_since, routing_age, created_at, updated_at)
        select ${org.orgId}::uuid, ${ws!.id}::uuid, ${org.queueId('Support')}::uuid, 'webchat', 'open', 'Customer ' || g, 1, 0, now(), now(), now(), now() from generate_series(1, 3000) g`);
      await refreshStatistics(db);
      expect(await estimatedRows(db, 'conversations')).toBeGreaterThanOrEqual(3000);
    } finally {
      await database.close();
    }
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))('are gathered when the embedded database starts serving (it has no autovacuum)', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    // A table never analysed estimates -1 rows.
    expect(await estimatedRows(database.db, 'organizations')).toBe(-1);
    servers.push(await startServer({ database }));
    expect(await estimatedRows(database.db, 'organizations')).toBeGreaterThanOrEqual(0);
  });
});
