import type { Channel } from '@switchboard/protocol';
import type { ReportQuery } from './dimensions.js';
import { KPIS } from './kpis.js';
import { addMeasures, emptyMeasures, type Measures, type Rollup } from './rollup.js';

/**
 * A report's rows from hourly rollups (SV9): the cells inside the query's range and filters,
 * added up per time bucket and asked dimensions, then each asked KPI read from the sums. Adding
 * before dividing is what keeps a day's ASA the wait of the day's answers, not a mean of means.
 */

export type ReportRow = {
  /** The hour's start (UTC, ISO), the local date (YYYY-MM-DD in the query's zone), or null for total. */
  bucket: string | null;
  queueId?: string | null;
  channel?: Channel;
  agentId?: string | null;
  values: Record<string, number | null>;
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The local date an hour starts on; en-CA writes dates as YYYY-MM-DD. */
function localDay(hour: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(hour));
}

function bucketOf(hour: string, q: ReportQuery): string | null {
  if (q.bucket === 'hour') return hour;
  if (q.bucket === 'day') return localDay(hour, q.timeZone);
  return null;
}

function kept(r: Rollup, q: ReportQuery): boolean {
  const at = Date.parse(r.key.hour);
  if (at < q.from.getTime() || at >= q.to.getTime()) return false;
  const { queueIds, channels, agentIds } = q.filters;
  if (queueIds && (r.key.queueId === null || !queueIds.includes(r.key.queueId))) return false;
  if (channels && !channels.includes(r.key.channel)) return false;
  if (agentIds && (r.key.agentId === null || !agentIds.includes(r.key.agentId))) return false;
  return true;
}

/** Rows ordered by bucket, then queue, channel and agent ids (none last); an empty range gives none. */
export function reportRows(rollups: readonly Rollup[], q: ReportQuery): ReportRow[] {
  const groups = new Map<string, { row: Omit<ReportRow, 'values'>; sum: Measures }>();
  for (const r of rollups) {
    if (!kept(r, q)) continue;
    const row: Omit<ReportRow, 'values'> = { bucket: bucketOf(r.key.hour, q) };
    for (const d of q.dimensions) {
      if (d === 'queue') row.queueId = r.key.queueId;
      if (d === 'channel') row.channel = r.key.channel;
      if (d === 'agent') row.agentId = r.key.agentId;
    }
    // A dimension not asked is undefined in every row, so it never splits a group.
    const key = JSON.stringify([row.bucket, row.queueId, row.channel, row.agentId]);
    const group = groups.get(key);
    groups.set(key, { row, sum: addMeasures(group?.sum ?? emptyMeasures(), r.measures) });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { row, sum }]) => ({
      ...row,
      values: Object.fromEntries(q.measures.map((name) => [name, KPIS[name]!.of(sum)])),
    }));
}
