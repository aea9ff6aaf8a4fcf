import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n.js';
import { ApiCallError, type PrechatAnswerMap, type PrechatAnswers, type PrechatQuestion } from '@switchboard/protocol';
import { PrechatQuestions } from './prechat-questions.js';
import {
  validatePrechat,
  type PrechatField,
  type PrechatProblem,
  type PrechatValues,
} from '../lib/prechat-validation.js';

type Props = {
  onSubmit(answers: PrechatAnswers): Promise<void>;
  initial?: Partial<PrechatValues>;
  /** CH1: the widget's own questions and greeting (admin center). */
  questions?: readonly PrechatQuestion[];
  greeting?: string;
};

/** The pre-chat survey: every field required, checked here first and then by the server. */
export function PrechatForm({ onSubmit, initial, questions = [], greeting }: Props) {
  const { t, language } = useT();
  const [answers, setAnswers] = useState<PrechatAnswerMap>({});
  const [values, setValues] = useState<PrechatValues>({ name: '', email: '', question: '', ...initial });
  const [problems, setProblems] = useState<PrechatProblem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const invalid = (field: PrechatField) => problems.some((p) => p.field === field);
  const change = (field: PrechatField) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setProblems((p) => p.filter((x) => x.field !== field));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (submitting) return;
    setServerError(null);
    const result = validatePrechat(values);
    if (!result.ok) {
      setProblems(result.problems);
      form.current?.querySelector<HTMLElement>(`[name="${result.problems[0]!.field}"]`)?.focus();
      return;
    }
    setProblems([]);
    setSubmitting(true);
    try {
      await onSubmit(questions.length ? { ...result.answers, answers } : result.answers);
    } catch (err) {
      // The server's 4xx messages say what to fix; anything else is a connection problem.
      const fromServer = err instanceof ApiCallError && err.status < 500 && err.body?.message;
      setServerError(fromServer || t('prechat.errors.network'));
    } finally {
      setSubmitting(false);
    }
  }

  const labels: Record<PrechatField, string> = {
    name: t('prechat.name'),
    email: t('prechat.email'),
    question: t('prechat.question'),
  };
  const messages = [
    ...problems.map((p) => t(`prechat.errors.${p.key}`, { field: labels[p.field] })),
    ...(serverError ? [serverError] : []),
  ];
  const describedBy = messages.length ? 'prechat-error' : undefined;

  return (
    <form ref={form} className="prechat" onSubmit={submit} noValidate>
      <p className="prechat-intro">{greeting || t('prechat.intro')}</p>
      <label className="field">
        <span>{labels.name}</span>
        <input
          name="name"
          data-testid="prechat-name"
          data-autofocus
          autoComplete="name"
          required
          aria-invalid={invalid('name')}
          aria-describedby={describedBy}
          value={values.name}
          onChange={change('name')}
        />
      </label>
      <label className="field">
        <span>{labels.email}</span>
        <input
          name="email"
          type="email"
          data-testid="prechat-email"
          autoComplete="email"
          required
          aria-invalid={invalid('email')}
          aria-describedby={describedBy}
          value={values.email}
          onChange={change('email')}
        />
      </label>
      <label className="field">
        <span>{labels.question}</span>
        <textarea
          name="question"
          data-testid="prechat-question"
          rows={3}
          required
          aria-invalid={invalid('question')}
          aria-describedby={describedBy}
          value={values.question}
          onChange={change('question')}
        />
      </label>
      <PrechatQuestions
        questions={questions}
        language={language}
        answers={answers}
        onChange={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
      />
      {messages.length > 0 && (
        <div id="prechat-error" className="prechat-error" data-testid="prechat-error" role="alert">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <button type="submit" className="primary" data-testid="prechat-submit" disabled={submitting}>
        {submitting ? t('prechat.submitting') : t('prechat.submit')}
      </button>
    </form>
  );
}
