import { describe, expect, it } from 'vitest';
import { isOpen, localTime, nextOpening } from './operating-hours.js';
import { hours } from './test-builders.js';

// Europe/Amsterdam is UTC+1 in winter, UTC+2 from Sunday 29 March 2026 (02:00 → 03:00).
const office = hours({ id: 'office' });
const utc = (iso: string) => new Date(iso);

describe('isOpen (RT3)', () => {
  it.each([
    ['Monday 11:00 local, winter', '2026-03-02T10:00:00Z', true],
    ['Monday 08:59 local', '2026-03-02T07:59:00Z', false],
    ['Monday 09:00 local, the start counts', '2026-03-02T08:00:00Z', true],
    ['Monday 17:00 local, the end does not', '2026-03-02T16:00:00Z', false],
    ['Saturday noon', '2026-03-07T11:00:00Z', false],
    // After the DST change the same UTC times mean other local times.
    ['Monday after DST, 07:30Z = 09:30 local', '2026-03-30T07:30:00Z', true],
    ['Monday after DST, 15:30Z = 17:30 local', '2026-03-30T15:30:00Z', false],
    ['Monday after DST, 06:30Z = 08:30 local', '2026-03-30T06:30:00Z', false],
  ])('%s', (_name, iso, expected) => {
    expect(isOpen(office, utc(iso))).toBe(expected);
  });

  it('is always open without hours', () => {
    expect(isOpen(null, utc('2026-03-07T03:00:00Z'))).toBe(true);
    expect(isOpen(undefined, utc('2026-03-07T03:00:00Z'))).toBe(true);
  });

  it('closes the whole local day of a holiday, in the hours’ own zone', () => {
    const allDay = hours({
      id: 'la',
      timeZone: 'America/Los_Angeles',
      weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
        day,
        start: '00:00',
        end: '24:00',
      })),
      holidays: ['2026-12-25'],
    });
    expect(isOpen(allDay, utc('2026-12-25T08:30:00Z'))).toBe(false); // 00:30 on the 25th in LA
    expect(isOpen(allDay, utc('2026-12-26T02:00:00Z'))).toBe(false); // 18:00 on the 25th in LA, 26th in UTC
    expect(isOpen(allDay, utc('2026-12-26T08:30:00Z'))).toBe(true); // 00:30 on the 26th in LA
    expect(isOpen(allDay, utc('2026-12-25T07:59:00Z'))).toBe(true); // 23:59 on the 24th; a period ending 24:00
  });

  it('reads the weekday in the zone, not in UTC', () => {
    const auckland = hours({
      id: 'nz',
      timeZone: 'Pacific/Auckland',
      weekly: [{ day: 'mon', start: '08:00', end: '12:00' }],
    });
    // Sunday 20:00 UTC is Monday 09:00 in Auckland (UTC+13 in March).
    expect(localTime('Pacific/Auckland', utc('2026-03-01T20:00:00Z')).weekday).toBe('mon');
    expect(isOpen(auckland, utc('2026-03-01T20:00:00Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is now when open', () => {
    const now = utc('2026-03-02T10:00:00Z');
    expect(nextOpening(office, now)).toEqual(now);
  });

  it('skips the weekend and a DST change: Friday evening → Monday 09:00 summer time', () => {
    expect(nextOpening(office, utc('2026-03-27T17:00:00Z'))).toEqual(utc('2026-03-30T07:00:00Z'));
  });

  it('opens later the same day when it is early', () => {
    expect(nextOpening(office, utc('2026-03-03T05:00:00Z'))).toEqual(utc('2026-03-03T08:00:00Z'));
  });

  it('skips a holiday', () => {
    const withHoliday = hours({ id: 'h', holidays: ['2026-03-09'] });
    expect(nextOpening(withHoliday, utc('2026-03-06T17:00:00Z'))).toEqual(utc('2026-03-10T08:00:00Z'));
  });

  it('is null when nothing opens within 14 days', () => {
    expect(nextOpening(hours({ id: 'never', weekly: [] }), utc('2026-03-02T10:00:00Z'))).toBeNull();
    const longHoliday = hours({
      id: 'long',
      holidays: Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`),
    });
    expect(nextOpening(longHoliday, utc('2026-03-02T10:00:00Z'))).toBeNull();
  });
});
