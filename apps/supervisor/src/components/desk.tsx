import { Title3, makeStyles, tokens } from '@fluentui/react-components';
import { StaffHeader } from '@switchboard/web';
import type { SupervisorSwitches } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../i18n';
import { useAuth } from '../state/auth-store';
import { MonitorPane } from './monitor-pane';
import { OngoingFilters, type Filters } from './ongoing-filters';
import { OngoingTable } from './ongoing-table';
import { SentimentAlerts } from './sentiment-alerts';

const useStyles = makeStyles({
  shell: { flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  body: { flexGrow: 1, display: 'flex', minHeight: 0 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

const ALL_ON: SupervisorSwitches = { monitor: true, assign: true, transfer: true, 'force-close': true };

/** The supervisor's desk: the ongoing conversations, filtered, and the one picked from them. */
export function Desk() {
  const styles = useStyles();
  const { t } = useT();
  const user = useAuth((s) => s.user);
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [switches, setSwitches] = useState<SupervisorSwitches>(ALL_ON);

  return (
    <div className={styles.shell}>
      <StaffHeader
        orgName={user?.orgName}
        appName={t('app.supervisor')}
        userName={user?.name}
        signOutLabel={t('header.signOut')}
        onSignOut={() => useAuth.getState().signOut()}
      />
      <div className={styles.body}>
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
