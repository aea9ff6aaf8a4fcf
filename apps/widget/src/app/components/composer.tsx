import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AttachmentRef } from '@switchboard/protocol';
import { useT } from '../i18n.js';
import type { SendResult } from '../lib/chat-session.js';
import { newClientMessageId } from '../lib/client-id.js';

type Uploaded = { ok: true; ref: AttachmentRef } | { ok: false; message: string };

type Props = {
  onSend(text: string, files: AttachmentRef[]): SendResult;
  /** Uploads a picked file at once, so a refusal (too big, a forbidden type) shows before sending (AG4). */
  onUpload(file: File): Promise<Uploaded>;
  onTyping(): void;
};

const PAPER_CLIP =
  'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5' +
  'a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z';

type Picked = { key: string; name: string; preview: string | null; ref: AttachmentRef | null; error: string | null };

/** Enter sends, Shift+Enter adds a line; nothing is sent while an IME is composing. */
export function Composer({ onSend, onUpload, onTyping }: Props) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const ready = picked.filter((p) => p.ref);
  const uploading = picked.some((p) => !p.ref && !p.error);

  async function add(file: File) {
    const key = newClientMessageId();
    const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
    setPicked((all) => [...all, { key, name: file.name, preview, ref: null, error: null }]);
    const up = await onUpload(file);
    setPicked((all) =>
      all.map((p) => (p.key !== key ? p : up.ok ? { ...p, ref: up.ref } : { ...p, error: up.message })),
    );
  }

  function drop(key: string) {
    setPicked((all) => {
      const gone = all.find((p) => p.key === key);
      if (gone?.preview) URL.revokeObjectURL(gone.preview);
      return all.filter((p) => p.key !== key);
    });
  }

  function send(e?: FormEvent) {
    e?.preventDefault();
    if (uploading) return;
    const result = onSend(
      text,
      ready.map((p) => p.ref!),
    );
    if (result === 'sent') {
      setText('');
      setError(null);
      for (const p of ready) if (p.preview) URL.revokeObjectURL(p.preview);
      setPicked((all) => all.filter((p) => !p.ref));
    } else if (result === 'too-long') {
      setError(t('composer.tooLong'));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) send(e);
  }

  return (
    <form
      className="composer"
      onSubmit={send}
      onPaste={(e) => {
        const files = Array.from(e.clipboardData?.files ?? []);
        if (files.length === 0) return;
        e.preventDefault();
        for (const f of files) void add(f);
      }}
    >
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {picked.length > 0 && (
        <ul className="picked-files">
          {picked.map((p) => (
            <li
              key={p.key}
              className={p.error ? 'picked picked-failed' : 'picked'}
              data-testid="chat-picked-file"
              data-status={p.error ? 'failed' : p.ref ? 'ready' : 'uploading'}
            >
              {p.preview && <img src={p.preview} alt="" />}
              <span role={p.error ? 'alert' : undefined}>
                {p.error
                  ? t('attachments.failed', { name: p.name, error: p.error })
                  : p.ref
                    ? p.name
                    : t('attachments.uploading', { name: p.name })}
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t('attachments.remove', { name: p.name })}
                onClick={() => drop(p.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer-row">
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="chat-file"
          onChange={(e) => {
            for (const f of Array.from(e.target.files ?? [])) void add(f);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="attach"
          data-testid="chat-attach"
          aria-label={t('attachments.attach')}
          title={t('attachments.attach')}
          onClick={() => fileInput.current?.click()}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d={PAPER_CLIP} />
          </svg>
        </button>
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
        <button
          type="submit"
          className="send"
          data-testid="chat-send"
          aria-label={t('composer.send')}
          disabled={uploading || (!text.trim() && ready.length === 0)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 20.5 21 12 3 3.5 3 10l12 2-12 2z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
