import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PendingTransfer } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { formatDuration, secondsLeft } from '../lib/time';

export type TransferAlertProps = {
  transfer: PendingTransfer;
  /** The server's current time in ms, as this browser estimates it (ticked by the host). */
  now: number;
  /** Transfers queued behind this one. */
  queued: number;
  busy: boolean;
  onAccept(): void;
  onReject(): void;
};

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '8em',
    overflowY: 'auto',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/**
 * A colleague hands me a conversation, or asks me to consult on it (AG5): who, why, how long the
 * customer waits, and until when I can answer.
 */
export function TransferAlert({ transfer, now, queued, busy, onAccept, onReject }: TransferAlertProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const total = Math.max(1, Math.round((Date.parse(transfer.expiresAt) - Date.parse(transfer.requestedAt)) / 1000));
  const left = Math.min(total, secondsLeft(transfer.expiresAt, now));
  // A consult request comes the same way (AG5); accepting it makes me a consultant, not the agent.
  const consult = transfer.kind === 'consult';
  return (
    <Dialog open modalType="alert">
      <DialogSurface
        data-testid="transfer-alert"
        data-transfer-id={transfer.id}
        data-conversation-id={transfer.conversationId}
        data-kind={transfer.kind}
      >
        <DialogBody>
          <DialogTitle>{consult ? t('consult.alertTitle') : t('transfer.alertTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text data-testid="transfer-customer" size={500} weight="semibold">
              {transfer.customerName}
            </Text>
            <blockquote className={styles.message} aria-label={t('offer.firstMessage')}>
              {transfer.firstMessage ?? t('offer.noMessage')}
            </blockquote>
            <dl className={styles.facts}>
              <dt className={styles.term}>{t('transfer.from')}</dt>
              <dd className={styles.value} data-testid="transfer-from">
                {transfer.fromName}
              </dd>
              {transfer.note && (
                <>
                  <dt className={styles.term}>{t('transfer.noteShown')}</dt>
                  <dd className={styles.value} data-testid="transfer-note-shown">
                    {transfer.note}
                  </dd>
                </>
              )}
              <dt className={styles.term}>{t('offer.queue')}</dt>
              <dd className={styles.value}>{transfer.queueName ?? t('offer.noQueue')}</dd>
              <dt className={styles.term}>{t('offer.waited')}</dt>
              <dd className={styles.value} data-testid="transfer-waited">
                {formatDuration(now - Date.parse(transfer.waitingSince))}
              </dd>
              <dt className={styles.term}>{t('offer.expiresIn')}</dt>
              <dd className={styles.value} data-testid="transfer-countdown" aria-live="off">
                {t('offer.seconds', { count: left })}
              </dd>
            </dl>
            <ProgressBar value={Math.min(1, left / total)} color={left <= 10 ? 'error' : 'brand'} thickness="large" />
            {consult && <Caption1>{t('consult.alertHint', { name: transfer.fromName })}</Caption1>}
            {queued > 0 && <Caption1>{t('transfer.more', { count: queued })}</Caption1>}
          </DialogContent>
          <DialogActions>
            <Button data-testid="transfer-reject" disabled={busy} onClick={onReject}>
              {t('offer.reject')}
            </Button>
            <Button data-testid="transfer-accept" appearance="primary" disabled={busy} onClick={onAccept}>
              {t('offer.accept')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
