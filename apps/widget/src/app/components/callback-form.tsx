import { useState, type FormEvent } from 'react';
import { ApiCallError, type CallbackRequest, type VisitorCallback } from '@switchboard/protocol';
import { useT } from '../i18n.js';

type Props = {
  callback: VisitorCallback;
  onSubmit(request: CallbackRequest): Promise<void>;
};

/** A datetime-local value ("2026-12-02T14:30") in the browser's zone, as an instant; empty is none. */
const instantOf = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The queue could not take the chat and offered a callback (AG11): the form, then what was asked for. */
export function CallbackForm({ callback, onSubmit }: Props) {
  const { t, language } = useT();
  const [values, setValues] = useState({ name: '', phone: '', email: '', when: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const change = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  if (callback.request) {
    const { name, preferredAt } = callback.request;
    const time = preferredAt
      ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(preferredAt))
      : null;
    return (
      <p className="callback-confirmed" data-testid="callback-confirmed" role="status">
        {t('callback.confirmed', { name, when: time ? t('callback.at', { time }) : t('callback.soon') })}
      </p>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (submitting) return;
    setError(null);
    setSubmitting(true);
    try {
      await onSubmit({
        name: values.name.trim(),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.when ? { preferredAt: instantOf(values.when) } : {}),
        note: values.note,
      });
    } catch (err) {
      // The server says what to fix (a number it cannot read, a time that has passed).
      const fromServer = err instanceof ApiCallError && err.status < 500 && err.body?.message;
      setError(fromServer || t('callback.network'));
    } finally {
      setSubmitting(false);
    }
  }

  const field = (name: keyof typeof values, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input name={name} type={type} data-testid={`callback-${name}`} value={values[name]} onChange={change(name)} />
    </label>
  );
  return (
    <form className="prechat callback" data-testid="callback-form" onSubmit={submit} noValidate>
      <p className="prechat-intro">{t('callback.intro')}</p>
      {field('name', t('callback.name'))}
      {field('phone', t('callback.phone'), 'tel')}
      {field('email', t('callback.email'), 'email')}
      {field('when', t('callback.when'), 'datetime-local')}
      {field('note', t('callback.note'))}
      {error && (
        <div className="prechat-error" data-testid="callback-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <button type="submit" className="primary" data-testid="callback-submit" disabled={submitting}>
        {submitting ? t('callback.submitting') : t('callback.submit')}
      </button>
    </form>
  );
}
