import { Button, Caption1, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api';
import { useT } from '../../i18n';
import { downloadText } from '../../lib/download';
import { localDate } from '../../lib/report-range';
import { reportColumns, reportCsv } from '../../lib/report-columns';
import { browserTimeZone, toReportQuery } from '../../lib/report-query';
import { useInsights } from '../../state/insights-store';
import { ApiError } from './api-error';
import { ReportCharts } from './report-chart';
import { ReportFormView } from './report-form';
import { ReportTable } from './report-table';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Reports (SV9): the form, then the report it ran as charts and a table, and the table as CSV. */
export function ReportSection() {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const { form, ran, runs, setForm, run } = useInsights();
  const timeZone = browserTimeZone();
  const query = toReportQuery(form, Date.now(), timeZone);
  const report = useQuery({
    queryKey: ['insights', 'report', ran, runs],
    queryFn: () => call('runReport', { body: ran! }),
    enabled: ran !== null,
    // A refused query stays refused: say why at once rather than ask again.
    retry: false,
  });
  const data = report.data;
  const ctx = { t, language: i18n.language, timeZone: data?.timeZone ?? timeZone };
  const columns = data ? reportColumns(data, ctx) : [];
  const exportCsv = () => {
    if (!data) return;
    const last = localDate(Date.parse(data.to) - 1, ctx.timeZone);
    downloadText(`report-${localDate(Date.parse(data.from), ctx.timeZone)}-${last}.csv`, reportCsv(data, columns));
  };

  return (
    <section className={styles.section} data-testid="insights-report" aria-label={t('insights.report.title')}>
      <Subtitle1 as="h2">{t('insights.report.title')}</Subtitle1>
      <ReportFormView
        value={form}
        onChange={setForm}
        valid={query !== null}
        running={report.isFetching}
        onRun={() => query && run(query)}
      />
      <Caption1 className={styles.muted}>{t('insights.report.zone', { zone: timeZone })}</Caption1>
      {report.isFetching && <Spinner size="tiny" />}
      {report.isError && <ApiError error={report.error} testId="report-error" />}
      {data && (
        <>
          <div className={styles.bar}>
            <Button data-testid="report-export" onClick={exportCsv} disabled={data.rows.length === 0}>
              {t('insights.report.export')}
            </Button>
            <Caption1 className={styles.muted} data-testid="report-summary">
              {data.rows.length === 0
                ? t('insights.report.empty')
                : t('insights.report.summary', { rows: data.rows.length, ms: Math.round(data.tookMs) })}
            </Caption1>
          </div>
          {data.rows.length > 0 && <ReportCharts report={data} ctx={ctx} />}
          <ReportTable columns={columns} rows={data.rows} />
        </>
      )}
    </section>
  );
}
