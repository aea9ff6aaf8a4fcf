import { and, asc, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  OngoingState,
  SentimentLevel,
  type OngoingRow,
  type OngoingSort,
  type SortDirection,
} from '@switchboard/protocol';
import type { OngoingKey } from '../domain/paging/ongoing-cursor.js';
import type { OngoingFilter, OngoingKeys } from '../domain/supervision/ongoing-feed.js';
import type { Db } from './db.js';
import { conversations as c, queues, users } from './schema.js';

/** The ongoing list (SV1): the supervisor's desk, a page at a time in any of its sorts, and its live feed's reads. */

const IN_PROGRESS = OngoingState.options;
/** Read ids in chunks: a routing block can change hundreds of conversations at once. */
const CHUNK = 500;

/** A timestamp as UTC text with microseconds: what a cursor carries, so no row is lost to rounding. */
const micros = (column: AnyColumn) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** A value's place in a list of values (a state, a sentiment level); null for none of them. */
const rankIn = (column: AnyColumn, values: readonly string[]) =>
  sql<number | null>`(case ${column} ${sql.join(
    values.map((v, i) => sql`when ${v} then ${sql.raw(String(i))}`),
    sql` `,
  )} end)::int`;

type KeySpec = {
  /** What the rows are ordered by (nulls after every value, in either direction). */
  expr: SQL;
  /** What the cursor keeps of the last row. */
  read: SQL<OngoingKey>;
  /** The cursor's value back in SQL, comparable with `expr`. */
  bind(v: string | number): SQL;
  /** Ordered the other way round: the handle time grows as the acceptance goes back. */
  flip?: boolean;
};

const asTime = (v: string | number) => sql`${v}::timestamptz`;
const asInt = (v: string | number) => sql`${v}::int`;

function keyOf(sort: OngoingSort, orgId: string, asOf: Date | null): KeySpec {
  switch (sort) {
    case 'newest':
      return { expr: sql`${c.createdAt}`, read: micros(c.createdAt), bind: asTime };
    case 'handle':
      return { expr: sql`${c.acceptedAt}`, read: micros(c.acceptedAt), bind: asTime, flip: true };
    case 'wait': {
      // rowTimes (the desk's clock): from entering the queue to the acceptance, or to `asOf` while nobody has.
      const until = sql`coalesce(case when ${c.acceptedAt} >= ${c.waitingSince} then ${c.acceptedAt} end,
        ${(asOf ?? new Date()).toISOString()}::timestamptz)`;
      const waited = sql<number>`(extract(epoch from (${until} - ${c.waitingSince})) * 1000000)::float8`;
      return { expr: waited, read: waited, bind: (v) => sql`${v}::float8` };
    }
    case 'state': {
      const rank = rankIn(c.state, OngoingState.options);
      return { expr: rank, read: rank, bind: asInt };
    }
    case 'sentiment': {
      const rank = rankIn(c.sentimentLevel, SentimentLevel.options);
      return { expr: rank, read: rank, bind: asInt };
    }
    case 'channel':
      return { expr: sql`${c.channel}`, read: sql<string>`${c.channel}`, bind: (v) => sql`${v}::text` };
    // By name; the cursor keeps the id and the name is read again, only from the caller's organisation.
    case 'queue':
      return {
        expr: sql`${queues.name}`,
        read: sql<string | null>`${c.queueId}`,
        bind: (v) => sql`(select name from queues where id = ${v}::uuid and org_id = ${orgId}::uuid)`,
      };
    case 'agent':
      return {
        expr: sql`${users.name}`,
        read: sql<string | null>`${c.agentId}`,
        bind: (v) => sql`(select name from users where id = ${v}::uuid and org_id = ${orgId}::uuid)`,
      };
  }
}

/**
 * Rows after the cursor's row in (nulls last, value, id) order. The id goes the asked direction and the
 * value its own (the other way when flipped), so the comparison is spelled out, not a row comparison.
 */
function afterKey(key: KeySpec, dirs: Dirs, cursor: { value: OngoingKey; id: string }): SQL {
  const beyond = (dir: SortDirection) => (dir === 'asc' ? sql`>` : sql`<`);
  const idAfter = sql`${c.id} ${beyond(dirs.id)} ${cursor.id}::uuid`;
  if (cursor.value === null) return sql`(${key.expr} is null and ${idAfter})`;
  const v = key.bind(cursor.value);
  return sql`(${key.expr} is null or ${key.expr} ${beyond(dirs.value)} ${v} or (${key.expr} = ${v} and ${idAfter}))`;
}
type Dirs = { value: SortDirection; id: SortDirection };

