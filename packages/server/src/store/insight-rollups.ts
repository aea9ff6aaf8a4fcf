import { sql, type SQL } from 'drizzle-orm';
import type { Channel } from '@switchboard/protocol';
import type { Dimension } from '../domain/insights/dimensions.js';
import { ALL_AGENTS, type GrainCell, type Segment } from '../domain/insights/grains.js';
import { flattenMeasures, MEASURE_FIELDS, measuresFromColumns } from '../domain/insights/measure-fields.js';
import type { Measures } from '../domain/insights/rollup.js';
import { rowsOf, type Db } from './db.js';

/** "No queue" and "no agent" in a cell's key, so the key is unique without nulls. */
export const NONE = '00000000-0000-0000-0000-000000000000';
const keyId = (id: string | null) => id ?? NONE;
const fromKey = (id: string) => (id === NONE ? null : id);

const COLUMNS = MEASURE_FIELDS.map((f) => f.column);
const ident = (name: string) => sql.raw(`"${name}"`);
const list = (items: SQL[]) => sql.join(items, sql`, `);

type Table = { name: 'insight_rollups' | 'insight_queue_rollups'; key: string[] };
const BY_AGENT: Table = { name: 'insight_rollups', key: ['grain', 'period', 'queue_id', 'channel', 'agent_id'] };
const ALL: Table = { name: 'insight_queue_rollups', key: ['grain', 'period', 'queue_id', 'channel'] };

/**
 * Adds cells to the rollups, one statement per 1,000: a new cell is inserted, a held one gets the
 * sums added (a negative cell takes a re-folded conversation's old facts away). All-agents cells go
 * to their own table. Cells go in key order, so two projectors adding overlapping cells lock them
 * in the same order and never deadlock.
 */
export async function addToRollups(tx: Db, orgId: string, cells: readonly GrainCell[]): Promise<void> {
  const all = cells.filter((c) => c.agentId === ALL_AGENTS);
  await upsertCells(
    tx,
    orgId,
    BY_AGENT,
    cells.filter((c) => c.agentId !== ALL_AGENTS),
  );
  await upsertCells(tx, orgId, ALL, all);
}

async function upsertCells(tx: Db, orgId: string, table: Table, cells: readonly GrainCell[]) {
  const rows = cells
    .map((c) => ({
      grain: c.grain,
      period: c.period,
      queue_id: keyId(c.queueId),
      channel: c.channel,
      agent_id: keyId(c.agentId),
      ...flattenMeasures(c.measures),
    }))
    .map((r) => ({ r, k: table.key.map((k) => r[k as keyof typeof r]).join(' ') }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ r }) => r);
  const types: Record<string, string> = { grain: 'text', period: 'timestamptz', channel: 'text' };
  const shape = list([
    ...table.key.map((k) => sql`${ident(k)} ${sql.raw(types[k] ?? 'uuid')}`),
    ...COLUMNS.map((c) => sql`${ident(c)} bigint`),
  ]);
  const columns = list([...table.key, ...COLUMNS].map(ident));
  const name = sql.raw(table.name);
  const sums = list(COLUMNS.map((c) => sql`${ident(c)} = ${name}.${ident(c)} + excluded.${ident(c)}`));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.execute(sql`
      insert into ${name} (org_id, ${columns})
      select ${orgId}::uuid, ${columns} from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb)
        as i(${shape})
      on conflict (org_id, ${list(table.key.map(ident))}) do update set ${sums}`);
  }
}

/**
 * A day's or month's first whole UTC hour, as domain/insights/grains.ts has it: local midnight,
 * or the next whole hour in a zone whose offset is not whole hours.
 */
const periodOf = (grain: 'day' | 'month', zone: string) =>
  sql`date_trunc('hour', (date_trunc(${grain}, period at time zone ${zone}) at time zone ${zone})
    + interval '1 hour' - interval '1 microsecond')`;

/**
 * The day and month cells again from the hourly ones, for a new reporting time zone: what the
 * fold would have written had the zone always been this one. In the caller's transaction.
 */
export async function rebuildCoarseCells(tx: Db, orgId: string, zone: string): Promise<void> {
  const sums = list(COLUMNS.map((c) => sql`sum(${ident(c)})`));
  const columns = list(COLUMNS.map(ident));
  for (const table of [BY_AGENT, ALL]) {
    const name = sql.raw(table.name);
    const rest = table.key.slice(2);
    const groupBy = list(table.key.map((_, i) => sql.raw(String(i + 2))).concat(sql.raw('1')));
    await tx.execute(sql`delete from ${name} where org_id = ${orgId}::uuid and grain in ('day', 'month')`);
    for (const grain of ['day', 'month'] as const)
      await tx.execute(sql`
        insert into ${name} (org_id, grain, period, ${list(rest.map(ident))}, ${columns})
        select org_id, ${grain}, ${periodOf(grain, zone)}, ${list(rest.map(ident))}, ${sums}
        from ${name} where org_id = ${orgId}::uuid and grain = 'hour'
        group by ${groupBy}`);
  }
}

