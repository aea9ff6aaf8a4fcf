import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { renderTemplate, type PlaceholderValues } from '@switchboard/protocol';
import { useAuth } from '../../state/auth-store';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusXLarge,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    minHeight: '2.5em',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Made-up values for the preview; the signed-in admin stands in for the agent who sends. */
export function sampleValues(agentName: string): PlaceholderValues {
  return { customerName: 'Emma Janssen', agentName, orgName: 'Contoso', channelNumber: '+15005550006' };
}

/** The text as a customer would read it, with sample values in its placeholders. */
export function TemplatePreview({ text, languageName }: { text: string; languageName: string }) {
  const styles = useStyles();
  const { t } = useT();
  const agentName = useAuth((s) => s.user?.name ?? '');
  return (
    <div className={styles.box}>
      <Text weight="semibold">{t('templates.preview', { language: languageName })}</Text>
      <p className={styles.text} data-testid="template-preview">
        {text.trim() === '' ? (
          <span className={styles.muted}>{t('templates.previewEmpty', { language: languageName })}</span>
        ) : (
          renderTemplate(text, sampleValues(agentName))
        )}
      </p>
      <Text size={200} className={styles.muted}>
        {t('templates.previewHint')}
      </Text>
    </div>
  );
}
