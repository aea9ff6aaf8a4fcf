import { describe, expect, it } from 'vitest';
import { defaultWidgetSettings, PrechatSurvey, WidgetAppearance, WidgetSettings } from './widget-settings.js';

const label = { en: 'Topic', nl: 'Onderwerp', fr: 'Sujet' };
const question = (over: Record<string, unknown> = {}) => ({
  id: 'topic',
  kind: 'single-line',
  label,
  variable: 'topic',
  ...over,
});
const problems = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('widget settings schemas (CH1)', () => {
  it('an empty settings object reads as the plain widget', () => {
    expect(defaultWidgetSettings()).toMatchObject({
      appearance: { primaryColor: '#2557d6', theme: 'auto', logoUrl: null },
      prechat: { questions: [], identification: [] },
      postChat: { enabled: false },
      operatingHoursId: null,
    });
  });

  const appearance: [string, unknown, string | null][] = [
    ['a six-digit hex colour', { primaryColor: '#A1b2C3' }, null],
    ['a named colour', { primaryColor: 'red' }, 'six hex digits'],
    ['a short hex colour', { textColor: '#fff' }, 'six hex digits'],
    ['an https logo', { logoUrl: 'https://cdn.example/logo.svg' }, null],
    ['an http logo', { logoUrl: 'http://cdn.example/logo.svg' }, 'https://'],
    ['a javascript: logo', { logoUrl: 'javascript:alert(1)' }, 'https://'],
    ['a logo URL over 500 characters', { logoUrl: `https://x.example/${'a'.repeat(500)}` }, 'at most 500'],
    ['an unknown theme', { theme: 'neon' }, 'Invalid option'],
  ];
  it.each(appearance)('appearance: %s', (_name, value, message) => {
    const got = problems(WidgetAppearance.safeParse(value));
    if (message === null) expect(got).toEqual([]);
    else expect(got.join('; ')).toContain(message);
  });

  const surveys: [string, unknown, string | null][] = [
    ['one question', { questions: [question()] }, null],
    ['an option set with options', { questions: [question({ kind: 'option-set', options: ['A', 'B'] })] }, null],
    ['an option set without', { questions: [question({ kind: 'option-set' })] }, 'needs at least one option'],
    ['a consent that is optional', { questions: [question({ kind: 'consent' })] }, 'consent question must be'],
    ['a required consent', { questions: [question({ kind: 'consent', required: true })] }, null],
    [
      'two questions with one id',
      { questions: [question(), question({ variable: 'other' })] },
      'used twice or is a built-in field',
    ],
    ['a question named like a built-in field', { questions: [question({ id: 'email' })] }, 'built-in field'],
    ['one variable twice', { questions: [question(), question({ id: 'b' })] }, 'used by two questions'],
    ['a variable name with a dot', { questions: [question({ variable: 'a.b' })] }, 'variable name'],
    ['no English label', { questions: [question({ label: { en: ' ', nl: 'x', fr: 'x' } })] }, 'English label'],
    ['a label over 512 characters', { questions: [question({ label: { ...label, en: 'x'.repeat(513) } })] }, '512'],
    [
      'eleven questions',
      { questions: Array.from({ length: 11 }, (_, i) => question({ id: `q${i}`, variable: `v${i}` })) },
      'at most 10 questions',
    ],
    ['identification by a built-in field', { identification: [{ field: 'contact-email', answer: 'email' }] }, null],
    [
      'identification by a missing question',
      { identification: [{ field: 'contact-phone', answer: 'phone' }] },
      'no question phone',
    ],
    [
      'a field marked twice',
      {
        identification: [
          { field: 'contact-email', answer: 'email' },
          { field: 'contact-email', answer: 'name' },
        ],
      },
      'marked twice',
    ],
    [
      'a consent box as identification',
      {
        questions: [question({ kind: 'consent', required: true })],
        identification: [{ field: 'account-name', answer: 'topic' }],
      },
      'cannot identify',
    ],
  ];
  it.each(surveys)('pre-chat survey: %s', (_name, value, message) => {
    const got = problems(PrechatSurvey.safeParse(value));
    if (message === null) expect(got).toEqual([]);
    else expect(got.join('; ')).toContain(message);
  });

  it('operating hours are an id or null, and no unknown field passes', () => {
    expect(problems(WidgetSettings.safeParse({ ...defaultWidgetSettings(), operatingHoursId: 'x' }))).not.toEqual([]);
    expect(problems(WidgetSettings.safeParse({ ...defaultWidgetSettings(), extra: 1 }))).not.toEqual([]);
  });
});
