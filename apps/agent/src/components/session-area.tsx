import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessions } from '../state/sessions-store';
import { useServices } from '../state/services-context';
import { useTimelines } from '../state/timelines-store';
import { SessionView } from './session-view';
import { HomeView } from './home-view';
import { SentimentMark } from './sentiment-mark';

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
});

/** The home tab and the open conversations as tabs (AG3, AG10); only the active one is mounted. */
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
      <div role="tablist" aria-label={t('sessions.label')} className={styles.tabs}>
        {/* The home tab, like the reference's anchor tab: never closed, always first (AG10). */}
        <div className={mergeClasses(styles.tab, activeId === null && styles.activeTab)}>
          <button
            type="button"
            role="tab"
            aria-selected={activeId === null}
            data-testid="home-tab"
            className={mergeClasses(styles.tabButton, activeId === null && styles.activeLabel)}
            onClick={() => useSessions.getState().activate(null)}
          >
            {t('home.tab')}
          </button>
        </div>
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
              {entry?.status === 'ready' && <SentimentMark conversation={entry.summary} />}
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
      {activeId ? <SessionView key={activeId} id={activeId} /> : <HomeView />}
    </section>
  );
}
