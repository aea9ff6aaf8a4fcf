import type { Channel, ReportBucket, ReportDimension, ReportQuery } from '@switchboard/protocol';
import { DEFAULT_KPIS } from './kpis';
import { localDate, reportRange, type RangePreset } from './report-range';

/** What the report form holds (SV9), before it becomes a query. */
export type ReportForm = {
  preset: RangePreset;
  /** The custom range's first and last day, local YYYY-MM-DD, both inclusive. */
  customFrom: string;
  customTo: string;
  bucket: ReportBucket;
  dimensions: ReportDimension[];
  queueIds: string[];
  channels: Channel[];
  measures: string[];
};

/** Hours suit one day; longer ranges read better by day. */
export const bucketFor = (preset: RangePreset): ReportBucket =>
  preset === 'today' || preset === 'yesterday' ? 'hour' : 'day';

export function defaultReportForm(now: number, timeZone: string): ReportForm {
  const today = localDate(now, timeZone);
  return {
    preset: 'today',
    customFrom: today,
    customTo: today,
    bucket: 'hour',
    dimensions: ['queue'],
    queueIds: [],
    channels: [],
    measures: [...DEFAULT_KPIS],
  };
}

/**
 * The form as the server's query, days in the browser's `timeZone`; null while the custom
 * range or the KPIs cannot make one. Empty filters are left out: the server refuses an empty list.
 */
export function toReportQuery(form: ReportForm, now: number, timeZone: string): ReportQuery | null {
  const range = reportRange(form.preset, { from: form.customFrom, to: form.customTo }, now, timeZone);
  if (!range || form.measures.length === 0) return null;
  const filters = {
    ...(form.queueIds.length > 0 ? { queueIds: form.queueIds } : {}),
    ...(form.channels.length > 0 ? { channels: form.channels } : {}),
  };
  return {
    ...range,
    bucket: form.bucket,
    dimensions: form.dimensions,
    measures: form.measures,
    timeZone,
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
  };
}

/** The browser's time zone, which days and hours are shown in. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
