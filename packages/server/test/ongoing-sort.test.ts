import { describe, expect, it } from 'vitest';
import {
  ONGOING_SORTS,
  OngoingState,
  SentimentLevel,
  type OngoingSort,
  type SentimentLevel as Level,
  type SortDirection,
} from '@switchboard/protocol';
import { conversations } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, type BuiltOrg } from './support/org-builder.js';

// The ongoing list's sorts (SV1), on the server: each orders every row as the desk's columns do
// (rows without a value last), ties by id, and pages with its cursor with no row twice or missing.
const t = serverForFile();
const { signIn } = handoffFixture(t);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
type Seeded = {
  id: string;
  state: OngoingState;
  queue: string | null;
  agent: string | null;
  channel: 'webchat' | 'sms' | 'custom';
  sentiment: Level | null;
  createdAt: number;
  waitingSince: number;
  acceptedAt: number | null;
};

/**
 * Rows with ties in every key. A wait still running is over a day and a finished one under an hour,
 * so the order of waits does not depend on the instant the server measures them at.
 */
async function seed(org: BuiltOrg, names: Record<string, string>, count: number, now: number): Promise<Seeded[]> {
  const queues = ['Alpha', 'Bravo', 'Charlie', null];
  const agents = ['ann', 'ben', 'cy', null];
  const channels = ['webchat', 'sms', 'custom'] as const;
  const rows = Array.from({ length: count }, (_, i) => {
    const state = OngoingState.options[i % 4]!;
    const accepted = state !== 'open';
    const acceptedAt = accepted ? now - (i % 5) * MINUTE - DAY * (i % 6 === 5 ? 2 : 0) : null;
    // One in six was accepted, then queued again: its wait runs from the later queueing.
    const waitingSince =
      acceptedAt === null || i % 6 === 5 ? now - DAY - (i % 3) * MINUTE : acceptedAt - (i % 4) * MINUTE;
    return {
      state,
      queue: queues[i % 4]!,
      agent: accepted ? agents[i % 4]! : null,
      channel: channels[i % 3]!,
      sentiment: i % 8 === 7 ? null : SentimentLevel.options[i % 7]!,
      createdAt: now - (i % 7) * MINUTE,
      waitingSince,
      acceptedAt,
    };
  });
  const inserted = await t.db.db
    .insert(conversations)
    .values(
      rows.map((r, i) => ({
        orgId: org.orgId,
        workstreamId: org.workstreamId,
        queueId: r.queue && org.queueId(r.queue),
        agentId: r.agent && org.user(r.agent).id,
        channel: r.channel,
        state: r.state,
        customerName: `Customer ${i}`,
        capacityUnits: 1,
        sentimentLevel: r.sentiment,
        createdAt: new Date(r.createdAt),
        waitingSince: new Date(r.waitingSince),
        routingAge: new Date(r.waitingSince),
        acceptedAt: r.acceptedAt === null ? null : new Date(r.acceptedAt),
        updatedAt: new Date(now),
      })),
    )
    .returning({ id: conversations.id });
  return rows.map((r, i) => ({
    ...r,
    id: inserted[i]!.id,
    queue: r.queue,
    agent: r.agent && names[r.agent]!,
  }));
}

/** A row's value under a sort, as the desk's column shows it; null: none (sorted last). */
function valueOf(r: Seeded, sort: OngoingSort, now: number): number | string | null {
  switch (sort) {
    case 'newest':
      return r.createdAt;
    case 'wait':
      return (r.acceptedAt !== null && r.acceptedAt >= r.waitingSince ? r.acceptedAt : now) - r.waitingSince;
    case 'handle':
      return r.acceptedAt === null ? null : now - r.acceptedAt;
    case 'state':
      return OngoingState.options.indexOf(r.state);
    case 'sentiment':
      return r.sentiment === null ? null : SentimentLevel.options.indexOf(r.sentiment);
    case 'queue':
      return r.queue;
    case 'agent':
      return r.agent;
    case 'channel':
      return r.channel;
  }
}

