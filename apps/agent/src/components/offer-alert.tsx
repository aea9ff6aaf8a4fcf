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
import type { Offer } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { formatDuration, secondsLeft } from '../lib/time';

export type OfferAlertProps = {
  offer: Offer;
  /** The server's current time in ms, as this browser estimates it: the parent ticks it so waited time and countdown move. */
  now: number;
  /** Offers queued behind this one. */
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
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
});

export function OfferAlert({ offer, now, queued, busy, onAccept, onReject }: OfferAlertProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const total = Math.max(1, Math.round((Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000));
  // `now` may lag a tick behind: never show more time than the offer had.
  const left = Math.min(total, secondsLeft(offer.expiresAt, now));
  return (
    <Dialog open modalType="alert">
      <DialogSurface data-testid="offer-alert" data-offer-id={offer.id} data-conversation-id={offer.conversationId}>
        <DialogBody>
          <DialogTitle>{t('offer.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text data-testid="offer-customer" size={500} weight="semibold">
              {offer.customerName}
            </Text>
            <blockquote data-testid="offer-message" className={styles.message} aria-label={t('offer.firstMessage')}>
              {offer.firstMessage ?? t('offer.noMessage')}
            </blockquote>
            <dl className={styles.facts}>
              <dt className={styles.term}>{t('offer.queue')}</dt>
              <dd className={styles.value}>{offer.queueName ?? t('offer.noQueue')}</dd>
              <dt className={styles.term}>{t('offer.waited')}</dt>
              <dd className={styles.value} data-testid="offer-waited">
                {formatDuration(now - Date.parse(offer.waitingSince))}
              </dd>
              <dt className={styles.term}>{t('offer.expiresIn')}</dt>
              <dd className={styles.value} data-testid="offer-countdown" aria-live="off">
                {t('offer.seconds', { count: left })}
              </dd>
            </dl>
            <ProgressBar value={Math.min(1, left / total)} color={left <= 10 ? 'error' : 'brand'} thickness="large" />
            {queued > 0 && <Caption1>{t('offer.more', { count: queued })}</Caption1>}
          </DialogContent>
          <DialogActions>
            <Button data-testid="offer-reject" disabled={busy} onClick={onReject}>
              {t('offer.reject')}
            </Button>
            <Button data-testid="offer-accept" appearance="primary" disabled={busy} onClick={onAccept}>
              {t('offer.accept')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
