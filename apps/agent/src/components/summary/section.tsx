import { Card, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  title: { marginRight: 'auto' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

/** One card of the summary or a record tab: a title, actions on the right, its content. */
export function Section(props: { title: string; testId: string; actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={props.testId} size="small">
      <div className={styles.head}>
        <Subtitle2 as="h3" className={styles.title}>
          {props.title}
        </Subtitle2>
        {props.actions}
      </div>
      {props.children}
    </Card>
  );
}

/** Label and value pairs; an empty value shows as a dash. `id` names each value for tests. */
export function Fields({ rows }: { rows: { id: string; label: string; value: ReactNode }[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.grid}>
      {rows.map((row) => (
        <div key={row.id} style={{ display: 'contents' }}>
          <dt>
            <Caption1 className={styles.label}>{row.label}</Caption1>
          </dt>
          <dd className={styles.value} data-field={row.id}>
            {row.value === null || row.value === undefined || row.value === '' ? '–' : row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
