import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { WorkspaceTab } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../state/auth-store';
import { activateSessionTab, closableTab, closeSessionTab } from '../state/session-tabs';
import { conversationTabId, useSessions } from '../state/sessions-store';
import { useTimelines } from '../state/timelines-store';
import { ConversationPanel } from './conversation-panel';
import { SessionTabPane } from './records/tab-pane';
import { ScriptPane } from './script/script-pane';

const useStyles = makeStyles({
  session: { flexGrow: 1, minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column' },
  strip: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: 'auto',
    flexShrink: 0,
  },
  tab: { display: 'flex', alignItems: 'center', borderBottom: '2px solid transparent' },
  activeTab: { borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
  tabButton: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    maxWidth: '180px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  activeLabel: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  // Too narrow for all three (conversation, script, tab): it scrolls sideways rather than overlap.
  body: { flexGrow: 1, minHeight: 0, display: 'flex', overflowX: 'auto' },
  conversation: { flex: '1 1 0', minWidth: '420px', display: 'flex', flexDirection: 'column', overflowX: 'auto' },
  pane: {
    flex: '1.2 1 0',
    minWidth: '280px',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/**
 * One session (AG3, AG6): its inner tabs (the conversation, the customer summary, records and
 * cases opened from it), the conversation always on the left and the active other tab beside it,
 * as the reference's communication panel and application tabs.
 */
export function SessionView({ id }: { id: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const session = useSessions((s) => s.tabs[id]);
  const entry = useTimelines((s) => s.entries[id]);
  const me = useAuth((s) => s.user?.id ?? null);
  // The script is the conversation's agent's to follow (AG7): a consultant sees the conversation only.
  const holder = entry?.status === 'ready' && me !== null && entry.summary.agentId === me;
  const customer = entry?.status === 'ready' ? entry.summary.customerName : t('sessions.unknown');
  const tabs = session?.tabs ?? [{ id: conversationTabId(id), kind: 'conversation' as const, title: customer }];
  const activeId = session?.activeTabId ?? conversationTabId(id);
  const active = tabs.find((tab) => tab.id === activeId);
  const label = (tab: WorkspaceTab) =>
    tab.kind === 'conversation'
      ? t('records.conversationTab')
      : tab.kind === 'customer-summary'
        ? t('records.summaryTab')
        : tab.title;

  return (
    <div className={styles.session} data-testid="session-view" data-conversation-id={id}>
      <div role="tablist" aria-label={t('records.sessionTabs')} className={styles.strip}>
        {tabs.map((tab) => {
          const selected = tab.id === activeId;
          return (
            <div key={tab.id} className={mergeClasses(styles.tab, selected && styles.activeTab)}>
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                data-testid="inner-tab"
                data-kind={tab.kind}
                data-tab-id={tab.id}
                title={label(tab)}
                className={mergeClasses(styles.tabButton, selected && styles.activeLabel)}
                onClick={() => activateSessionTab(id, tab.id)}
              >
                {label(tab)}
              </button>
              {closableTab(id, tab.id) && (
                <Button
                  appearance="subtle"
                  size="small"
                  aria-label={t('sessions.closeTab', { name: label(tab) })}
                  data-testid="inner-tab-close"
                  onClick={() => closeSessionTab(id, tab.id)}
                >
                  ×
                </Button>
              )}
            </div>
          );
        })}
      </div>
      <div className={styles.body}>
        <div className={styles.conversation}>
          <ConversationPanel id={id} />
        </div>
        {holder && <ScriptPane conversationId={id} active={entry.summary.state === 'active'} />}
        {active && active.kind !== 'conversation' && (
          <div className={styles.pane} role="tabpanel" data-testid="tab-pane" data-kind={active.kind}>
            <SessionTabPane key={active.id} conversationId={id} tab={active} />
          </div>
        )}
      </div>
    </div>
  );
}
