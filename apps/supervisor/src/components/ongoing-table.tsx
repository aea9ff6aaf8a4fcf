import {
  Badge,
  Button,
  Caption1,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatDuration } from '@switchboard/live';
import type { OngoingList } from '@switchboard/protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../api/api';
import { useT } from '../i18n';
import { rowTimes } from '../lib/row-times';
import { useNow } from '@switchboard/web';
import { ongoingKey } from '../state/live-feed';
import type { Filters } from './ongoing-filters';

const useStyles = makeStyles({
  wrap: { flexGrow: 1, minHeight: 0, overflowY: 'auto' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  time: { fontVariantNumeric: 'tabular-nums' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', padding: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Every conversation in progress (SV1), a page at a time from the server, the filters applied there. */
export function OngoingTable({
  filters,
  selectedId,
  onSelect,
  onSwitches,
}: {
  filters: Filters;
  selectedId: string | null;
  onSelect(id: string): void;
  onSwitches(s: OngoingList['switches']): void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const now = useNow();
  const list = useInfiniteQuery({
    queryKey: [...ongoingKey, filters],
    queryFn: async ({ pageParam }) => {
      const page = await call('listOngoing', { query: { ...filters, cursor: pageParam } });
      onSwitches(page.switches);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const seen = new Set<string>();
  const rows = (list.data?.pages ?? [])
    .flatMap((p) => p.conversations)
    .filter((c) => !seen.has(c.id) && seen.add(c.id));
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={t('ongoing.title')} data-testid="ongoing-table">
        <TableHeader>
          <TableRow>
            {(['customer', 'channel', 'queue', 'agent', 'state', 'wait', 'handle', 'sentiment'] as const).map((k) => (
              <TableHeaderCell key={k}>{t(`ongoing.${k}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((c) => {
            const times = rowTimes(c, now);
            return (
              <TableRow
                key={c.id}
                data-testid="ongoing-row"
                data-conversation-id={c.id}
                data-state={c.state}
                aria-selected={c.id === selectedId}
                className={c.id === selectedId ? styles.selected : undefined}
                onClick={() => onSelect(c.id)}
              >
                <TableCell>{c.customerName}</TableCell>
                <TableCell>{t(`channel.${c.channel}`)}</TableCell>
                <TableCell>{c.queueName ?? t('ongoing.nobody')}</TableCell>
                <TableCell data-testid="ongoing-agent">{c.agentName ?? t('ongoing.nobody')}</TableCell>
                <TableCell>
                  <Badge appearance="tint" data-testid="ongoing-state">
                    {t(`state.${c.state}`)}
                  </Badge>
                </TableCell>
                <TableCell className={styles.time}>{formatDuration(times.waitMs)}</TableCell>
                <TableCell className={styles.time}>
                  {times.handleMs === null ? t('ongoing.nobody') : formatDuration(times.handleMs)}
                </TableCell>
                <TableCell data-testid="ongoing-sentiment" data-level={c.sentiment ?? undefined}>
                  {c.sentiment ? t(`sentiment.${c.sentiment}`) : t('ongoing.nobody')}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className={styles.footer}>
        {list.isPending && <Spinner size="tiny" />}
        {list.isError && <Caption1>{t('ongoing.loadFailed')}</Caption1>}
        {list.isSuccess && rows.length === 0 && (
          <Caption1 className={styles.muted} data-testid="ongoing-empty">
            {t('ongoing.empty')}
          </Caption1>
        )}
        {rows.length > 0 && (
          <Caption1 className={styles.muted} data-testid="ongoing-total">
            {t('ongoing.total', { shown: rows.length, total })}
          </Caption1>
        )}
        {list.hasNextPage && (
          <Button size="small" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('ongoing.more')}
          </Button>
        )}
      </div>
    </div>
  );
}
