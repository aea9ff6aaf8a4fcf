import { Caption1, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Callback } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  card: {
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  title: { gridColumn: '1 / -1' },
  label: { color: tokens.colorNeutralForeground3 },
});

/** What the customer left when they asked to be called back (AG11): how to reach them, and when. */
export function CallbackCard({ callback }: { callback: Callback }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const when = callback.preferredAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(callback.preferredAt),
      )
    : t('callback.soon');
  return (
    <section className={styles.card} data-testid="callback-card" aria-label={t('callback.title')}>
      <Subtitle2 className={styles.title}>{t('callback.title')}</Subtitle2>
      {callback.phone && (
        <>
          <Caption1 className={styles.label}>{t('callback.phone')}</Caption1>
          <Link href={`tel:${callback.phone}`} data-testid="callback-phone" aria-label={t('callback.call')}>
            {callback.phone}
          </Link>
        </>
      )}
      {callback.email && (
        <>
          <Caption1 className={styles.label}>{t('callback.email')}</Caption1>
          <Link href={`mailto:${callback.email}`} data-testid="callback-email">
            {callback.email}
          </Link>
        </>
      )}
      <Caption1 className={styles.label}>{t('callback.preferred')}</Caption1>
      <Text data-testid="callback-when">{when}</Text>
      {callback.note && (
        <>
          <Caption1 className={styles.label}>{t('callback.note')}</Caption1>
          <Text data-testid="callback-note">{callback.note}</Text>
        </>
      )}
    </section>
  );
}
