import { useState, type FormEvent } from 'react';
import { ApiCallError, OfflineMessageRequest } from '@switchboard/protocol';
import { useT } from '../i18n.js';
import type { Locale } from '../../shared/locale.js';

type Props = {
  /** The admin's offline message in the visitor's language; empty: the widget's own. */
  message: string;
  nextOpening: string | null;
  locale: Locale;
  onSubmit(body: OfflineMessageRequest): Promise<void>;
};

/** CH1: outside the widget's hours, the offline message and a "leave a message" form (answered later). */
export function OfflineForm({ message, nextOpening, locale, onSubmit }: Props) {
  const { t } = useT();
  const [values, setValues] = useState({ name: '', email: '', message: '' });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const change = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending) return;
    const parsed = OfflineMessageRequest.safeParse({ ...values, locale });
    if (!parsed.success) return setError(t('offline.invalid'));
    setError(null);
    setSending(true);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      const fromServer = err instanceof ApiCallError && err.status < 500 && err.body?.message;
      setError(fromServer || t('prechat.errors.network'));
    } finally {
      setSending(false);
    }
  }

  const opens = nextOpening
    ? new Date(nextOpening).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : null;
  return (
    <form className="offline" data-testid="offline-form" onSubmit={submit} noValidate>
      <p data-testid="offline-message">{message || t('offline.message')}</p>
      {opens && <p className="muted">{t('offline.opens', { when: opens })}</p>}
      <label className="field">
        <span>{t('prechat.name')}</span>
        <input
          name="name"
          data-testid="offline-name"
          data-autofocus
          autoComplete="name"
          value={values.name}
          onChange={change('name')}
        />
      </label>
      <label className="field">
        <span>{t('prechat.email')}</span>
        <input
          name="email"
          type="email"
          data-testid="offline-email"
          autoComplete="email"
          value={values.email}
          onChange={change('email')}
        />
      </label>
      <label className="field">
        <span>{t('offline.yourMessage')}</span>
        <textarea
          name="message"
          data-testid="offline-text"
          rows={4}
          value={values.message}
          onChange={change('message')}
        />
      </label>
      {error && (
        <div className="prechat-error" role="alert" data-testid="offline-error">
          <p>{error}</p>
        </div>
      )}
      <button type="submit" className="primary" data-testid="offline-submit" disabled={sending}>
        {sending ? t('prechat.submitting') : t('offline.submit')}
      </button>
    </form>
  );
}
