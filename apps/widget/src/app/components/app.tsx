import { useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n.js';
import type { PrechatAnswers } from '@switchboard/protocol';
import type { ChatSession } from '../lib/chat-session.js';
import { ChatView } from './chat-view.js';
import { ConnectionStatus } from './connection-status.js';
import { PrechatForm } from './prechat-form.js';
import { usePrefill } from '../lib/prefill.js';
import { lookOf } from '../lib/appearance.js';
import type { Locale } from '../../shared/locale.js';
import { OfflineForm } from './offline-form.js';

type Props = { session: ChatSession; onMinimize(): void };

export function App({ session, onMinimize }: Props) {
  const { t, language } = useT();
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  // CH1: the admin's colours, theme and texts (lib/appearance.ts); closed hours show the offline form.
  const look = lookOf(snap.config, language);
  const closed = snap.config?.availability?.open === false;
  // Remembered for this page only, to prefill "Start a new chat".
  const [last, setLast] = useState<Pick<PrechatAnswers, 'name' | 'email'> | undefined>();
  // CH1: Switchboard.startChat({ customContext }) without every answer opens the form filled in.
  const prefill = usePrefill();

  async function start(answers: PrechatAnswers) {
    await session.startChat(answers);
    setLast({ name: answers.name, email: answers.email });
  }

  return (
    <div
      className={`widget ${look.className}`}
      style={look.style}
      onKeyDown={(e) => e.key === 'Escape' && onMinimize()}
    >
      <header className="widget-header">
        {look.logoUrl && <img className="widget-logo" src={look.logoUrl} alt="" />}
        <h1>{look.texts.title || (snap.title ?? t('header.title'))}</h1>
        {snap.phase === 'chat' && <ConnectionStatus connection={snap.connection} />}
        <button
          type="button"
          className="icon-button"
          aria-label={t('header.minimize')}
          title={t('header.minimize')}
          onClick={onMinimize}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 11h14v2H5z" />
          </svg>
        </button>
      </header>
      <main className="widget-body">
        {snap.phase === 'loading' && <p className="centered">{t('loading')}</p>}
        {snap.phase === 'prechat' &&
          (snap.widgetMissing ? (
            <p className="centered">{t('unavailable')}</p>
          ) : closed ? (
            <OfflineForm
              message={look.texts.offlineMessage}
              nextOpening={snap.config?.availability?.nextOpening ?? null}
              locale={language as Locale}
              onSubmit={(body) => session.leaveMessage(body)}
            />
          ) : (
            <PrechatForm
              questions={snap.config?.prechatQuestions}
              greeting={look.texts.greeting}
              key={prefill.version}
              onSubmit={start}
              initial={prefill.values ?? last}
            />
          ))}
        {snap.phase === 'chat' && <ChatView snap={snap} session={session} onNewChat={() => session.newChat()} />}
      </main>
    </div>
  );
}
