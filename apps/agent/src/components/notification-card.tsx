import {
  Button,
  FluentProvider,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Notification, NotificationField } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { formatDuration, secondsLeft } from '../lib/time';

export type NotificationCardProps = {
  notification: Notification;
  /** The server's current time in ms, as this browser estimates it (the stack ticks it). */
  now: number;
  busy: boolean;
  onAccept(): void;
  onReject(): void;
  onOpen(): void;
  onDismiss(): void;
};

const useStyles = makeStyles({
  card: {
    width: '360px',
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: {
    ...{ border: 'none', backgroundColor: 'transparent', padding: 0, margin: 0, textAlign: 'start' },
    ...{ font: 'inherit', color: 'inherit', cursor: 'pointer' },
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  message: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '5em',
    overflowY: 'auto',
  },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

/**
 * One notification (AG2): a toast (click to open its session, or dismiss) or an alert (Accept or
 * Reject before the countdown ends). It shows the fields and theme its template chose.
 */
export function NotificationCard({ notification: n, now, busy, ...on }: NotificationCardProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const p = n.payload;
  const lang = (i18n.resolvedLanguage ?? 'en') as 'en' | 'nl' | 'fr';
  const title = p.titles[lang] ?? p.titles.en;
  const total = Math.max(1, Math.round((Date.parse(n.expiresAt) - Date.parse(n.createdAt)) / 1000));
  const left = Math.min(total, secondsLeft(n.expiresAt, now));
  const shows = (f: NotificationField) => p.fields.includes(f);
  const fact = (f: NotificationField, label: string, value: string, testId: string = f) =>
    shows(f) && (
      <>
        <dt className={styles.term}>{label}</dt>
        <dd className={styles.value} data-testid={`notification-${testId}`}>
          {value}
        </dd>
      </>
    );
  const details = (
    <>
      {shows('customerName') && (
        <Text data-testid="notification-customerName" size={400} weight="semibold">
          {p.customerName}
        </Text>
      )}
      {shows('firstMessage') && (
        <blockquote data-testid="notification-firstMessage" className={styles.message}>
          {p.firstMessage ?? t('notification.noMessage')}
        </blockquote>
      )}
      <dl className={styles.facts}>
        {fact('waitTime', t('notification.waited'), formatDuration(now - Date.parse(p.waitingSince)))}
        {fact('queue', t('notification.queue'), p.queueName ?? t('notification.noQueue'))}
        {fact('channel', t('notification.channel'), t(`notification.channels.${p.channel}`))}
        {p.fromName && fact('note', t('notification.from'), p.fromName, 'from')}
        {p.note && fact('note', t('notification.note'), p.note)}
      </dl>
    </>
  );
  return (
    <FluentProvider theme={p.theme === 'dark' ? webDarkTheme : webLightTheme}>
      <section
        className={styles.card}
        data-testid="notification"
        data-kind={n.kind}
        data-scenario={n.scenario}
        data-subject={n.subject?.type ?? ''}
        data-theme={p.theme}
        data-notification-id={n.id}
        data-conversation-id={n.conversationId ?? ''}
        role={n.kind === 'alert' ? 'alertdialog' : 'status'}
        aria-label={title}
      >
        <div className={styles.head}>
          <h2 className={styles.title}>{title}</h2>
          {n.kind === 'toast' && (
            <Button
              data-testid="notification-dismiss"
              appearance="subtle"
              size="small"
              aria-label={t('notification.dismiss')}
              disabled={busy}
              onClick={on.onDismiss}
            >
              ✕
            </Button>
          )}
        </div>
        {n.kind === 'toast' ? (
          <button type="button" className={styles.body} data-testid="notification-open" onClick={on.onOpen}>
            {details}
          </button>
        ) : (
          <>
            {details}
            <Text data-testid="notification-countdown" aria-live="off">
              {t('notification.answerWithin', { count: left })}
            </Text>
            <ProgressBar value={Math.min(1, left / total)} color={left <= 10 ? 'error' : 'brand'} thickness="large" />
            <div className={styles.actions}>
              <Button data-testid="notification-reject" disabled={busy} onClick={on.onReject}>
                {t('notification.reject')}
              </Button>
              <Button data-testid="notification-accept" appearance="primary" disabled={busy} onClick={on.onAccept}>
                {t('notification.accept')}
              </Button>
            </div>
          </>
        )}
      </section>
    </FluentProvider>
  );
}