export type RollupSumQuery = {
  segments: readonly Segment[];
  /** How each group's time bucket is named: the UTC hour, the local day, or nothing (one total). */
  bucket: 'hour' | 'day' | 'total';
  timeZone: string;
  dimensions: readonly Dimension[];
  filters: { queueIds: string[] | null; channels: Channel[] | null; agentIds: string[] | null };
  /** Only these measure columns are added up (the rest read as 0); all when left out. */
  columns?: readonly string[];
};

export type RollupSum = {
  bucket: string | null;
  queueId?: string | null;
  channel?: Channel;
  agentId?: string | null;
  measures: Measures;
};

const anyOf = (column: string, values: readonly string[], cast: string): SQL =>
  sql`${ident(column)} in (${list(values.map((v) => sql`${v}::${sql.raw(cast)}`))})`;

/**
 * The cells of the query's segments and filters, added up in the database per time bucket and
 * asked dimension: only the groups' sums come back. A report not split or filtered by agent reads
 * the all-agents cells, a few rows per period.
 */
export async function sumRollups(db: Db, orgId: string, q: RollupSumQuery): Promise<RollupSum[]> {
  if (q.segments.length === 0) return [];
  const bucket =
    q.bucket === 'hour'
      ? sql`to_char(period at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00.000"Z"')`
      : q.bucket === 'day'
        ? sql`to_char(period at time zone ${q.timeZone}, 'YYYY-MM-DD')`
        : sql`null::text`;
  const dims = q.dimensions.map((d) => (d === 'queue' ? 'queue_id' : d === 'channel' ? 'channel' : 'agent_id'));
  const byAgent = dims.includes('agent_id') || q.filters.agentIds !== null;
  const table = sql.raw(byAgent ? BY_AGENT.name : ALL.name);
  const ranges = q.segments.map(
    (s) =>
      sql`(grain = ${s.grain} and period >= ${s.from.toISOString()}::timestamptz
        and period < ${s.to.toISOString()}::timestamptz)`,
  );
  const where = [sql`org_id = ${orgId}::uuid`, sql`(${sql.join(ranges, sql` or `)})`];
  if (q.filters.queueIds) where.push(anyOf('queue_id', q.filters.queueIds, 'uuid'));
  if (q.filters.channels) where.push(anyOf('channel', q.filters.channels, 'text'));
  if (q.filters.agentIds) where.push(anyOf('agent_id', q.filters.agentIds, 'uuid'));
  const groupBy = list([sql.raw('1'), ...dims.map((_, i) => sql.raw(String(i + 2)))]);
  const wanted = q.columns?.filter((c) => COLUMNS.includes(c)) ?? COLUMNS;
  const summed = wanted.length > 0 ? wanted : ['conversations_in'];
  const result = await db.execute(sql`
    select ${bucket} as bucket${sql.join(
      dims.map((d) => sql`, ${ident(d)}`),
      sql``,
    )}, ${list(summed.map((c) => sql`sum(${ident(c)})::float8 as ${ident(c)}`))}
    from ${table} where ${sql.join(where, sql` and `)}
    group by ${groupBy} order by ${groupBy}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => {
    const sum: RollupSum = { bucket: (r.bucket as string | null) ?? null, measures: measuresFromColumns(r) };
    if (dims.includes('queue_id')) sum.queueId = fromKey(r.queue_id as string);
    if (dims.includes('channel')) sum.channel = r.channel as Channel;
    if (dims.includes('agent_id')) sum.agentId = fromKey(r.agent_id as string);
    return sum;
  });
}

/** The organisation's reporting time zone; `forShare` holds a zone change back until the caller commits. */
export async function reportingZone(db: Db, orgId: string, opts: { forShare?: boolean } = {}): Promise<string> {
  const lock = opts.forShare ? sql` for share` : sql``;
  const [row] = rowsOf<{ zone: string }>(
    await db.execute(sql`select reporting_time_zone as zone from org_settings where org_id = ${orgId}::uuid${lock}`),
  );
  return row?.zone ?? 'UTC';
}

/** A new reporting zone and the day and month cells rebuilt for it, in the caller's transaction. */
export async function saveReportingZone(tx: Db, orgId: string, zone: string): Promise<void> {
  await tx.execute(sql`insert into org_settings (org_id, reporting_time_zone) values (${orgId}::uuid, ${zone})
    on conflict (org_id) do update set reporting_time_zone = excluded.reporting_time_zone`);
  await rebuildCoarseCells(tx, orgId, zone);
}
