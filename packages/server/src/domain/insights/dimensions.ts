import { Channel } from '@switchboard/protocol';
import { DomainError } from '../errors.js';
import { KPIS } from './kpis.js';

/**
 * What a report (SV9) may ask for, and the pure check of a report query. Refusals list every
 * problem with its limit, in words a 4xx carries as they are. The reference stops at 12 months;
 * here a daily report may span ten years, an hourly one a quarter (its points must fit a chart).
 */

/** The cuts a report groups by; the time bucket is always one more. */
export const DIMENSIONS = ['queue', 'channel', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** `hour` for intraday, `day` for history, `total` for one row per group over the whole range. */
export const BUCKETS = ['hour', 'day', 'total'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const MEASURES = Object.keys(KPIS);

export const REPORT_LIMITS = {
  /** The first instant a report may start at: before any Switchboard data. */
  earliest: '2000-01-01T00:00:00.000Z',
  maxHourlyDays: 92,
  maxDays: 3660,
  maxFilterValues: 100,
  maxTimeZoneLength: 64,
} as const;

export type ReportQueryInput = {
  from: string;
  to: string;
  bucket: string;
  dimensions: readonly string[];
  measures: readonly string[];
  /** IANA name, for where a day begins; default UTC. */
  timeZone?: string;
  filters?: { queueIds?: readonly string[]; channels?: readonly string[]; agentIds?: readonly string[] };
};

export type ReportQuery = {
  /** Inclusive start and exclusive end, on whole UTC hours (the rollups' grain). */
  from: Date;
  to: Date;
  bucket: Bucket;
  dimensions: Dimension[];
  measures: string[];
  timeZone: string;
  filters: { queueIds: string[] | null; channels: Channel[] | null; agentIds: string[] | null };
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A real UTC instant (2026-02-30 would roll over in Date.parse, so the parts are compared back). */
function instant(value: string): Date | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? '0')) as number[];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms));
  const same =
    at.getUTCFullYear() === y &&
    at.getUTCMonth() === mo! - 1 &&
    at.getUTCDate() === d &&
    at.getUTCHours() === h &&
    at.getUTCMinutes() === mi &&
    at.getUTCSeconds() === s;
  return same ? at : null;
}

function checkInstant(name: 'from' | 'to', value: string, problems: string[]): Date | null {
  const at = instant(value);
  if (!at) {
    problems.push(
      `${name} must be a UTC instant such as 2026-03-01T00:00:00Z (got ${JSON.stringify(value.slice(0, 40))})`,
    );
    return null;
  }
  if (at.getTime() % HOUR_MS !== 0) {
    problems.push(`${name} must fall on a whole hour, the reports' finest grain (got ${value})`);
    return null;
  }
  return at;
}

function checkRange(from: Date, to: Date, bucket: string, now: Date, problems: string[]) {
  const endOfHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  if (from.getTime() < Date.parse(REPORT_LIMITS.earliest))
    problems.push(`from must not be before ${REPORT_LIMITS.earliest}`);
  if (to.getTime() <= from.getTime()) problems.push('to must be later than from');
  if (to.getTime() > endOfHour)
    problems.push(`to must not be later than the end of the current hour (${new Date(endOfHour).toISOString()})`);
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  const max = bucket === 'hour' ? REPORT_LIMITS.maxHourlyDays : REPORT_LIMITS.maxDays;
  if (days > max) problems.push(`a report by ${bucket} spans at most ${max} days (asked ${+days.toFixed(2)})`);
}

/** Each value known and named once; `what` names the field in the message. */
function checkList<T extends string>(what: string, values: readonly string[], known: readonly T[], problems: string[]) {
  const unknown = values.filter((v) => !known.includes(v as T));
  if (unknown.length > 0)
    problems.push(`unknown ${what}: ${unknown.map((v) => JSON.stringify(v)).join(', ')}; known: ${known.join(', ')}`);
  const repeated = values.filter((v, i) => values.indexOf(v) !== i);
  if (repeated.length > 0) problems.push(`${what} named more than once: ${[...new Set(repeated)].join(', ')}`);
  return values as T[];
}

function checkIds(what: string, ids: readonly string[] | undefined, problems: string[]): string[] | null {
  if (ids === undefined) return null;
  if (ids.length === 0 || ids.length > REPORT_LIMITS.maxFilterValues)
    problems.push(`filters.${what} takes 1 to ${REPORT_LIMITS.maxFilterValues} ids (got ${ids.length})`);
  else if (ids.some((id) => !UUID.test(id))) problems.push(`filters.${what} holds an id that is not a UUID`);
  return [...ids];
}

export function checkTimeZone(zone: string, problems: string[]) {
  if (zone.length > REPORT_LIMITS.maxTimeZoneLength) {
    problems.push(`timeZone is at most ${REPORT_LIMITS.maxTimeZoneLength} characters`);
    return;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    problems.push(`timeZone ${JSON.stringify(zone)} is not a known IANA time zone (such as Europe/Amsterdam)`);
  }
}

/** The query as a report runs it, or a DomainError('invalid') naming every problem. */
export function validateReportQuery(input: ReportQueryInput, now: Date): ReportQuery {
  const problems: string[] = [];
  const from = checkInstant('from', input.from, problems);
  const to = checkInstant('to', input.to, problems);
  if (!BUCKETS.includes(input.bucket as Bucket))
    problems.push(`unknown bucket ${JSON.stringify(input.bucket)}; known: ${BUCKETS.join(', ')}`);
  if (from && to) checkRange(from, to, input.bucket, now, problems);
  const dimensions = checkList('dimensions', input.dimensions, DIMENSIONS, problems);
  if (input.measures.length === 0) problems.push('measures must name at least one measure');
  const measures = checkList('measures', input.measures, MEASURES, problems);
  const timeZone = input.timeZone ?? 'UTC';
  checkTimeZone(timeZone, problems);
  const f = input.filters ?? {};
  const queueIds = checkIds('queueIds', f.queueIds, problems);
  const agentIds = checkIds('agentIds', f.agentIds, problems);
  const channels = f.channels === undefined ? null : checkList('channels', f.channels, Channel.options, problems);
  if (channels?.length === 0) problems.push('filters.channels names at least one channel when given');
  if (problems.length > 0) throw new DomainError('invalid', `report query is not valid: ${problems.join('; ')}`);
  return {
    from: from!,
    to: to!,
    bucket: input.bucket as Bucket,
    dimensions: [...dimensions],
    measures: [...measures],
    timeZone,
    filters: { queueIds, channels, agentIds },
  };
}
