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
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { formatDuration } from '@switchboard/live';
import type { OngoingList, OngoingRow, OngoingSort } from '@switchboard/protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';
import { DEFAULT_ORDER, nextOrder, type OngoingOrder } from '../lib/ongoing-order';
import { rowTimes } from '../lib/row-times';
import { useNow } from '@switchboard/web';
import { ongoingKey } from '../state/live-feed';
import { useOngoingFeed } from '../state/use-ongoing-feed';
import type { Filters } from './ongoing-filters';
import { useVirtualWindow } from './use-virtual-window';

/** Every row is this tall (one line, cut short): the list renders only those in view. */
const ROW_HEIGHT = 40;
/** The next page is asked for when the rows in view come this close to the last one loaded. */
const LOOKAHEAD = 40;

const COLUMNS = [
  ['customer', null],
  ['channel', 'channel'],
  ['queue', 'queue'],
  ['agent', 'agent'],
  ['state', 'state'],
  ['wait', 'wait'],
  ['handle', 'handle'],
  ['sentiment', 'sentiment'],
] as const satisfies readonly (readonly [string, OngoingSort | null])[];

const useStyles = makeStyles({
  wrap: { flexGrow: 1, minHeight: 0, overflowY: 'auto' },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { height: `${ROW_HEIGHT}px` },
  cell: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  time: { fontVariantNumeric: 'tabular-nums' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', padding: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Every conversation in progress (SV1), filtered and sorted on the server, a page at a time as the
 * supervisor scrolls, live from the feed; only the rows in view are rendered.
 */
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
  const [order, setOrder] = useState<OngoingOrder>(DEFAULT_ORDER);
  const queryKey = [...ongoingKey, filters, order];
  const list = useInfiniteQuery({
    queryKey,
    queryFn: async ({ pageParam }) => {
      const page = await call('listOngoing', { query: { ...filters, ...order, cursor: pageParam } });
      onSwitches(page.switches);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useOngoingFeed(queryKey, filters, order, list.isFetching);
  const seen = new Set<string>();
  const rows = (list.data?.pages ?? [])
    .flatMap((p) => p.conversations)
    .filter((c) => !seen.has(c.id) && seen.add(c.id));
  const total = list.data?.pages[0]?.total ?? 0;
  const view = useVirtualWindow<HTMLDivElement>(rows.length, ROW_HEIGHT);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && view.last + LOOKAHEAD >= rows.length) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, view.last, rows.length]);

  const direction = (sort: OngoingSort) =>
    order.sort !== sort ? undefined : order.direction === 'asc' ? 'ascending' : 'descending';

  return (
    <div className={styles.wrap} ref={view.ref} data-testid="ongoing-scroll">
      <Table
        size="small"
        sortable
        aria-label={t('ongoing.title')}
        aria-rowcount={total + 1}
        data-testid="ongoing-table"
      >
        <TableHeader className={styles.head}>
          <TableRow>
            {COLUMNS.map(([k, sort]) => (
              <TableHeaderCell
                key={k}
                sortable={sort !== null}
                sortDirection={sort ? direction(sort) : undefined}
                onClick={sort ? () => setOrder((o) => nextOrder(o, sort)) : undefined}
                data-testid={sort ? `sort-${sort}` : undefined}
              >
                {t(`ongoing.${k}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.before > 0 && <tr aria-hidden style={{ height: view.before }} />}
          {rows.slice(view.first, view.last).map((c, i) => (
            <OngoingTableRow
              key={c.id}
              row={c}
              index={view.first + i}
              now={now}
              selected={c.id === selectedId}
              onSelect={onSelect}
            />
          ))}
          {view.after > 0 && <tr aria-hidden style={{ height: view.after }} />}
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
        {hasNextPage && (
          <Button size="small" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('ongoing.more')}
          </Button>
        )}
      </div>
    </div>
  );
}

function OngoingTableRow({
  row: c,
  index,
  now,
  selected,
  onSelect,
}: {
  row: OngoingRow;
  index: number;
  now: number;
  selected: boolean;
  onSelect(id: string): void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const times = rowTimes(c, now);
  const cell = (text: string, testId?: string) => (
    <TableCell className={styles.cell} data-testid={testId}>
      {text}
    </TableCell>
  );
  return (
    <TableRow
      data-testid="ongoing-row"
      data-conversation-id={c.id}
      data-state={c.state}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={mergeClasses(styles.row, selected && styles.selected)}
      onClick={() => onSelect(c.id)}
    >
      {cell(c.customerName)}
      {cell(t(`channel.${c.channel}`))}
      {cell(c.queueName ?? t('ongoing.nobody'))}
      {cell(c.agentName ?? t('ongoing.nobody'), 'ongoing-agent')}
      <TableCell className={styles.cell}>
        <Badge appearance="tint" data-testid="ongoing-state">
          {t(`state.${c.state}`)}
        </Badge>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.time)}>{formatDuration(times.waitMs)}</TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.time)}>
        {times.handleMs === null ? t('ongoing.nobody') : formatDuration(times.handleMs)}
      </TableCell>
      <TableCell className={styles.cell} data-testid="ongoing-sentiment" data-level={c.sentiment ?? undefined}>
        {c.sentiment ? t(`sentiment.${c.sentiment}`) : t('ongoing.nobody')}
      </TableCell>
    </TableRow>
  );
}
