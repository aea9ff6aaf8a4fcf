import {
  Badge,
  Caption1,
  ProgressBar,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Presence } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api';
import { useT } from '../../i18n';
import { formatMeasure } from '../../lib/insights-format';
import { ApiError } from './api-error';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  agents: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  capacity: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: '260px' },
  bar: { width: '120px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  end: { justifyContent: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const liveKey = ['insights', 'live'] as const;

const NUMERIC = [
  'waiting',
  'longestWait',
  'inProgress',
  'answeredToday',
  'abandonedToday',
  'serviceLevelToday',
] as const;

/** Now, per queue and over the agents (SV9), asked again every 5 seconds. */
export function LiveView() {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const live = useQuery({ queryKey: liveKey, queryFn: () => call('insightsLive'), refetchInterval: 5_000 });
  const lang = i18n.language;
  const data = live.data;

  return (
    <section className={styles.section} data-testid="insights-live" aria-label={t('insights.live.title')}>
      <Subtitle1 as="h2">{t('insights.live.title')}</Subtitle1>
      {live.isPending && <Spinner size="tiny" label={t('insights.live.loading')} />}
      {live.isError && <ApiError error={live.error} testId="insights-live-error" />}
      {data && (
        <>
          <Table size="small" aria-label={t('insights.live.title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('insights.live.queue')}</TableHeaderCell>
                {NUMERIC.map((k) => (
                  <TableHeaderCell key={k} button={{ className: styles.end }}>
                    {t(`insights.live.${k}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.queues.map((q) => (
                <TableRow key={q.queueId} data-testid="live-queue" data-queue-id={q.queueId}>
                  <TableCell>{q.name}</TableCell>
                  <TableCell className={styles.number}>{formatMeasure(q.waiting, 'count', lang)}</TableCell>
                  <TableCell className={styles.number}>
                    {formatMeasure(q.longestWaitSeconds, 'seconds', lang)}
                  </TableCell>
                  <TableCell className={styles.number}>{formatMeasure(q.inProgress, 'count', lang)}</TableCell>
                  <TableCell className={styles.number}>{formatMeasure(q.answeredToday, 'count', lang)}</TableCell>
                  <TableCell className={styles.number}>{formatMeasure(q.abandonedToday, 'count', lang)}</TableCell>
                  <TableCell className={styles.number}>{formatMeasure(q.serviceLevelToday, 'share', lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data.queues.length === 0 && <Caption1 className={styles.muted}>{t('insights.live.noQueues')}</Caption1>}
          <div className={styles.agents} data-testid="live-agents">
            <Text weight="semibold">{t('insights.live.agents')}</Text>
            {Presence.options.map((p) => (
              <Badge key={p} appearance="tint" color="informative" data-presence={p}>
                {t(`presence.${p}`)}: {data.agents.byPresence[p] ?? 0}
              </Badge>
            ))}
            <div className={styles.capacity} data-testid="live-capacity">
              <Text weight="semibold">{t('insights.live.capacity')}</Text>
              <ProgressBar
                className={styles.bar}
                value={data.agents.capacityTotal > 0 ? data.agents.capacityUsed / data.agents.capacityTotal : 0}
              />
              <Text>
                {t('insights.live.capacityOf', { used: data.agents.capacityUsed, total: data.agents.capacityTotal })}
              </Text>
            </div>
          </div>
          <Caption1 className={styles.muted}>
            {t('insights.live.updated', { time: new Date(data.at).toLocaleTimeString(lang) })}
          </Caption1>
        </>
      )}
    </section>
  );
}
