import type { PrechatAnswerMap, PrechatQuestion } from '@switchboard/protocol';
import { DomainError } from '../errors.js';

/**
 * A visitor's answers to the widget's own pre-chat questions (CH1), checked against them: each
 * names a question of this widget, has the question's kind (an option set's answer is one of its
 * options, a consent is a tick), and every required one is answered. Each answer becomes the
 * context variable its question names. A refusal names the question by its English label.
 */
export function checkPrechatAnswers(
  questions: readonly PrechatQuestion[],
  answers: PrechatAnswerMap | undefined,
): Record<string, string | boolean> {
  const given = answers ?? {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given))
    if (!byId.has(id)) throw new DomainError('invalid', `answers: this widget has no question "${id}"`);
  const context: Record<string, string | boolean> = {};
  for (const q of questions) {
    const raw = given[q.id];
    const name = `"${q.label.en}" (${q.id})`;
    const refuse = (why: string) => new DomainError('invalid', `answers: question ${name} ${why}`);
    if (q.kind === 'consent') {
      if (raw !== undefined && typeof raw !== 'boolean') throw refuse('takes true or false');
      if (q.required && raw !== true) throw refuse('must be accepted');
      if (raw !== undefined) context[q.variable] = raw;
      continue;
    }
    if (typeof raw === 'boolean') throw refuse('takes text');
    const text = raw?.trim() ?? '';
    if (text === '') {
      if (q.required) throw refuse('is required');
      continue;
    }
    if (q.kind === 'single-line' && /[\r\n]/.test(text)) throw refuse('takes one line');
    if (q.kind === 'single-line' && text.length > 512) throw refuse('takes at most 512 characters');
    if (q.kind === 'option-set' && !q.options.includes(text)) throw refuse(`takes one of: ${q.options.join(', ')}`);
    context[q.variable] = text;
  }
  return context;
}
