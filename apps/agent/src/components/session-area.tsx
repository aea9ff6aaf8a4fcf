import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessions } from '../state/sessions-store';
import { useServices } from '../state/services-context';
import { useTimelines } from '../state/timelines-store';
import { ConversationPanel } from './conversation-panel';

const useStyles = makeStyles({
  area: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  tabs: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    flexShrink: 0,
  },
  tab: {
    display: 'flex',
    alignItems: 'center',
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    border: `1px solid transparent`,
    borderBottom: 'none',
  },
  activeTab: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}`,
  },
  tabButton: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    maxWidth: '200px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  activeLabel: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  empty: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground3,
  },
});

/** Open conversations as tabs (AG3, first part); only the active one is mounted. */
export function SessionArea() {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const openIds = useSessions((s) => s.openIds);
  const activeId = useSessions((s) => s.activeId);
  const names = useTimelines((s) => s.entries);

  // Every open session stays loaded and live, not just the visible one: tab names, reconnect catch-up.
  useEffect(() => {
    for (const id of openIds) void services.sync.load(id);
  }, [openIds, services]);

  return (
    <section className={styles.area}>
      {openIds.length > 0 && (
        <div role="tablist" aria-label={t('sessions.label')} className={styles.tabs}>
          {openIds.map((id) => {
            const entry = names[id];
            const name = entry?.status === 'ready' ? entry.summary.customerName : t('sessions.unknown');
            const active = id === activeId;
            return (
              <div key={id} className={mergeClasses(styles.tab, active && styles.activeTab)}>
                <button
                  type="button"
                  role="tab"
                  aria-selected={active}
                  data-testid="session-tab"
                  data-conversation-id={id}
                  className={mergeClasses(styles.tabButton, active && styles.activeLabel)}
                  onClick={() => useSessions.getState().activate(id)}
                >
                  {name}
                </button>
                <Button
                  appearance="subtle"
                  size="small"
                  aria-label={t('sessions.closeTab', { name })}
                  data-testid="session-tab-close"
                  onClick={() => services.closeSession(id)}
                >
                  ×
                </Button>
              </div>
            );
          })}
        </div>
      )}
      {activeId ? (
        <ConversationPanel key={activeId} id={activeId} />
      ) : (
        <div className={styles.empty}>
          <Text>{t('sessions.empty')}</Text>
        </div>
      )}
    </section>
  );
}
