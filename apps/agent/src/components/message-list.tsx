import { makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationEvent } from '@switchboard/protocol';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { unconfirmed } from '@switchboard/live';
import { useAuth } from '../state/auth-store';
import { useOutbox } from '../state/outbox-store';
import { useServices } from '../state/services-context';
import { useSessions } from '../state/sessions-store';
import { deliveryMarks } from '../lib/delivery-marks';
import { ConsultLine } from './consult-line';
import { MessageItem, SystemLine } from './message-item';
import { TransferLine } from './transfer-line';

const useStyles = makeStyles({
  list: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

type Props = { conversationId: string; events: readonly ConversationEvent[] };

export function MessageList({ conversationId, events }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const outbox = useOutbox((s) => s.entries);
  const me = useAuth((s) => s.user?.name ?? '');
  const listRef = useRef<HTMLDivElement>(null);

  // Sent but not yet in the history: shown after it, as pending (or failed).
  const unsent = useMemo(() => unconfirmed(outbox, events, conversationId), [outbox, events, conversationId]);
  const itemCount = events.length + unsent.length;
  const marks = useMemo(() => deliveryMarks(events), [events]);

  // Back on a session (AG3), the list is where the agent left it; anything new scrolls to the end.
  const restore = useRef(useSessions.getState().scroll[conversationId]);
  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    el.scrollTop = restore.current ?? el.scrollHeight;
    restore.current = undefined;
  }, [itemCount]);
  const onScroll = () => {
    const el = listRef.current;
    if (el) useSessions.getState().setScroll(conversationId, el.scrollTop);
  };

  return (
    <div
      className={styles.list}
      ref={listRef}
      role="log"
      aria-label={t('timeline.label')}
      data-testid="message-list"
      onScroll={onScroll}
    >
      {events.map((e) => {
        switch (e.type) {
          case 'message':
            return (
              <MessageItem
                key={e.seq}
                message={{ key: e.message.id, ...e.message }}
                channel={marks.get(e.message.id)}
              />
            );
          case 'state':
            return (
              <SystemLine
                key={e.seq}
                text={t('timeline.stateChange', { state: t(`state.${e.to}`), actor: e.actor.name })}
              />
            );
          case 'accepted':
            return <SystemLine key={e.seq} text={t('timeline.accepted', { name: e.agentName })} />;
          case 'transfer':
            return <TransferLine key={e.seq} event={e} />;
          case 'consult':
            return <ConsultLine key={e.seq} event={e} />;
          default:
            // Offers made and declined are routing detail, not part of the conversation.
            return null;
        }
      })}
      {unsent.map((e) => (
        <MessageItem
          key={e.clientMessageId}
          message={{
            key: e.clientMessageId,
            kind: e.internal ? 'note' : 'agent',
            text: e.text,
            attachments: e.attachments,
            authorName: me,
            at: new Date(e.createdAt).toISOString(),
            delivery: e.status,
            error: e.error,
          }}
          onRetry={() => services.retrySend(e.clientMessageId)}
          onDiscard={() => services.discardSend(e.clientMessageId)}
        />
      ))}
    </div>
  );
}
