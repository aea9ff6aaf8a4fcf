import { Spinner, Tab, TabList, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { StaffHeader } from '@switchboard/web';
import type { SupervisorSwitches } from '@switchboard/protocol';
import { Suspense, lazy, useState } from 'react';
import { useT } from '../i18n';
import { useAuth } from '../state/auth-store';
import { MonitorPane } from './monitor-pane';
import { OngoingFilters, type Filters } from './ongoing-filters';
import { OngoingTable } from './ongoing-table';
import { SentimentAlerts } from './sentiment-alerts';

const useStyles = makeStyles({
  shell: { flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  body: { flexGrow: 1, display: 'flex', minHeight: 0 },
  tabs: { paddingLeft: tokens.spacingHorizontalM, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  hidden: { display: 'none' },
  main: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

// Insights and its charts load when first opened: the desk's own bundle stays as it was.
const InsightsPage = lazy(async () => ({ default: (await import('./insights/insights-page')).InsightsPage }));

const ALL_ON: SupervisorSwitches = { monitor: true, assign: true, transfer: true, 'force-close': true };

/** The supervisor's desk: the ongoing conversations, filtered, and the one picked from them; or Insights (SV9). */
export function Desk() {
  const styles = useStyles();
  const { t } = useT();
  const user = useAuth((s) => s.user);
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [switches, setSwitches] = useState<SupervisorSwitches>(ALL_ON);
  const [view, setView] = useState<'ongoing' | 'insights'>('ongoing');

  return (
    <div className={styles.shell}>
      <StaffHeader
        orgName={user?.orgName}
        appName={t('app.supervisor')}
        userName={user?.name}
        signOutLabel={t('header.signOut')}
        onSignOut={() => useAuth.getState().signOut()}
      />
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_e, d) => setView(d.value as typeof view)}>
        <Tab value="ongoing" data-testid="tab-ongoing">
          {t('ongoing.title')}
        </Tab>
        <Tab value="insights" data-testid="tab-insights">
          {t('insights.tab')}
        </Tab>
      </TabList>
      {view === 'insights' && (
        <Suspense fallback={<Spinner />}>
          <InsightsPage />
        </Suspense>
      )}
      {/* Hidden, not unmounted: a watch in progress and the list's loaded pages outlast a look at Insights. */}
      <div className={mergeClasses(styles.body, view !== 'ongoing' && styles.hidden)}>
        <main className={styles.main}>
          <Title3 as="h1">{t('ongoing.title')}</Title3>
          <OngoingFilters value={filters} onChange={setFilters} />
          <OngoingTable filters={filters} selectedId={selected} onSelect={setSelected} onSwitches={setSwitches} />
        </main>
        {selected && <MonitorPane key={selected} id={selected} switches={switches} />}
      </div>
      <SentimentAlerts />
    </div>
  );
}
