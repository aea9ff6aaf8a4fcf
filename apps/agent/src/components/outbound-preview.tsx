import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { renderTemplate, type PlaceholderValues } from '@switchboard/protocol';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bubble: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusXLarge,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  /** The template's text in the language chosen; undefined until both are chosen. */
  text: string | undefined;
  /** Who the first message goes to, as the agent reads it; null until recipients are given. */
  to: string | null;
  values: PlaceholderValues;
};

/** The first recipient's message with what is known filled in; the server renders the real ones. */
export function OutboundPreview({ text, to, values }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const ready = text !== undefined && to !== null;
  return (
    <section className={styles.box} aria-label={t('outbound.preview')}>
      <Text weight="semibold">{t('outbound.preview')}</Text>
      {ready ? (
        <>
          <Caption1 data-testid="outbound-preview-to">{to}</Caption1>
          <p className={styles.bubble} data-testid="outbound-preview">
            {renderTemplate(text, values)}
          </p>
          <Caption1 className={styles.muted}>{t('outbound.previewHint')}</Caption1>
        </>
      ) : (
        <Caption1 className={styles.muted}>{t('outbound.previewEmpty')}</Caption1>
      )}
    </section>
  );
}
