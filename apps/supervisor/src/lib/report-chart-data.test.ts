import type { Report, ReportRow } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { chartData } from './report-chart-data';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (bucket: string | null, queue: number, value: number | null): ReportRow => ({
  bucket,
  queueId: id(queue),
  queueName: `Q${queue}`,
  values: { conversationsIn: value },
});
const report = (bucket: Report['bucket'], rows: ReportRow[]): Report => ({
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-03-03T00:00:00.000Z',
  bucket,
  dimensions: ['queue'],
  timeZone: 'UTC',
  measures: [{ name: 'conversationsIn', unit: 'count' }],
  rows,
  tookMs: 1,
});
const labels = { period: (r: ReportRow) => `day ${r.bucket}`, group: (r: ReportRow) => r.queueName ?? '?' };

describe("a report's chart data (SV9)", () => {
  it('over time: one point per bucket in time order, one line per group, gaps where a group has no row', () => {
    const data = chartData(
      report('day', [row('2026-03-02', 1, 5), row('2026-03-01', 1, 2), row('2026-03-01', 2, null)]),
      'conversationsIn',
      labels,
    );
    expect(data.series).toEqual([
      { key: `g:${id(1)}||`, name: 'Q1' },
      { key: `g:${id(2)}||`, name: 'Q2' },
    ]);
    expect(data.points).toEqual([
      { x: 'day 2026-03-01', [`g:${id(1)}||`]: 2, [`g:${id(2)}||`]: null },
      { x: 'day 2026-03-02', [`g:${id(1)}||`]: 5 },
    ]);
  });

  it('draws at most maxSeries lines and says how many groups there were', () => {
    const rows = [1, 2, 3, 4].map((q) => row('2026-03-01', q, q));
    const data = chartData(report('day', rows), 'conversationsIn', labels, 2);
    expect(data.series.map((s) => s.name)).toEqual(['Q1', 'Q2']);
    expect(data.groups).toBe(4);
    expect(Object.keys(data.points[0]!)).toHaveLength(3);
  });

  it('for a total: one bar per group', () => {
    const data = chartData(report('total', [row(null, 1, 7), row(null, 2, null)]), 'conversationsIn', labels);
    expect(data.points).toEqual([
      { x: 'Q1', value: 7 },
      { x: 'Q2', value: null },
    ]);
  });
});
