import { Caption1, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OutboundJob } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { OutboundResults } from './outbound-results';

/** How often a send's progress is asked for while it runs. */
export const OUTBOUND_POLL_MS = 1000;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  failed: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const finished = (job: OutboundJob | undefined) => !job || job.done >= job.total;

/** A send under way (CH6): asks the server every second until every recipient is done, then stops. */
export function OutboundProgress({ job: started }: { job: OutboundJob }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['outbound', started.id],
    queryFn: () => call('getOutbound', { params: { id: started.id } }),
    initialData: started,
    // The answer to the start is fresh: the first read is a poll interval later, not at once.
    initialDataUpdatedAt: () => Date.now(),
    staleTime: Infinity,
    refetchInterval: (q) => (finished(q.state.data) ? false : OUTBOUND_POLL_MS),
  });
  const job = query.data;
  const done = finished(job);

  return (
    <div className={styles.box}>
      <div data-testid="outbound-progress" data-done={job.done} data-total={job.total} data-finished={done}>
        <ProgressBar
          value={job.total ? job.done / job.total : 1}
          color={job.failed ? 'warning' : done ? 'success' : 'brand'}
          thickness="large"
          aria-label={t('outbound.progress', { done: job.done, total: job.total })}
        />
        <div className={styles.line}>
          <Text weight="semibold">
            {done
              ? t('outbound.finished', { done: job.done, total: job.total })
              : t('outbound.progress', { done: job.done, total: job.total })}
          </Text>
          {job.failed > 0 && (
            <Text className={styles.failed} data-testid="outbound-failed">
              {t('outbound.progressFailed', { count: job.failed })}
            </Text>
          )}
        </div>
      </div>
      {!done && <Caption1 className={styles.muted}>{t('outbound.keepsGoing')}</Caption1>}
      <OutboundResults recipients={job.recipients} />
    </div>
  );
}
