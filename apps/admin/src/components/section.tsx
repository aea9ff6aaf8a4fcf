import { Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '980px' },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  description: { color: tokens.colorNeutralForeground2 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** A titled card of related settings. */
export function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={testId}>
      <div className={styles.head}>
        <Subtitle2 as="h2">{title}</Subtitle2>
        {description && (
          <Text size={200} className={styles.description}>
            {description}
          </Text>
        )}
      </div>
      {children}
    </Card>
  );
}

/** Fields side by side, wrapping on narrow screens. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className={useStyles().fields}>{children}</div>;
}

export function Stack({ children }: { children: ReactNode }) {
  return <div className={useStyles().stack}>{children}</div>;
}

export function ButtonBar({ children }: { children: ReactNode }) {
  return <div className={useStyles().bar}>{children}</div>;
}
