import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNow } from '@switchboard/web';
import { useConnection } from '../state/connection-store';

/** A "typing" signal older than this is stale: the customer's "stopped" may never arrive. */
export const TYPING_TIMEOUT_MS = 4000;

const useStyles = makeStyles({
  line: {
    minHeight: '1.5em',
    padding: `0 ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
});

export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const typing = useConnection((s) => s.typing[conversationId]);
  const now = useNow(500);
  const visible = typing !== undefined && now - typing.at < TYPING_TIMEOUT_MS;
  return (
    <div className={styles.line} aria-live="polite">
      {visible && <Caption1 data-testid="typing-indicator">{t('timeline.typing', { name: typing.name })}</Caption1>}
    </div>
  );
}
