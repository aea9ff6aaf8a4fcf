import { describe, expect, it } from 'vitest';
import { addDays, isDate, localMidnight, reportRange } from './report-range';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const none = { from: '', to: '' };

describe("a report's range in the browser's days (SV9)", () => {
  it('today runs from local midnight to the end of the current hour', () => {
    const now = at('2026-01-15T10:20:00Z');
    expect(reportRange('today', none, now, 'Europe/Amsterdam')).toEqual({
      from: '2026-01-14T23:00:00.000Z',
      to: '2026-01-15T11:00:00.000Z',
    });
  });

  it('yesterday is one whole local day; the last 7 and 30 days end now and include today', () => {
    const now = at('2026-01-15T10:20:00Z');
    expect(reportRange('yesterday', none, now, 'Europe/Amsterdam')).toEqual({
      from: '2026-01-13T23:00:00.000Z',
      to: '2026-01-14T23:00:00.000Z',
    });
    expect(reportRange('last7', none, now, 'Europe/Amsterdam')!.from).toBe('2026-01-08T23:00:00.000Z');
    expect(reportRange('last30', none, now, 'America/New_York')).toEqual({
      from: '2025-12-17T05:00:00.000Z',
      to: '2026-01-15T11:00:00.000Z',
    });
  });

  it('follows summer time, and a day with the clocks going forward has 23 hours', () => {
    expect(reportRange('today', none, at('2026-07-01T08:00:00Z'), 'Europe/Amsterdam')!.from).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    const day = reportRange('yesterday', none, at('2026-03-30T08:00:00Z'), 'Europe/Amsterdam')!;
    expect(day).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });

  it('in a half-hour zone a day starts at the first whole UTC hour after local midnight', () => {
    // Kolkata is UTC+5:30: midnight is 18:30 UTC, and the server counts the 18:00 hour in the day before.
    expect(localMidnight('2026-01-15', 'Asia/Kolkata')).toBe(at('2026-01-14T18:30:00Z'));
    expect(reportRange('yesterday', none, at('2026-01-15T10:20:00Z'), 'Asia/Kolkata')).toEqual({
      from: '2026-01-13T19:00:00.000Z',
      to: '2026-01-14T19:00:00.000Z',
    });
  });

  it('in the first minutes of such a day, today still spans one hour rather than none', () => {
    // 00:10 in Kolkata: the day's first whole UTC hour (19:00) is also the end of the current one.
    expect(reportRange('today', none, at('2026-01-15T18:40:00Z'), 'Asia/Kolkata')).toEqual({
      from: '2026-01-15T18:00:00.000Z',
      to: '2026-01-15T19:00:00.000Z',
    });
  });

  it('every preset, in odd zones at odd moments, gives whole hours with to after from', () => {
    const zones = ['UTC', 'Europe/Amsterdam', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
    for (const zone of zones)
      for (let h = 0; h < 48; h += 1) {
        const now = at('2026-03-28T00:07:00Z') + h * 1_830_000;
        for (const preset of ['today', 'yesterday', 'last7', 'last30'] as const) {
          const r = reportRange(preset, none, now, zone)!;
          expect(Date.parse(r.from) % 3_600_000, `${zone} ${preset} ${iso(now)}`).toBe(0);
          expect(Date.parse(r.to) % 3_600_000).toBe(0);
          expect(Date.parse(r.to)).toBeGreaterThan(Date.parse(r.from));
          expect(Date.parse(r.to)).toBeLessThanOrEqual(Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000);
        }
      }
  });

  it('custom dates count both days whole, end no later than this hour, and refuse nonsense', () => {
    const now = at('2026-01-15T10:20:00Z');
    const zone = 'Europe/Amsterdam';
    expect(reportRange('custom', { from: '2026-01-10', to: '2026-01-12' }, now, zone)).toEqual({
      from: '2026-01-09T23:00:00.000Z',
      to: '2026-01-12T23:00:00.000Z',
    });
    expect(reportRange('custom', { from: '2026-01-14', to: '2026-01-15' }, now, zone)!.to).toBe(
      '2026-01-15T11:00:00.000Z',
    );
    expect(reportRange('custom', { from: '2026-01-12', to: '2026-01-10' }, now, zone)).toBeNull();
    expect(reportRange('custom', { from: '2026-02-01', to: '2026-02-02' }, now, zone)).toBeNull();
    expect(reportRange('custom', { from: '', to: '2026-01-12' }, now, zone)).toBeNull();
    expect(reportRange('custom', { from: '2026-02-30', to: '2026-03-01' }, now, zone)).toBeNull();
  });

  it('moves dates on the calendar and knows a real date', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('15-01-2026')).toBe(false);
  });
});