function expectedOrder(rows: Seeded[], sort: OngoingSort, direction: SortDirection, now: number): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort((x, y) => {
      const [a, b] = [valueOf(x, sort, now), valueOf(y, sort, now)];
      if (a === null || b === null) return a === b ? sign * cmp(x.id, y.id) : a === null ? 1 : -1;
      return sign * (cmp(a, b) || cmp(x.id, y.id));
    })
    .map((r) => r.id);
}

describe('the ongoing list sorted on the server (SV1)', () => {
  it('every sort, both ways, orders all rows and pages through them: none twice, none missing', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Alpha', 'Bravo', 'Charlie'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'ann', queues: [] },
        { key: 'ben', queues: [] },
        { key: 'cy', queues: [] },
      ],
    });
    const neighbour = await buildOrg(t.db.db, {
      queues: ['Alpha', 'Bravo', 'Charlie'],
      users: ['ann', 'ben', 'cy'].map((key) => ({ key, queues: [] })),
    });
    const now = Date.now();
    const names = { ann: org.user('ann').name, ben: org.user('ben').name, cy: org.user('cy').name };
    const rows = await seed(org, names, 29, now);
    await seed(neighbour, { ann: 'x', ben: 'y', cy: 'z' }, 5, now);
    await t.db.db.insert(conversations).values({
      orgId: org.orgId,
      workstreamId: org.workstreamId,
      channel: 'webchat',
      state: 'closed',
      customerName: 'Closed',
      capacityUnits: 1,
      createdAt: new Date(now),
      waitingSince: new Date(now),
      routingAge: new Date(now),
      updatedAt: new Date(now),
    });
    const sue = await signIn(org, 'sue');

    for (const sort of ONGOING_SORTS)
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = await sue.api.call('listOngoing', { query: { sort, direction, cursor, limit: 4 } });
          expect(page.total).toBe(rows.length);
          seen.push(...page.conversations.map((c) => c.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(seen, `${sort} ${direction}`).toEqual(expectedOrder(rows, sort, direction, now));
      }

    // Without a direction, each takes its natural one: the longest wait first, the unhappiest first.
    const natural = async (sort: OngoingSort) =>
      (await sue.api.call('listOngoing', { query: { sort, limit: 200 } })).conversations.map((c) => c.id);
    expect(await natural('wait')).toEqual(expectedOrder(rows, 'wait', 'desc', now));
    expect(await natural('sentiment')).toEqual(expectedOrder(rows, 'sentiment', 'asc', now));
    expect(await natural('newest')).toEqual(expectedOrder(rows, 'newest', 'desc', now));
  });

  it('a filter and a sort together page the filtered rows; a cursor of another sort is a 400', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Alpha', 'Bravo', 'Charlie'],
      users: [
        { key: 'sue', role: 'supervisor' },
        { key: 'ann', queues: [] },
        { key: 'ben', queues: [] },
        { key: 'cy', queues: [] },
      ],
    });
    const now = Date.now();
    const names = { ann: org.user('ann').name, ben: org.user('ben').name, cy: org.user('cy').name };
    const rows = await seed(org, names, 24, now);
    const sue = await signIn(org, 'sue');
    const mine = rows.filter((r) => r.queue === 'Bravo');
    const query = { queueId: org.queueId('Bravo'), sort: 'handle', direction: 'desc', limit: 2 } as const;
    const first = await sue.api.call('listOngoing', { query });
    const second = await sue.api.call('listOngoing', { query: { ...query, cursor: first.nextCursor! } });
    expect(first.total).toBe(mine.length);
    expect([...first.conversations, ...second.conversations].map((c) => c.id)).toEqual(
      expectedOrder(mine, 'handle', 'desc', now).slice(0, 4),
    );
    await expect(
      sue.api.call('listOngoing', { query: { ...query, sort: 'wait', cursor: first.nextCursor! } }),
    ).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('cursor is for another sort of the ongoing list') },
    });
  });
});
