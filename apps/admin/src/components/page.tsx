import { Body1, MessageBar, MessageBarBody, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginRight: 'auto', maxWidth: '760px' },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <div className={styles.titles}>
        <Title2 as="h1">{title}</Title2>
        {description && <Body1 className={styles.description}>{description}</Body1>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}

/** What a page shows while its data loads, or when it could not be loaded. */
export function Loading({ error }: { error?: unknown }) {
  const { t } = useT();
  if (error) {
    return (
      <MessageBar intent="error" data-testid="load-error">
        <MessageBarBody>{t('common.loadFailed', { message: error instanceof Error ? error.message : String(error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  return <Spinner label={t('common.loading')} />;
}
