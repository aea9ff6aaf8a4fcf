import type { MeasureUnit, Report, ReportRow } from '@switchboard/protocol';
import type { SupervisorT } from '../i18n';
import { formatHour, formatMeasure, NO_VALUE } from './insights-format';
import { isKpiName } from './kpis';
import { toCsv, type CsvCell } from './report-csv';

/**
 * One column of a report's table: its header, what a cell shows, and what the CSV holds. The table
 * and the export are both drawn from these, so the file has exactly the table's columns and rows.
 */
export type ReportColumn = {
  key: string;
  header: string;
  /** The header with its unit when the CSV's value is not what the cell shows (shares, seconds). */
  csvHeader: string;
  unit: MeasureUnit | null;
  text(row: ReportRow): string;
  value(row: ReportRow): CsvCell;
};

export type ColumnContext = { t: SupervisorT; language: string; timeZone: string };

/** The time bucket as shown: the local hour, the local day as the server names it, nothing for a total. */
export function periodLabel(report: Report, row: ReportRow, timeZone: string): string {
  if (row.bucket === null) return NO_VALUE;
  return report.bucket === 'hour' ? formatHour(row.bucket, timeZone) : row.bucket;
}

export const kpiLabel = (t: SupervisorT, name: string) => (isKpiName(name) ? t(`insights.kpi.${name}`) : name);

function textColumn(key: string, header: string, of: (row: ReportRow) => string | null): ReportColumn {
  return { key, header, csvHeader: header, unit: null, text: (r) => of(r) ?? NO_VALUE, value: of };
}

/** The dimension columns alone: what names one row's group (queue, channel, agent). */
export function groupColumns(report: Report, { t }: ColumnContext): ReportColumn[] {
  return report.dimensions.map((d) => {
    const header = t(`insights.report.dimension.${d}`);
    if (d === 'queue') return textColumn(d, header, (r) => r.queueName ?? null);
    if (d === 'agent') return textColumn(d, header, (r) => r.agentName ?? null);
    return textColumn(d, header, (r) => (r.channel ? t(`channel.${r.channel}`) : null));
  });
}

/** Every column of the table: the period (unless one total), the groups, then each measure. */
export function reportColumns(report: Report, ctx: ColumnContext): ReportColumn[] {
  const { t, language, timeZone } = ctx;
  const period =
    report.bucket === 'total'
      ? []
      : [textColumn('period', t('insights.report.period'), (r) => periodLabel(report, r, timeZone))];
  const measures = report.measures.map(({ name, unit }): ReportColumn => {
    const header = kpiLabel(t, name);
    const suffix = unit === 'share' ? t('insights.csv.share') : unit === 'seconds' ? t('insights.csv.seconds') : '';
    return {
      key: name,
      header,
      csvHeader: suffix ? `${header} (${suffix})` : header,
      unit,
      text: (r) => formatMeasure(r.values[name], unit, language),
      value: (r) => r.values[name] ?? null,
    };
  });
  return [...period, ...groupColumns(report, ctx), ...measures];
}

/**
 * The report as CSV: the table's columns and rows in its order, headers in the page's language.
 * Values stay as the server sent them, so a spreadsheet can sum them: shares 0..1 and seconds as
 * seconds, each header saying which; no value is an empty field.
 */
export function reportCsv(report: Report, columns: readonly ReportColumn[]): string {
  return toCsv(
    columns.map((c) => c.csvHeader),
    report.rows.map((row) => columns.map((c) => c.value(row))),
  );
}
