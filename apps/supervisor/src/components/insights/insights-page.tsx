import { Divider, makeStyles, tokens } from '@fluentui/react-components';
import { LiveView } from './live-view';
import { ReportSection } from './report-section';
import { StaffingView } from './staffing-view';

const useStyles = makeStyles({
  page: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
});

/** The supervisor's Insights (SV9): now, what happened, and how many agents that traffic needs. */
export function InsightsPage() {
  const styles = useStyles();
  return (
    <main className={styles.page} data-testid="insights">
      <LiveView />
      <Divider />
      <ReportSection />
      <Divider />
      <StaffingView />
    </main>
  );
}
