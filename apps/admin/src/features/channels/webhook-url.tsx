import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ChannelProvider } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useNotify } from '../../components/notify';

const useStyles = makeStyles({
  box: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  url: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-all',
    userSelect: 'all',
  },
  // In the table a long URL (Azure's carries a token) is one line, cut; the title and Copy give it whole.
  short: { maxWidth: '220px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', wordBreak: 'normal' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A channel's webhook URL, selectable, with a copy button; with `provider`, where to paste it too. */
export function WebhookUrl({ url, provider }: { url: string; provider?: ChannelProvider }) {
  const styles = useStyles();
  const { t } = useT();
  const notify = useNotify();

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      notify.success(t('channels.copied'));
    } catch {
      // No clipboard (an insecure page, a refused permission): the URL can still be selected by hand.
    }
  }

  const line = (
    <div className={styles.box}>
      <code
        className={mergeClasses(styles.url, !provider && styles.short)}
        title={url}
        data-testid="channel-webhook-url"
      >
        {url}
      </code>
      <Button size="small" data-testid="channel-webhook-copy" onClick={() => void copy()}>
        {t('channels.copy')}
      </Button>
    </div>
  );
  if (!provider) return line;
  return (
    <div className={styles.column}>
      <Text weight="semibold">{t('channels.webhookUrl')}</Text>
      {line}
      <Text size={200} className={styles.muted} data-testid="channel-webhook-hint">
        {t('channels.webhookPaste')} {t(`channels.webhookHint.${provider}`)}
      </Text>
    </div>
  );
}
