import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConversationSummary } from '@switchboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { useNow } from '@switchboard/web';
import { usePagedList, withoutItem, type PagedData } from '../hooks/use-paged-list';
import { formatDuration } from '../lib/time';
import { ListMore } from './list-more';
import { useServices } from '../state/services-context';
import { pickableKey } from '../state/workspace-services';

/** How often the open items are fetched again while the page is visible. */
export const PICK_REFRESH_MS = 5_000;

const useStyles = makeStyles({
  error: { marginBottom: tokens.spacingVerticalXS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  message: {
    overflow: 'hidden',
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  muted: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/**
 * Pick distribution (AG10, RT1): the open items of my queues in pick workstreams. Picking
 * accepts at once; a refusal shows the server's reason. The list refreshes every few seconds
 * while the page is visible, on reconnect (the workspace invalidates it) and after every pick.
 */
export function PickList() {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const queryClient = useQueryClient();
  const now = useNow(1000);
  const titleId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Polling pauses while the tab is hidden (TanStack's focus manager follows page visibility).
  const list = usePagedList(pickableKey, (cursor) => call('listPickable', { query: { cursor } }), {
    refetchInterval: PICK_REFRESH_MS,
  });
  const { query, items } = list;

  async function pick(item: ConversationSummary) {
    setPending(item.id);
    setError(null);
    try {
      await services.pick(item.id);
      queryClient.setQueryData<PagedData>(pickableKey, (data) => withoutItem(data, item.id));
    } catch (err) {
      setError(t('pick.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: pickableKey });
    }
  }

  return (
    <section aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {t('pick.title')}
      </Subtitle2>
      {error && (
        <MessageBar intent="warning" className={styles.error} data-testid="pick-error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t('pick.dismiss')}
                onClick={() => setError(null)}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {query.isPending && <Spinner size="tiny" />}
      {query.isError && !query.data && <Caption1 className={styles.muted}>{t('pick.loadFailed')}</Caption1>}
      {items.length > 0 ? (
        <ul className={styles.list} data-testid="pick-list">
          {items.map((c) => (
            <li key={c.id} className={styles.item} data-testid="pick-item" data-conversation-id={c.id}>
              <span className={styles.row}>
                <Text weight="semibold" className={styles.name}>
                  {c.customerName}
                </Text>
                <Button
                  size="small"
                  appearance="primary"
                  data-testid="pick-button"
                  aria-label={t('pick.pickLabel', { name: c.customerName })}
                  disabled={pending !== null}
                  icon={pending === c.id ? <Spinner size="extra-tiny" /> : undefined}
                  onClick={() => void pick(c)}
                >
                  {t('pick.pick')}
                </Button>
              </span>
              <span className={styles.row}>
                <Caption1 className={styles.muted}>{c.queueName ?? ''}</Caption1>
                <Caption1 className={styles.muted} data-testid="pick-waiting">
                  {t('pick.waiting', { time: formatDuration(now - Date.parse(c.createdAt)) })}
                </Caption1>
              </span>
              <Caption1 className={styles.message} data-testid="pick-message">
                {c.firstMessage ?? t('pick.noMessage')}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : (
        query.isSuccess && <Caption1 className={styles.muted}>{t('pick.empty')}</Caption1>
      )}
      <ListMore
        testId="pick-list"
        shown={items.length}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onMore={list.loadMore}
      />
    </section>
  );
}
