import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AttachmentRef, MessageKind } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import type { DeliveryMark } from '../lib/delivery-marks';
import { AttachmentView } from './attachment-view';
import { DeliveryLine } from './delivery-line';

export type MessageView = {
  key: string;
  kind: MessageKind;
  text: string;
  authorName: string;
  at: string;
  /** Files sent with it (AG4). */
  attachments?: readonly AttachmentRef[];
  /** Only for messages still in the outbox. */
  delivery?: 'pending' | 'failed';
  error?: string | null;
};

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', maxWidth: '72%', gap: tokens.spacingVerticalXXS },
  left: { alignSelf: 'flex-start', alignItems: 'flex-start' },
  right: { alignSelf: 'flex-end', alignItems: 'flex-end' },
  meta: { color: tokens.colorNeutralForeground3 },
  bubble: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusXLarge,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  customer: { backgroundColor: tokens.colorNeutralBackground3 },
  agent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  bot: { backgroundColor: tokens.colorNeutralBackground4 },
  note: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    border: `1px dashed ${tokens.colorPaletteYellowBorderActive}`,
    color: tokens.colorNeutralForeground1,
  },
  noteLabel: { fontWeight: tokens.fontWeightSemibold, textTransform: 'uppercase', letterSpacing: '0.04em' },
  pending: { opacity: 0.6 },
  failed: { border: `1px solid ${tokens.colorPaletteRedBorder2}` },
  status: {
    color: tokens.colorNeutralForeground3,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  system: { alignSelf: 'center', color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

/** A line of what happened (accepted, status, transfer …); `testId` and `step` set apart the transfer lines. */
export function SystemLine({ text, testId = 'message', step }: { text: string; testId?: string; step?: string }) {
  const styles = useStyles();
  return (
    <Caption1 as="p" className={styles.system} data-testid={testId} data-kind="system" data-step={step}>
      {text}
    </Caption1>
  );
}

type Props = {
  message: MessageView;
  /** Where a reply on a channel such as SMS has got (sent, delivered, failed ...), from the provider. */
  channel?: DeliveryMark;
  onRetry?: () => void;
  onDiscard?: () => void;
};

export function MessageItem({ message, channel, onRetry, onDiscard }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const mine = message.kind === 'agent' || message.kind === 'note';
  const pending = message.delivery === 'pending';
  const failed = message.delivery === 'failed';
  const time = new Date(message.at).toLocaleTimeString(i18n.resolvedLanguage, { hour: '2-digit', minute: '2-digit' });
  const tone =
    message.kind === 'agent'
      ? styles.agent
      : message.kind === 'note'
        ? styles.note
        : message.kind === 'bot'
          ? styles.bot
          : styles.customer;

  if (message.kind === 'system') return <SystemLine text={message.text} />;
  // Author and time sit outside the testid'd element, so its text is the message itself.
  return (
    <div className={mergeClasses(styles.row, mine ? styles.right : styles.left)}>
      <Caption1 className={styles.meta}>
        {message.authorName} · {time}
      </Caption1>
      {(message.text || !message.attachments?.length) && (
        <div
          className={mergeClasses(styles.bubble, tone, pending && styles.pending, failed && styles.failed)}
          data-testid="message"
          data-kind={message.kind}
          data-pending={pending ? 'true' : undefined}
          data-failed={failed ? 'true' : undefined}
        >
          {message.kind === 'note' && <Caption1 className={styles.noteLabel}>{t('timeline.internalNote')}</Caption1>}
          <span>{message.text}</span>
        </div>
      )}
      {/* Files sit under the bubble, so an image keeps its own colours and the bubble's text stays the message. */}
      {message.attachments && message.attachments.length > 0 && (
        <div className={mergeClasses(pending && styles.pending)} data-testid="message-attachments">
          <AttachmentView files={message.attachments} />
        </div>
      )}
      {pending && <Caption1 className={styles.status}>{t('timeline.sending')}</Caption1>}
      {channel && <DeliveryLine mark={channel} />}
      {failed && (
        <span className={styles.status}>
          <Caption1 className={styles.error} role="alert">
            {t('timeline.failed', { message: message.error ?? '' })}
          </Caption1>
          <Button size="small" appearance="subtle" onClick={onRetry}>
            {t('timeline.retry')}
          </Button>
          <Button size="small" appearance="subtle" onClick={onDiscard}>
            {t('timeline.discard')}
          </Button>
        </span>
      )}
    </div>
  );
}
