import { useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n.js';
import type { PrechatAnswers } from '@switchboard/protocol';
import type { ChatSession } from '../lib/chat-session.js';
import { ChatView } from './chat-view.js';
import { ConnectionStatus } from './connection-status.js';
import { PrechatForm } from './prechat-form.js';

type Props = { session: ChatSession; onMinimize(): void };

export function App({ session, onMinimize }: Props) {
  const { t } = useT();
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  // Remembered for this page only, to prefill "Start a new chat".
  const [last, setLast] = useState<Pick<PrechatAnswers, 'name' | 'email'> | undefined>();

  async function start(answers: PrechatAnswers) {
    await session.startChat(answers);
    setLast({ name: answers.name, email: answers.email });
  }

  return (
    <div className="widget" onKeyDown={(e) => e.key === 'Escape' && onMinimize()}>
      <header className="widget-header">
        <h1>{snap.title ?? t('header.title')}</h1>
        {snap.phase === 'chat' && <ConnectionStatus connection={snap.connection} />}
        <button type="button" className="icon-button" aria-label={t('header.minimize')} title={t('header.minimize')} onClick={onMinimize}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 11h14v2H5z" />
          </svg>
        </button>
      </header>
      <main className="widget-body">
        {snap.phase === 'loading' && <p className="centered">{t('loading')}</p>}
        {snap.phase === 'prechat' &&
          (snap.widgetMissing ? <p className="centered">{t('unavailable')}</p> : <PrechatForm onSubmit={start} initial={last} />)}
        {snap.phase === 'chat' && <ChatView snap={snap} session={session} onNewChat={() => session.newChat()} />}
      </main>
    </div>
  );
}
