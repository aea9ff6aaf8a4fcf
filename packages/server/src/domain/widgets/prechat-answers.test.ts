import { describe, expect, it } from 'vitest';
import type { PrechatAnswerMap, PrechatQuestion } from '@switchboard/protocol';
import { checkPrechatAnswers } from './prechat-answers.js';

const q = (id: string, kind: PrechatQuestion['kind'], required: boolean, options: string[] = []): PrechatQuestion => ({
  id,
  kind,
  required,
  label: { en: id.toUpperCase(), nl: id, fr: id },
  variable: `var_${id}`,
  options,
});
const QUESTIONS = [
  q('order', 'single-line', false),
  q('details', 'multi-line', false),
  q('topic', 'option-set', true, ['Billing', 'Orders']),
  q('terms', 'consent', true),
];
const ok = { topic: 'Billing', terms: true };

describe('pre-chat answers against the widget questions (CH1)', () => {
  const cases: [string, PrechatAnswerMap | undefined, Record<string, unknown> | RegExp][] = [
    ['the required ones', ok, { var_topic: 'Billing', var_terms: true }],
    [
      'every one, trimmed, lines kept in a multi-line answer',
      { ...ok, order: ' 42 ', details: 'a\nb' },
      { var_order: '42', var_details: 'a\nb', var_topic: 'Billing', var_terms: true },
    ],
    ['an empty optional one is left out', { ...ok, order: '  ' }, { var_topic: 'Billing', var_terms: true }],
    ['none at all', undefined, /"TOPIC" \(topic\) is required/],
    ['a required option missing', { terms: true }, /"TOPIC" \(topic\) is required/],
    ['an option not offered', { ...ok, topic: 'Cats' }, /takes one of: Billing, Orders/],
    ['consent not given', { topic: 'Orders', terms: false }, /"TERMS" \(terms\) must be accepted/],
    ['consent as text', { topic: 'Orders', terms: 'yes' }, /takes true or false/],
    ['a tick for a text question', { ...ok, order: true }, /"ORDER" \(order\) takes text/],
    ['two lines in a single-line answer', { ...ok, order: 'a\nb' }, /takes one line/],
    ['an unknown question', { ...ok, shoe: '42' }, /no question "shoe"/],
  ];
  it.each(cases)('%s', (_name, answers, expected) => {
    if (expected instanceof RegExp) expect(() => checkPrechatAnswers(QUESTIONS, answers)).toThrow(expected);
    else expect(checkPrechatAnswers(QUESTIONS, answers)).toEqual(expected);
  });

  it('a widget without questions takes no answers, and an old request without any', () => {
    expect(checkPrechatAnswers([], undefined)).toEqual({});
    expect(() => checkPrechatAnswers([], { a: 'x' })).toThrow(/no question "a"/);
  });
});
