import {
  Card,
  Subtitle2,
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
import type { CapacityProfile, QueueConfig, RoutingNow, Skill } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { withNames } from './trace-page';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  eligible: { backgroundColor: tokens.colorPaletteGreenBackground1 },
});

/**
 * "Right now" under the trace of a waiting conversation (RT5): each member of its queue and why
 * they are or are not offered it at this moment. Computed by the server when asked, not stored.
 */
export function RightNow({
  now,
  queues,
  skills,
  profiles,
}: {
  now: RoutingNow;
  queues: QueueConfig[];
  skills: Skill[];
  profiles: CapacityProfile[];
}) {
  const styles = useStyles();
  const { t, i18n } = useT();
  const queue = now.queueId ? (queues.find((q) => q.id === now.queueId)?.name ?? now.queueId) : null;
  return (
    <Card className={styles.card} data-testid="trace-now">
      <Subtitle2>{t('trace.rightNow')}</Subtitle2>
      <Text className={styles.muted}>
        {t('trace.rightNowAt', { at: new Date(now.at).toLocaleString(i18n.language), queue: queue ?? '—' })}
      </Text>
      {now.note && <Text data-testid="trace-now-note">{withNames(now.note, skills, profiles)}</Text>}
      {now.agents.length === 0 ? (
        <Text className={styles.muted}>{t('trace.noMembers')}</Text>
      ) : (
        <Table size="small" aria-label={t('trace.rightNow')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('trace.agent')}</TableHeaderCell>
              <TableHeaderCell>{t('trace.eligible')}</TableHeaderCell>
              <TableHeaderCell>{t('trace.rank')}</TableHeaderCell>
              <TableHeaderCell>{t('trace.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {now.agents.map((a) => (
              <TableRow
                key={a.agentId}
                className={a.eligible ? styles.eligible : undefined}
                data-testid="trace-now-agent"
                data-eligible={a.eligible}
              >
                <TableCell>{a.name}</TableCell>
                <TableCell>{a.eligible ? t('common.yes') : t('common.no')}</TableCell>
                <TableCell data-testid="trace-now-rank">{a.rank ?? '—'}</TableCell>
                <TableCell data-testid="trace-now-reason">{withNames(a.reason, skills, profiles)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
