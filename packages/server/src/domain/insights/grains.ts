import type { Channel } from '@switchboard/protocol';
import { addInto } from './measure-fields.js';
import { emptyMeasures, type Measures, type Rollup } from './rollup.js';

/**
 * The rollups' grains (SV9). The fold writes hourly cells and, from the same sums, day and month
 * cells in the organisation's reporting time zone, each for every agent and for all agents at
 * once. A report then reads the fewest cells that cover its range (plan below): whole months,
 * whole days, and hours only at the edges, so a year is about a dozen rows per queue and channel.
 */
export type Grain = 'hour' | 'day' | 'month';
/** The agent key of a cell that holds every agent's sums (and the no-agent ones) together. */
export const ALL_AGENTS = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export type GrainCell = {
  grain: Grain;
  /** The period's start (UTC ISO): the hour, or the local midnight the day or month begins at. */
  period: string;
  queueId: string | null;
  channel: Channel;
  agentId: string | null;
  measures: Measures;
};

const HOUR_MS = 3_600_000;
const parts = new Map<string, Intl.DateTimeFormat>();
function localParts(at: Date, zone: string) {
  let f = parts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    });
    parts.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! };
}

/**
 * The UTC hour a period of `grain` holding the hour `at` begins at, in `zone`. A first guess from
 * the local clock, then hour steps to the period's first hour: right across daylight saving changes,
 * and for zones whose offset is not whole hours (their periods start at the first whole UTC hour).
 */
export function periodStart(at: Date, grain: Grain, zone: string): Date {
  const t = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  if (grain === 'hour') return new Date(t);
  const here = localParts(new Date(t), zone);
  const inPeriod = (ms: number) => {
    const p = localParts(new Date(ms), zone);
    return p.year === here.year && p.month === here.month && (grain === 'month' || p.day === here.day);
  };
  let start = t - (here.hour + (grain === 'month' ? (here.day - 1) * 24 : 0)) * HOUR_MS;
  while (!inPeriod(start)) start += HOUR_MS;
  while (inPeriod(start - HOUR_MS)) start -= HOUR_MS;
  return new Date(start);
}

/** The start of the next period after the one starting at `start`. */
export function nextPeriod(start: Date, grain: Grain, zone: string): Date {
  if (grain === 'hour') return new Date(start.getTime() + HOUR_MS);
  // Past the longest day (25 h) or month (31 days + 1 h), then back to where that period began.
  const ahead = grain === 'day' ? 26 * HOUR_MS : 32 * 24 * HOUR_MS;
  return periodStart(new Date(start.getTime() + ahead), grain, zone);
}

const keyOf = (c: Omit<GrainCell, 'measures'>) => `${c.grain} ${c.period} ${c.queueId} ${c.channel} ${c.agentId}`;

/** Hourly rollups as the cells of every grain, each per agent and for all agents, summed by key. */
export function cellsOfAllGrains(hourly: readonly Rollup[], zone: string): GrainCell[] {
  const cells = new Map<string, GrainCell>();
  const starts = new Map<string, { day: string; month: string }>();
  for (const r of hourly) {
    let s = starts.get(r.key.hour);
    if (!s) {
      const at = new Date(r.key.hour);
      s = { day: periodStart(at, 'day', zone).toISOString(), month: periodStart(at, 'month', zone).toISOString() };
      starts.set(r.key.hour, s);
    }
    const periods: [Grain, string][] = [
      ['hour', r.key.hour],
      ['day', s.day],
      ['month', s.month],
    ];
    for (const [grain, period] of periods)
      for (const agentId of [r.key.agentId, ALL_AGENTS]) {
        const key = { grain, period, queueId: r.key.queueId, channel: r.key.channel, agentId };
        const k = keyOf(key);
        const held = cells.get(k);
        if (held) addInto(held.measures, r.measures);
        else cells.set(k, { ...key, measures: addInto(emptyMeasures(), r.measures) });
      }
  }
  return [...cells.values()];
}

export type Segment = { grain: Grain; from: Date; to: Date };

/**
 * The fewest cells' periods covering [from, to), both whole UTC hours: months where a whole local
 * month fits (when `months`), whole local days, and hours at the edges; neighbours of one grain merged.
 */
export function planSegments(from: Date, to: Date, zone: string, opts: { months: boolean }): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  while (at < to) {
    let grain: Grain = 'hour';
    let end = nextPeriod(at, 'hour', zone);
    for (const g of opts.months ? (['month', 'day'] as const) : (['day'] as const)) {
      const next = nextPeriod(at, g, zone);
      if (periodStart(at, g, zone).getTime() === at.getTime() && next <= to) {
        grain = g;
        end = next;
        break;
      }
    }
    const last = segments[segments.length - 1];
    if (last && last.grain === grain && last.to.getTime() === at.getTime()) last.to = end;
    else segments.push({ grain, from: at, to: end });
    at = end;
  }
  return segments;
}

/**
 * Which cells a report reads. Hours by the hour; days by the day when asked in the reporting zone
 * (in another zone its days are made of hours); a total from months, days and edge hours.
 */
export function planReport(
  q: { from: Date; to: Date; bucket: 'hour' | 'day' | 'total'; timeZone: string },
  reportingZone: string,
): Segment[] {
  if (q.bucket === 'hour' || (q.bucket === 'day' && q.timeZone !== reportingZone))
    return q.from < q.to ? [{ grain: 'hour', from: q.from, to: q.to }] : [];
  return planSegments(q.from, q.to, reportingZone, { months: q.bucket === 'total' });
}
