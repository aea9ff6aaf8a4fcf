import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n.js';
import type { SendResult } from '../lib/chat-session.js';

type Props = {
  onSend(text: string): SendResult;
  onTyping(): void;
};

/** Enter sends, Shift+Enter adds a line; nothing is sent while an IME is composing. */
export function Composer({ onSend, onTyping }: Props) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function send(e?: FormEvent) {
    e?.preventDefault();
    const result = onSend(text);
    if (result === 'sent') {
      setText('');
      setError(null);
    } else if (result === 'too-long') {
      setError(t('composer.tooLong'));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) send(e);
  }

  return (
    <form className="composer" onSubmit={send}>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-row">
        <textarea
          data-testid="chat-input"
          data-autofocus
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          rows={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            if (e.target.value) onTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="send" data-testid="chat-send" aria-label={t('composer.send')} disabled={!text.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 20.5 21 12 3 3.5 3 10l12 2-12 2z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
