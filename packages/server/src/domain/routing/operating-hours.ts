import type { OperatingHours, Weekday } from '@switchboard/protocol';

type LocalTime = { date: string; weekday: Weekday; minute: number; year: number; month: number; day: number };

const WEEKDAYS: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};
const BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE = 60_000;
const SEARCH_DAYS = 14;

// Building a DateTimeFormat costs far more than using one; a cache per zone is safe because
// formatting is a pure function of (zone, instant).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock date, weekday and minute of the day in a time zone (DST included). */
export function localTime(timeZone: string, at: Date): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 'mon',
    minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
    year,
    month,
    day,
  };
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a queue with these hours is open at `now` (RT3): local weekday
 * and time in the hours' zone, a holiday closes the whole local day, no hours = always open.
 */
export function isOpen(hours: OperatingHours | null | undefined, now: Date): boolean {
  if (!hours) return true;
  const local = localTime(hours.timeZone, now);
  if (hours.holidays.includes(local.date)) return false;
  return hours.weekly.some(
    (p) => p.day === local.weekday && toMinute(p.start) <= local.minute && local.minute < toMinute(p.end),
  );
}

/** The instant at which the wall clock in `timeZone` shows the given local date and minute. */
function instantOf(timeZone: string, year: number, month: number, day: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minute);
  let guess = wall;
  // Two corrections settle the zone offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = localTime(timeZone, new Date(guess));
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minute);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

/**
 * When the queue opens next: `now` if open, otherwise the earliest period start within the
 * next 14 days that is not on a holiday; null if none (or if there are no hours: always open).
 */
export function nextOpening(hours: OperatingHours | null | undefined, now: Date): Date | null {
  if (!hours || isOpen(hours, now)) return now;
  const today = localTime(hours.timeZone, now);
  let best: Date | null = null;
  for (let k = 0; k <= SEARCH_DAYS && best === null; k++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + k));
    const weekday = BY_UTC_DAY[d.getUTCDay()];
    for (const p of hours.weekly) {
      if (p.day !== weekday) continue;
      const at = instantOf(hours.timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), toMinute(p.start));
      // The check also drops holidays and starts that fall into a DST gap and land elsewhere.
      const start = new Date(Math.ceil(at.getTime() / MINUTE) * MINUTE);
      if (start > now && isOpen(hours, start) && (best === null || start < best)) best = start;
    }
  }
  return best;
}
