import { Caption1, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { closedSearchQuery, type ClosedSearchInput, type ClosedSearchQuery } from '../lib/closed-search';
import { ClosedSearch } from './closed-search';
import { usePagedList } from '../hooks/use-paged-list';
import { useSessions } from '../state/sessions-store';
import { useServices } from '../state/services-context';
import { conversationsKey } from '../state/workspace-services';
import { ListMore } from './list-more';
import { PickList } from './pick-list';
import { SentimentMark } from './sentiment-mark';
import { StateBadge } from './state-badge';
import { useSentiments } from '../state/sentiment-store';

const useStyles = makeStyles({
  aside: {
    width: '280px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: '100%',
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
    cursor: 'pointer',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export function ConversationList({
  scope,
  testId,
  itemTestId,
  search = {},
  children,
}: {
  scope: 'ongoing' | 'closed';
  testId: string;
  itemTestId: string;
  /** The closed list's search (AG10); null: the search cannot be sent as it is, nothing is asked. */
  search?: ClosedSearchQuery | null;
  /** Under the heading: the search form. */
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const activeId = useSessions((s) => s.activeId);
  const list = usePagedList(
    [...conversationsKey, scope, search],
    async (cursor) => {
      const page = await call('listConversations', { query: { scope, cursor, ...search } });
      // My ongoing list says how each customer I serve feels (SV8); the pushes keep it current.
      if (scope === 'ongoing') useSentiments.getState().readList(page);
      return page;
    },
    { enabled: search !== null },
  );
  const { query, items } = list;
  const searching = !!search && Object.keys(search).length > 0;

  return (
    <section>
      <Subtitle2 as="h2">{scope === 'ongoing' ? t('dashboard.ongoing') : t('dashboard.closed')}</Subtitle2>
      {children}
      {query.isPending && <Spinner size="tiny" />}
      {query.isError && <Caption1 className={styles.muted}>{t('dashboard.loadFailed')}</Caption1>}
      <ul className={styles.list} data-testid={testId}>
        {items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, c.id === activeId && styles.selected)}
              data-testid={itemTestId}
              data-conversation-id={c.id}
              aria-current={c.id === activeId ? 'true' : undefined}
              onClick={() => services.openSession(c.id)}
            >
              <span className={styles.row}>
                <Text weight="semibold" className={styles.name}>
                  {c.customerName}
                </Text>
                <span className={styles.badges}>
                  <SentimentMark conversation={c} />
                  <StateBadge conversation={c} />
                </span>
              </span>
              <Caption1 className={styles.muted}>{c.queueName ?? ''}</Caption1>
            </button>
          </li>
        ))}
      </ul>
      <ListMore
        testId={testId}
        shown={items.length}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onMore={list.loadMore}
      />
      {query.isSuccess && items.length === 0 && (
        <Caption1 className={styles.muted}>
          {scope === 'ongoing'
            ? t('dashboard.noOngoing')
            : searching
              ? t('dashboard.noMatch')
              : t('dashboard.noClosed')}
        </Caption1>
      )}
    </section>
  );
}

/** My closed conversations with their search (AG10); the search waits for a pause in typing. */
function ClosedConversations() {
  const [input, setInput] = useState<ClosedSearchInput>({ customer: '', from: '', to: '' });
  const typed = useDeferredSearch(input);
  const result = closedSearchQuery(typed);
  return (
    <ConversationList
      scope="closed"
      testId="closed-list"
      itemTestId="closed-item"
      search={'query' in result ? result.query : null}
    >
      <ClosedSearch value={input} reversed={'reversed' in closedSearchQuery(input)} onChange={setInput} />
    </ConversationList>
  );
}

/** `value`, once it has not changed for a moment: one request per pause in typing, not per key. */
function useDeferredSearch<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function ConversationLists() {
  const styles = useStyles();
  return (
    <aside className={styles.aside}>
      <ConversationList scope="ongoing" testId="ongoing-list" itemTestId="ongoing-item" />
      <PickList />
      <ClosedConversations />
    </aside>
  );
}
