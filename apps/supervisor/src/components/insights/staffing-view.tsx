import {
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Staffing } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api';
import { useT } from '../../i18n';
import { formatDecimal, formatHour, formatMeasure } from '../../lib/insights-format';
import { browserTimeZone } from '../../lib/report-query';
import { RANGE_PRESETS, reportRange } from '../../lib/report-range';
import { useInsights, type StaffingForm } from '../../state/insights-store';
import { ApiError } from './api-error';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  field: { minWidth: '160px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  end: { justifyContent: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

// Targets inside the server's bounds (50-99 %, 5-600 s), so no choice here is refused.
const SHARES = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const SECONDS = [10, 15, 20, 30, 60, 120, 300];
const PRESETS = RANGE_PRESETS.filter((p): p is StaffingForm['preset'] => p !== 'custom');
const COLUMNS = ['hour', 'arrivals', 'aht', 'traffic', 'agents', 'serviceLevel', 'asa'] as const;

type Hour = NonNullable<Staffing['queues'][number]['busiestHour']>;

/** Agents each queue needs for a service level at the traffic it had (SV9, Erlang C on the server). */
export function StaffingView() {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const { staffing: form, setStaffing } = useInsights();
  const timeZone = browserTimeZone();
  const lang = i18n.language;
  const range = reportRange(form.preset, { from: '', to: '' }, Date.now(), timeZone)!;
  const query = { ...range, targetShare: form.targetShare, targetSeconds: form.targetSeconds };
  const staffing = useQuery({
    queryKey: ['insights', 'staffing', query],
    queryFn: () => call('staffingEstimate', { query }),
    retry: false,
  });

  const hourRow = (queueId: string, kind: 'busiest' | 'average', h: Hour) => (
    <TableRow key={`${queueId}-${kind}`} data-testid="staffing-row" data-kind={kind}>
      <TableCell>
        {kind === 'busiest'
          ? `${t('insights.staffing.busiest')} (${formatHour(h.hour, timeZone)})`
          : t('insights.staffing.average')}
      </TableCell>
      <TableCell className={styles.number}>{formatDecimal(h.arrivals, lang)}</TableCell>
      <TableCell className={styles.number}>{formatMeasure(h.averageHandleSeconds, 'seconds', lang)}</TableCell>
      <TableCell className={styles.number}>{formatDecimal(h.trafficErlangs, lang, 2)}</TableCell>
      <TableCell className={styles.number} data-testid="staffing-agents">
        {h.agents}
      </TableCell>
      <TableCell className={styles.number}>{formatMeasure(h.serviceLevel, 'share', lang)}</TableCell>
      <TableCell className={styles.number}>{formatMeasure(h.averageSpeedOfAnswerSeconds, 'seconds', lang)}</TableCell>
    </TableRow>
  );

  return (
    <section className={styles.section} data-testid="insights-staffing" aria-label={t('insights.staffing.title')}>
      <Subtitle1 as="h2">{t('insights.staffing.title')}</Subtitle1>
      <MessageBar intent="info" data-testid="staffing-assumptions">
        <MessageBarBody>{t('insights.staffing.assumptions')}</MessageBarBody>
      </MessageBar>
      <div className={styles.form}>
        <Field label={t('insights.staffing.range')} className={styles.field}>
          <Select
            data-testid="staffing-preset"
            value={form.preset}
            onChange={(_e, d) => setStaffing({ preset: d.value as StaffingForm['preset'] })}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`insights.report.preset.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('insights.staffing.targetShare')} className={styles.field}>
          <Select
            data-testid="staffing-share"
            value={String(form.targetShare)}
            onChange={(_e, d) => setStaffing({ targetShare: Number(d.value) })}
          >
            {SHARES.map((s) => (
              <option key={s} value={String(s)}>
                {formatMeasure(s, 'share', lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('insights.staffing.targetSeconds')} className={styles.field}>
          <Select
            data-testid="staffing-seconds"
            value={String(form.targetSeconds)}
            onChange={(_e, d) => setStaffing({ targetSeconds: Number(d.value) })}
          >
            {SECONDS.map((s) => (
              <option key={s} value={String(s)}>
                {t('insights.staffing.seconds', { n: s })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {staffing.isPending && <Spinner size="tiny" />}
      {staffing.isError && <ApiError error={staffing.error} testId="staffing-error" />}
      {staffing.data && (
        <Table size="small" aria-label={t('insights.staffing.title')} data-testid="staffing-table">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHeaderCell key={c} button={c === 'hour' ? undefined : { className: styles.end }}>
                  {t(`insights.staffing.${c}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {staffing.data.queues.flatMap((q) => [
              <TableRow key={q.queueId} data-testid="staffing-queue" data-queue-id={q.queueId}>
                <TableCell colSpan={COLUMNS.length}>
                  <strong>{q.name}</strong>
                  {!q.busiestHour && <Caption1 className={styles.muted}> — {t('insights.staffing.noWork')}</Caption1>}
                </TableCell>
              </TableRow>,
              ...(q.busiestHour ? [hourRow(q.queueId, 'busiest', q.busiestHour)] : []),
              ...(q.averageHour ? [hourRow(q.queueId, 'average', q.averageHour)] : []),
            ])}
          </TableBody>
        </Table>
      )}
      {staffing.data?.queues.length === 0 && (
        <Caption1 className={styles.muted}>{t('insights.staffing.noQueues')}</Caption1>
      )}
    </section>
  );
}
