import { describe, expect, it } from 'vitest';
import { formatDecimal, formatHour, formatMeasure } from './insights-format';

describe("a KPI's value on the page (SV9)", () => {
  it('shows shares as percent in the language, and nothing to divide by as a dash', () => {
    expect(formatMeasure(0.8333, 'share', 'en')).toBe('83.3%');
    expect(formatMeasure(0.8333, 'share', 'nl')).toBe('83,3%');
    expect(formatMeasure(1, 'share', 'en')).toBe('100%');
    expect(formatMeasure(null, 'share', 'en')).toBe('—');
    expect(formatMeasure(undefined, 'seconds', 'en')).toBe('—');
  });

  it('shows seconds as a duration rounded to the second, counts whole and scores with two decimals', () => {
    expect(formatMeasure(75.6, 'seconds', 'en')).toBe('1:16');
    expect(formatMeasure(3725, 'seconds', 'fr')).toBe('1:02:05');
    expect(formatMeasure(1234, 'count', 'en')).toBe('1,234');
    expect(formatMeasure(1234, 'count', 'nl')).toBe('1.234');
    expect(formatMeasure(-1.5, 'score', 'en')).toBe('-1.50');
    expect(formatMeasure(4.25, 'score', 'nl')).toBe('4,25');
    expect(formatDecimal(2.345, 'en', 2)).toBe('2.35');
  });

  it("shows an hour's start in the report's zone, the same in every language", () => {
    expect(formatHour('2026-03-01T09:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-03-01 10:00');
    expect(formatHour('2026-03-01T23:00:00.000Z', 'UTC')).toBe('2026-03-01 23:00');
    expect(formatHour('2026-03-01T00:00:00.000Z', 'Asia/Kolkata')).toBe('2026-03-01 05:30');
  });
});
