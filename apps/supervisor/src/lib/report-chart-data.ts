import type { Report, ReportRow } from '@switchboard/protocol';

export type ChartPoint = { x: string } & Record<string, string | number | null>;
export type ChartSeries = { key: string; name: string };
export type ChartData = { points: ChartPoint[]; series: ChartSeries[]; groups: number };

const groupKey = (row: ReportRow) => `g:${row.queueId ?? ''}|${row.channel ?? ''}|${row.agentId ?? ''}`;

/**
 * One measure of a report, shaped for a chart: over time (hour, day) a line per group, at most
 * `maxSeries` of them in the order the report lists them; for a total, one bar per group.
 */
export function chartData(
  report: Report,
  measure: string,
  labels: { period(row: ReportRow): string; group(row: ReportRow): string },
  maxSeries = 8,
): ChartData {
  if (report.bucket === 'total') {
    const points = report.rows.map((r) => ({ x: labels.group(r), value: r.values[measure] ?? null }));
    return { points, series: [{ key: 'value', name: measure }], groups: points.length };
  }
  const series: ChartSeries[] = [];
  const seen = new Set<string>();
  for (const row of report.rows) {
    const key = groupKey(row);
    if (seen.has(key)) continue;
    seen.add(key);
    series.push({ key, name: labels.group(row) });
  }
  const shown = series.slice(0, maxSeries);
  const keep = new Set(shown.map((s) => s.key));
  // Buckets sort as text: ISO hours and YYYY-MM-DD days both do.
  const byBucket = new Map<string, ChartPoint>();
  for (const row of report.rows) {
    const key = groupKey(row);
    if (!keep.has(key) || row.bucket === null) continue;
    const point = byBucket.get(row.bucket) ?? { x: labels.period(row) };
    point[key] = row.values[measure] ?? null;
    byBucket.set(row.bucket, point);
  }
  const points = [...byBucket.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  return { points, series: shown, groups: series.length };
}
