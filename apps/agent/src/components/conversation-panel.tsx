import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '@switchboard/web';
import { useAuth } from '../state/auth-store';
import { myConsult } from '../lib/consult-status';
import { sessionTimer } from '../lib/session-timer';
import { formatDuration } from '../lib/time';
import { useServices } from '../state/services-context';
import { useTimelines } from '../state/timelines-store';
import type { ReadyTimeline } from '../state/timeline-sync';
import { CallbackCard } from './callback-card';
import { Composer } from './composer';
import { ConsultBanner } from './consult-banner';
import { ConsultantsBar } from './consultants-bar';
import { ConversationActions } from './conversation-actions';
import { MessageList } from './message-list';
import { StateBadge } from './state-badge';
import { TypingIndicator } from './typing-indicator';
import { WrapUpSection } from './wrap-up-form';

const useStyles = makeStyles({
  panel: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  timer: { fontVariantNumeric: 'tabular-nums' },
  center: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalL,
  },
});

/** How long the session has been open, then how long wrap-up has taken (AG4: it restarts at wrap-up). */
export function SessionTimer({
  summary,
  events,
}: {
  summary: ConversationSummary;
  events: readonly ConversationEvent[];
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const now = useNow(1000);
  const timer = sessionTimer(summary, events);
  const label = timer.phase === 'wrap-up' ? t('conversation.wrapUpTime') : t('conversation.sessionTime');
  const end = timer.until ? Date.parse(timer.until) : now;
  return (
    <Caption1
      className={styles.timer}
      data-testid="session-timer"
      data-phase={timer.phase}
      data-running={timer.until === null}
      title={label}
    >
      {label}: {formatDuration(end - Date.parse(timer.since))}
    </Caption1>
  );
}

function ReadyPanel({ id, timeline }: { id: string; timeline: ReadyTimeline }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { summary } = timeline;
  const events = timeline.seq.events;
  const me = useAuth((s) => s.user ?? null);
  const consult = myConsult(events, me, summary.agentId);
  const primary = me !== null && summary.agentId === me.id;

  return (
    <section
      className={styles.panel}
      data-testid="conversation-panel"
      data-conversation-id={id}
      data-state={summary.state}
      data-consultant={consult ? 'true' : undefined}
    >
      <div className={styles.header}>
        <div className={styles.who}>
          <Text weight="semibold" size={500} truncate wrap={false}>
            {summary.customerName}
          </Text>
          <Caption1 className={styles.muted}>
            {[
              summary.channel !== 'webchat'
                ? `${t(`channel.${summary.channel}`)} ${summary.customerAddress ?? ''}`.trim()
                : null,
              summary.customerEmail,
              summary.queueName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Caption1>
        </div>
        <StateBadge conversation={summary} />
        <SessionTimer summary={summary} events={events} />
        <ConversationActions id={id} summary={summary} events={events} me={me?.id ?? null} consultant={!!consult} />
      </div>
      {timeline.callback && <CallbackCard callback={timeline.callback} />}
      {consult && <ConsultBanner conversationId={id} consult={consult} agentName={summary.agentName} />}
      {primary && <ConsultantsBar conversationId={id} events={events} agentName={summary.agentName} />}
      <MessageList conversationId={id} events={events} />
      <TypingIndicator conversationId={id} />
      <WrapUpSection conversationId={id} summary={summary} saved={timeline.wrapUp} />
      <Composer conversationId={id} summary={summary} consult={consult} />
    </section>
  );
}

export function ConversationPanel({ id }: { id: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const entry = useTimelines((s) => s.entries[id]);

  useEffect(() => {
    void services.sync.load(id);
  }, [id, services]);

  if (entry?.status === 'ready') return <ReadyPanel id={id} timeline={entry} />;
  if (entry?.status === 'error') {
    return (
      <div className={styles.center}>
        <MessageBar intent="error">
          <MessageBarBody>{t('sessions.loadFailed', { message: entry.error })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void services.sync.reload(id)}>{t('sessions.retry')}</Button>
            <Button onClick={() => services.closeSession(id)}>
              {t('sessions.closeTab', { name: t('sessions.unknown') })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.center}>
      <Spinner label={t('sessions.loading')} />
    </div>
  );
}