function ongoingWhere(orgId: string, f: OngoingFilter): SQL {
  return and(
    eq(c.orgId, orgId),
    inArray(c.state, f.state ? [f.state] : [...IN_PROGRESS]),
    f.queueId ? eq(c.queueId, f.queueId) : undefined,
    f.channel ? eq(c.channel, f.channel) : undefined,
    f.agentId ? eq(c.agentId, f.agentId) : undefined,
  )!;
}

const columns = {
  id: c.id,
  channel: c.channel,
  channelId: c.channelId,
  customerAddress: c.customerAddress,
  state: c.state,
  queueId: c.queueId,
  queueName: queues.name,
  agentId: c.agentId,
  agentName: users.name,
  customerName: c.customerName,
  customerEmail: c.customerEmail,
  firstMessage: c.firstMessage,
  createdAt: c.createdAt,
  acceptedAt: c.acceptedAt,
  endedAt: c.endedAt,
  closedAt: c.closedAt,
  lastSeq: c.lastSeq,
  callbackId: c.callbackId,
  waitingSince: c.waitingSince,
  sentimentLevel: c.sentimentLevel,
};

// Names are joined only from the conversation's own organisation (X3): a stray link shows no name.
const joined = (db: Db, key: SQL<OngoingKey>) =>
  db
    .select({ ...columns, key })
    .from(c)
    .leftJoin(queues, and(eq(queues.id, c.queueId), eq(queues.orgId, c.orgId)))
    .leftJoin(users, and(eq(users.id, c.agentId), eq(users.orgId, c.orgId)));
type Selected = Awaited<ReturnType<typeof joined>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A row as the desk shows it (`OngoingRow`). */
function toRow(r: Selected): OngoingRow {
  return {
    id: r.id,
    channel: r.channel,
    channelId: r.channelId,
    customerAddress: r.customerAddress,
    state: r.state,
    queueId: r.queueId,
    queueName: r.queueName,
    agentId: r.agentId,
    agentName: r.agentName,
    customerName: r.customerName,
    customerEmail: r.customerEmail,
    firstMessage: r.firstMessage,
    createdAt: r.createdAt.toISOString(),
    acceptedAt: iso(r.acceptedAt),
    endedAt: iso(r.endedAt),
    closedAt: iso(r.closedAt),
    lastSeq: r.lastSeq,
    callbackId: r.callbackId,
    waitingSince: r.waitingSince.toISOString(),
    sentiment: r.sentimentLevel,
  };
}

export type OngoingOrder = { sort: OngoingSort; direction: SortDirection; asOf: Date | null };
export type OngoingPage = { rows: { row: OngoingRow; key: OngoingKey }[]; total: number; more: boolean };

/** A page of the conversations in progress, in `order`, after the cursor's row; ties by id, the same way. */
export async function pageOngoing(
  db: Db,
  orgId: string,
  filter: OngoingFilter,
  order: OngoingOrder,
  cursor: { value: OngoingKey; id: string } | null,
  limit: number,
): Promise<OngoingPage> {
  const key = keyOf(order.sort, orgId, order.asOf);
  const flipped = order.direction === 'asc' ? 'desc' : 'asc';
  const dirs: Dirs = { value: key.flip ? flipped : order.direction, id: order.direction };
  const by = (dir: SortDirection) => (dir === 'asc' ? asc : desc);
  const where = ongoingWhere(orgId, filter);
  const [rows, [counted]] = await Promise.all([
    joined(db, key.read)
      .where(and(where, cursor ? afterKey(key, dirs, cursor) : undefined))
      .orderBy(sql`${key.expr} is null`, by(dirs.value)(key.expr), by(dirs.id)(c.id))
      .limit(limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(c)
      .where(where),
  ]);
  return {
    rows: rows.slice(0, limit).map((r) => ({ row: toRow(r), key: r.key })),
    total: Number(counted?.n ?? 0),
    more: rows.length > limit,
  };
}

/** These conversations' rows, those still in progress; one read for a whole batch of changes. */
export async function ongoingRowsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<OngoingRow[]> {
  const out: OngoingRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await joined(db, sql<null>`null`).where(and(ongoingWhere(orgId, {}), inArray(c.id, [...chunk])));
    out.push(...rows.map(toRow));
  }
  return out;
}

/** What decides the list each conversation in progress is in, for the whole organisation (a feed's start). */
export async function ongoingKeys(db: Db, orgId: string): Promise<(OngoingKeys & { id: string })[]> {
  const rows = await db
    .select({ id: c.id, state: c.state, queueId: c.queueId, channel: c.channel, agentId: c.agentId })
    .from(c)
    .where(ongoingWhere(orgId, {}));
  return rows;
}
