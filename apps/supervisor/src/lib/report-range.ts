/**
 * A report's range (SV9) as the server takes it: UTC instants on whole hours, the rollups' grain.
 * Days are the browser's: a day starts at local midnight, moved up to the next whole UTC hour.
 * Up, not down: the server puts an hour in the local day its start falls in, so in a zone with odd
 * minutes (India, +5:30) the range then covers exactly the hours its day buckets show
 * (00:30 to 00:30 local) instead of half an hour of the day before. In whole-hour zones nothing moves.
 */

export const RANGE_PRESETS = ['today', 'yesterday', 'last7', 'last30', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type InstantRange = { from: string; to: string };

const HOUR = 3_600_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function wallClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: part('year'), m: part('month'), d: part('day'), h: part('hour'), mi: part('minute'), s: part('second') };
}

/** The local date (YYYY-MM-DD) in `timeZone` at `at`. */
export function localDate(at: number, timeZone: string): string {
  const { y, m, d } = wallClock(at, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) moved by `days`, on the calendar (no clock, so no DST). */
export function addDays(date: string, days: number): string {
  const m = YMD.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** How far the wall clock in `timeZone` is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(at / 1000) * 1000;
}

/** The instant local midnight begins `date` in `timeZone` (asked twice: the offset may differ there). */
export function localMidnight(date: string, timeZone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

const upToHour = (at: number) => Math.ceil(at / HOUR) * HOUR;
/** The server takes `to` up to the end of the hour now runs in. */
export const endOfCurrentHour = (now: number) => Math.floor(now / HOUR) * HOUR + HOUR;

export function isDate(value: string): boolean {
  return YMD.test(value) && addDays(value, 0) === value;
}

/**
 * The range of `preset`, local days in `timeZone`: today up to now, yesterday, the last 7 or 30
 * days with today, or `custom` from its first to its last day (both inclusive). Null when the custom
 * dates are missing, reversed, or wholly in the future.
 */
export function reportRange(
  preset: RangePreset,
  custom: { from: string; to: string },
  now: number,
  timeZone: string,
): InstantRange | null {
  const today = localDate(now, timeZone);
  const untilNow = endOfCurrentHour(now);
  const dayStart = (date: string) => upToHour(localMidnight(date, timeZone));
  let from: number;
  let to: number;
  if (preset === 'custom') {
    if (!isDate(custom.from) || !isDate(custom.to) || custom.to < custom.from) return null;
    from = dayStart(custom.from);
    to = Math.min(dayStart(addDays(custom.to, 1)), untilNow);
    if (to <= from) return null;
  } else {
    const back = { today: 0, yesterday: 1, last7: 6, last30: 29 }[preset];
    from = dayStart(addDays(today, -back));
    to = preset === 'yesterday' ? dayStart(today) : untilNow;
    // The first minutes of a day in an odd-minute zone come before its first whole UTC hour.
    if (to <= from) from = to - HOUR;
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
