import { makeStyles, tokens } from '@fluentui/react-components';
import type { Notification } from '@switchboard/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command';
import { useNow } from '@switchboard/web';
import { showWhileHidden } from '../lib/browser-notification';
import { playChime } from '../lib/notification-sound';
import { titleWithCount } from '../lib/notification-title';
import { useNotificationSound, useNotifications, type HeldNotification } from '../state/notifications-store';
import { useServices } from '../state/services-context';
import { NotificationCard } from './notification-card';

// Deadlines are the server's: compare them with the server's time as this browser estimates it.
const expired = (n: HeldNotification, now: number) => Date.parse(n.expiresAt) <= now - n.skewMs;

const useStyles = makeStyles({
  // Not a dialog: it floats over a corner and leaves the composer and sessions usable beneath.
  stack: {
    position: 'fixed',
    top: '56px',
    right: tokens.spacingHorizontalL,
    zIndex: 1000,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: 'calc(100vh - 72px)',
    overflowY: 'auto',
  },
});

/**
 * Every notification waiting for me (AG2), oldest on top: toasts go when their time is up,
 * alerts count down to a rejection the server records. New ones chime (unless muted), show as a
 * browser notification while the tab is hidden, and the tab title counts them.
 */
export function NotificationStack() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const services = useServices();
  const all = useNotifications((s) => s.notifications);
  const muted = useNotificationSound((s) => s.muted);
  const now = useNow(250);
  const command = useCommand('offer.failed');
  const seen = useRef(new Set<string>());

  const live = all.filter((n) => !expired(n, now));
  useEffect(() => {
    for (const n of all) if (expired(n, now)) useNotifications.getState().remove(n.id);
  }, [all, now]);

  const answer = (n: Notification, a: 'accept' | 'reject' | 'open' | 'dismiss') =>
    void command.run(n.id, () => services.answerNotification(n, a));

  // Announced once per tab: the chime, and the browser's notification while the tab is hidden.
  useEffect(() => {
    const lang = (i18n.resolvedLanguage ?? 'en') as 'en' | 'nl' | 'fr';
    for (const n of all) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      if (!useNotificationSound.getState().muted) playChime();
      const body = [n.payload.customerName, n.payload.firstMessage ?? ''].filter(Boolean).join(': ');
      showWhileHidden(n.payload.titles[lang] ?? n.payload.titles.en, body, n.id, () => {
        if (n.kind === 'toast') answer(n, 'open');
      });
    }
    // `answer` is recreated every render; what it calls is not.
  }, [all, i18n.resolvedLanguage]);

  const count = live.length;
  useEffect(() => {
    document.title = titleWithCount(document.title, count);
  }, [count]);
  useEffect(() => () => void (document.title = titleWithCount(document.title, 0)), []);

  if (live.length === 0) return null;
  return (
    <div className={styles.stack} aria-label={t('notification.stack')} data-muted={muted}>
      {live.map((n) => (
        <NotificationCard
          key={n.id}
          notification={n}
          now={now - n.skewMs}
          busy={command.pending === n.id}
          onAccept={() => answer(n, 'accept')}
          onReject={() => answer(n, 'reject')}
          onOpen={() => answer(n, 'open')}
          onDismiss={() => answer(n, 'dismiss')}
        />
      ))}
    </div>
  );
}
