import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ConversationList } from '@switchboard/protocol';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../src/store/db.js';
import { workstreams } from '../src/store/schema.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

let db: Database;
let server: TestServer;
let org: BuiltOrg;
let ann: { api: ApiClient; token: string };
let sue: { api: ApiClient; token: string };

const CLOSED = 230;
const OPEN = 215;

/**
 * Rows straight in with SQL (far faster than chat starts). Three rows share each created_at and
 * neighbours are a microsecond apart: a cursor that lost the microseconds or the id would repeat
 * or skip rows.
 */
async function insertConversations(
  n: number,
  values: { state: string; agent: string | null; acceptedAt?: boolean; pickKeys?: boolean },
) {
  const [ws] = await db.db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.orgId, org.orgId));
  const agent = values.agent ? sql`${values.agent}::uuid` : sql`null`;
  // Pick keys repeat too: the order is (queue priority, priority, routing age, id).
  const priority = values.pickKeys ? sql`(g % 3) * 10` : sql`100`;
  const age = values.pickKeys
    ? sql`'2026-03-01T00:00:00Z'::timestamptz + ((g / 4) * interval '1 microsecond')`
    : sql`now()`;
  await db.db.execute(sql`
    insert into conversations (org_id, workstream_id, queue_id, channel, state, agent_id, customer_name, capacity_units,
      priority, routing_age, waiting_since, created_at, accepted_at, updated_at)
    select ${org.orgId}::uuid, ${ws!.id}::uuid, ${org.queueId('Support')}::uuid, 'webchat', ${values.state}, ${agent},
      'Customer ' || g, 1, ${priority}, ${age}, now(),
      '2026-03-01T00:00:00Z'::timestamptz + ((g / 3) * interval '1 microsecond'),
      ${values.acceptedAt ? sql`now()` : sql`null`}, now()
    from generate_series(1, ${n}::int) g`);
}

async function signIn(key: string) {
  const { token } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  return { api: server.api(token), token };
}

/** Follows nextCursor to the end; every page must report the same total. */
async function everyPage(fetchPage: (cursor?: string) => Promise<ConversationList>) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    ids.push(...page.conversations.map((c) => c.id));
    totals.add(page.total);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { ids, totals: [...totals], pages };
}

async function get(path: string, token: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { statusCode: number; error: string; message: string } };
}

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
    ],
    workstream: { distribution: 'pick' },
  });
  ann = await signIn('ann');
  sue = await signIn('sue');
  await insertConversations(CLOSED, { state: 'closed', agent: org.user('ann').id });
  await insertConversations(5, { state: 'active', agent: org.user('ann').id, acceptedAt: true });
  // Assigned but not accepted yet: offers, not ongoing work, and not counted as such.
  await insertConversations(2, { state: 'active', agent: org.user('ann').id });
  await insertConversations(OPEN, { state: 'open', agent: null, pickKeys: true });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('staff lists page with a cursor and say their total', () => {
  it('reaches every closed conversation exactly once, newest first, whatever the page size', async () => {
    for (const limit of [200, 7]) {
      const { ids, totals, pages } = await everyPage((cursor) =>
        ann.api.call('listConversations', { query: { scope: 'closed', limit, cursor } }),
      );
      expect(ids).toHaveLength(CLOSED);
      expect(new Set(ids).size).toBe(CLOSED);
      expect(totals).toEqual([CLOSED]);
      expect(pages).toBe(Math.ceil(CLOSED / limit));
    }
    const first = await ann.api.call('listConversations', { query: { scope: 'closed' } });
    expect(first.conversations).toHaveLength(50); // the default page
    const created = first.conversations.map((c) => c.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('counts only accepted work as ongoing, and supervisors page through everything open or ongoing', async () => {
    const ongoing = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(ongoing.total).toBe(5);
    expect(ongoing.conversations).toHaveLength(5);
    expect(ongoing.nextCursor).toBeNull();

    const all = await everyPage((cursor) =>
      sue.api.call('listConversations', { query: { scope: 'all', limit: 60, cursor } }),
    );
    expect(all.totals).toEqual([OPEN + 7]);
    expect(new Set(all.ids).size).toBe(OPEN + 7);
  });

  it('pages the pick list in pick order, every item exactly once', async () => {
    const { ids, totals } = await everyPage((cursor) => ann.api.call('listPickable', { query: { limit: 50, cursor } }));
    expect(ids).toHaveLength(OPEN);
    expect(new Set(ids).size).toBe(OPEN);
    expect(totals).toEqual([OPEN]);
    // The order is the pick order: by priority (lower first), then routing age, then id.
    const rows = await db.db.execute(sql`
      select id from conversations where org_id = ${org.orgId}::uuid and state = 'open'
      order by queue_priority, priority, routing_age, id`);
    expect(ids).toEqual(rowsOf<{ id: string }>(rows).map((r) => r.id));
  });

  it('refuses a bad cursor or limit with a clear 400, for both lists', async () => {
    const pickCursor = (await ann.api.call('listPickable', { query: { limit: 1 } })).nextCursor!;
    const cases = [
      ['/api/conversations?scope=closed&cursor=not-a-cursor', /cursor is not valid/],
      [`/api/conversations?scope=closed&cursor=${pickCursor}`, /cursor is not valid/],
      ['/api/pick?cursor=%7B%7D', /cursor is not valid/],
      [`/api/pick?cursor=${Buffer.from('["pick",1,1,"x","y"]').toString('base64url')}`, /cursor is not valid/],
      [
        `/api/conversations?cursor=${Buffer.from(`["conversations","2026-02-30T00:00:00.000000Z","${org.user('ann').id}"]`).toString('base64url')}`,
        /cursor is not valid/,
      ],
      ['/api/conversations?limit=0', /limit is at least 1/],
      ['/api/pick?limit=201', /limit is at most 200/],
      ['/api/conversations?limit=abc', /limit/],
    ] as const;
    for (const [path, message] of cases) {
      const res = await get(path, ann.token);
      expect(res.status, path).toBe(400);
      expect(res.body.message, path).toMatch(message);
    }
  });
});
