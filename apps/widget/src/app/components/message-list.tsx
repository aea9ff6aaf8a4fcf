import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n.js';
import type { ConversationEvent } from '@switchboard/protocol';
import type { OutboxEntry } from '@switchboard/live';
import { AttachmentView, type LoadFile } from './attachment-view.js';
import { firstJoins } from '../lib/joined-lines.js';

type Props = {
  events: readonly ConversationEvent[];
  outbox: readonly OutboxEntry[];
  agentTyping: string | null;
  onDismiss(clientMessageId: string): void;
  /** Reads a file of the chat with the visitor's token (AG4). */
  loadFile: LoadFile;
};

type Kind = 'customer' | 'agent' | 'system' | 'bot';

/** Scroll follows new messages only while the reader is already at the bottom. */
const NEAR_BOTTOM_PX = 80;

export function MessageList({ events, outbox, agentTyping, onDismiss, loadFile }: Props) {
  const { t, language } = useT();
  const list = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });

  useLayoutEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [events.length, outbox.length, agentTyping]);

  const onScroll = () => {
    const el = list.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };

  const system = (key: string, text: string) => (
    <li key={key} className="msg msg-system" data-testid="chat-message" data-kind="system">
      {text}
    </li>
  );

  const joins = firstJoins(events);
  // The author's name heads a run of messages, not every bubble.
  let lastAuthor: string | null = null;

  function render(e: ConversationEvent): ReactNode {
    const node = renderEvent(e);
    lastAuthor = e.type === 'message' && node ? `${e.message.kind}:${e.message.authorName}` : null;
    return node;
  }

  function renderEvent(e: ConversationEvent): ReactNode {
    const key = `e${e.seq}`;
    switch (e.type) {
      case 'message': {
        if (e.message.kind === 'note') return null; // never sent to customers; be safe anyway
        if (e.message.kind === 'system') return system(key, e.message.text);
        const kind: Kind = e.message.kind;
        const showAuthor = kind !== 'customer' && lastAuthor !== `${kind}:${e.message.authorName}`;
        return (
          <li key={key} className={`msg msg-${kind}`} data-testid="chat-message" data-kind={kind}>
            {showAuthor && <span className="msg-author">{e.message.authorName}</span>}
            {e.message.text && <div className="msg-bubble">{e.message.text}</div>}
            {e.message.attachments?.length ? <AttachmentView files={e.message.attachments} load={loadFile} /> : null}
            <time className="msg-meta" dateTime={e.message.at}>
              {time.format(new Date(e.message.at))}
            </time>
          </li>
        );
      }
      case 'accepted':
        return joins.has(e.seq) ? system(key, t('system.joined', { name: e.agentName })) : null;
      case 'state':
        if (e.to === 'open') return system(key, t('system.requeued'));
        // wrap-up -> closed is the agent finishing paperwork: the customer already saw the end.
        if (e.to === 'wrap-up' || (e.to === 'closed' && e.from !== 'wrap-up')) {
          return system(
            key,
            e.actor.type === 'customer' ? t('system.endedByYou') : t('system.endedBy', { name: e.actor.name }),
          );
        }
        return null;
      default:
        return null;
    }
  }

  return (
    <div className="messages" ref={list} onScroll={onScroll}>
      <ol className="message-list" data-testid="chat-messages" role="log" aria-live="polite">
        {events.map(render)}
        {outbox.map((item) => (
          <li
            key={item.clientMessageId}
            className={`msg msg-customer${item.error ? ' msg-failed' : ' msg-pending'}`}
            data-testid="chat-message"
            data-kind="customer"
            data-pending={item.error ? undefined : 'true'}
          >
            {item.text && <div className="msg-bubble">{item.text}</div>}
            {item.attachments?.length ? <AttachmentView files={item.attachments} load={loadFile} /> : null}
            {item.error ? (
              <span className="msg-meta msg-error" role="alert">
                {t('message.failed', { error: item.error })}{' '}
                <button type="button" className="link-button" onClick={() => onDismiss(item.clientMessageId)}>
                  {t('message.dismiss')}
                </button>
              </span>
            ) : (
              <span className="msg-meta">{t('message.sending')}</span>
            )}
          </li>
        ))}
      </ol>
      {agentTyping && (
        <p className="typing" data-testid="chat-typing">
          <span className="typing-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {t('typing', { name: agentTyping })}
        </p>
      )}
    </div>
  );
}
