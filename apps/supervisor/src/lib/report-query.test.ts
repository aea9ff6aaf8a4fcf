import { describe, expect, it } from 'vitest';
import { defaultReportForm, toReportQuery } from './report-query';

const now = Date.parse('2026-01-15T10:20:00Z');
const zone = 'Europe/Amsterdam';

describe('the report form as a query (SV9)', () => {
  it("starts with today by hour, grouped by queue, the default KPIs, in the browser's zone", () => {
    expect(toReportQuery(defaultReportForm(now, zone), now, zone)).toEqual({
      from: '2026-01-14T23:00:00.000Z',
      to: '2026-01-15T11:00:00.000Z',
      bucket: 'hour',
      dimensions: ['queue'],
      measures: [
        'conversationsIn',
        'conversationsHandled',
        'conversationsAbandoned',
        'averageSpeedOfAnswer',
        'averageHandleTime',
        'serviceLevel20',
      ],
      timeZone: zone,
    });
  });

  it('sends only the filters that name something', () => {
    const form = { ...defaultReportForm(now, zone), channels: ['sms' as const] };
    expect(toReportQuery(form, now, zone)!.filters).toEqual({ channels: ['sms'] });
  });

  it('makes no query without a KPI or with a custom range that is not one', () => {
    expect(toReportQuery({ ...defaultReportForm(now, zone), measures: [] }, now, zone)).toBeNull();
    const reversed = { ...defaultReportForm(now, zone), preset: 'custom' as const, customFrom: '2026-01-12' };
    expect(toReportQuery({ ...reversed, customTo: '2026-01-10' }, now, zone)).toBeNull();
  });
});
