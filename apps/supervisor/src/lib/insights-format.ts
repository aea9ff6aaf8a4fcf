import { formatDuration } from '@switchboard/live';
import type { MeasureUnit } from '@switchboard/protocol';

/** What a cell shows where the server has no value (nothing to divide by). */
export const NO_VALUE = '—';

/**
 * A KPI's value as the page shows it in `language`: shares (0..1) as percent, seconds as a
 * duration (m:ss, rounded to the second), counts whole, scores with two decimals.
 */
export function formatMeasure(value: number | null | undefined, unit: MeasureUnit, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'share':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'seconds':
      return formatDuration(Math.round(value) * 1000);
    case 'count':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
    case 'score':
      return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
}

/** A decimal with at most `digits` decimals, for Erlangs and average arrivals. */
export function formatDecimal(value: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** An hour's start as local `YYYY-MM-DD HH:mm` in `timeZone`: the same in every language, so it sorts. */
export function formatHour(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(Date.parse(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
