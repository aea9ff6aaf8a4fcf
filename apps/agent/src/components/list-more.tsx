import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/** Under a paged list: how many of the total are shown, and a button for the next page. */
export function ListMore({
  testId,
  shown,
  total,
  hasMore,
  loading,
  onMore,
}: {
  testId: string;
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore(): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <div className={styles.footer}>
      <Caption1 className={styles.muted} data-testid={`${testId}-total`} data-shown={shown} data-total={total}>
        {t('lists.shown', { shown, total })}
      </Caption1>
      {hasMore && (
        <Button size="small" appearance="subtle" data-testid={`${testId}-more`} disabled={loading} onClick={onMore}>
          {loading ? t('lists.loadingMore') : t('lists.more')}
        </Button>
      )}
    </div>
  );
}
