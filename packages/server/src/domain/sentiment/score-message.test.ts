import { describe, expect, it } from 'vitest';
import { levelOfScore } from './levels.js';
import { compileLexicon, type CustomerServiceLexicon } from './lexicon.js';
import { scoreMessage } from './score-message.js';
import { tokenize } from './tokens.js';

// A tiny general list and lexicon, so each rule shows on its own.
const base = new Map([
  ['good', 3],
  ['bad', -3],
  ['great', 3],
  ['helpful', 2],
  ['shit', -4],
]);
const spec = {
  language: 'en',
  words: {
    please: 0,
    'thanks in advance': 0,
    'still waiting': -2,
    refund: -1,
    'still not': -1.5,
    confused: -1,
    meh: -0.5,
  },
  openers: ['dear'],
  courtesy: { thanks: 1.5 },
  negators: ['not', "doesn't", 'without'],
  absences: ['without'],
  failVerbs: ['work', 'works'],
  intensifiers: { very: 1.5, 'a bit': 0.5 },
  contrasts: ['but'],
  concessions: ['although'],
  sarcasm: ['great'],
  profanity: ['shit*'],
} satisfies CustomerServiceLexicon;
const lexicon = compileLexicon(spec);
const score = (text: string) => scoreMessage(text, lexicon, (word) => base.get(word)).score;
const level = (text: string) => levelOfScore(score(text));

describe('a message scored with our lexicon (SV8)', () => {
  it.each([
    ['good', 'positive'],
    ['very good!!!', 'very-positive'],
    ['a bit bad', 'slightly-negative'],
    ['not good', 'negative'],
    ['not bad', 'slightly-positive'],
    ['not bad, good', 'positive'],
    ['Dear team, please send it, thanks in advance', 'neutral'],
    ['thanks', 'slightly-positive'],
    ['thanks, still waiting for my refund', 'negative'],
    ['it works', 'neutral'],
    ["it doesn't work", 'negative'],
    ['it works not', 'negative'],
    ['it still not works', 'slightly-negative'],
    ['great', 'positive'],
    ['great, still waiting', 'negative'],
    ['bad but good', 'slightly-positive'],
    ['good but still waiting for my refund', 'slightly-negative'],
    ['good shit', 'negative'],
    ['shitty', 'negative'],
    // A downtoner softens a complaint, it does not take it back.
    ['a bit confused', 'slightly-negative'],
    // A denial with nothing scored to deny is the problem itself; alone, or of a missing thing, it is not.
    ['it has not arrived yet', 'slightly-negative'],
    ['not, thanks', 'slightly-positive'],
    ['without a receipt', 'neutral'],
    // Praise turns to sarcasm only against at least a mild complaint.
    ['great, refund', 'negative'],
    ['great, meh', 'positive'],
  ] as const)('%s: %s', (text, expected) => {
    expect(level(text)).toBe(expected);
  });

  it('finds a fail verb’s negation after it as far as the language puts it', () => {
    const after = (negationAfterVerb: 'near' | 'clause' | 'none', text: string) =>
      levelOfScore(scoreMessage(text, compileLexicon({ ...spec, negationAfterVerb }), (w) => base.get(w)).score);
    expect(after('near', 'it works not')).toBe('negative');
    expect(after('near', 'it works for me on my phone not')).not.toBe('negative');
    expect(after('clause', 'it works for me on my phone not')).toBe('negative');
    expect(after('clause', 'it works, not my phone')).not.toBe('negative');
    expect(after('none', 'it works not')).not.toBe('negative');
  });

  it('"although" concedes the rest of its clause, which counts half, wherever it stands', () => {
    expect(score('good, although refund')).toBe(score('although refund, good'));
    expect(score('good, although refund')).toBeCloseTo(Math.tanh((3 - 1 / 2) / 5));
    expect(score('good, although refund')).toBeGreaterThan(score('good, refund'));
    // "but" is the other way round: what follows it is what the customer means.
    expect(score('good but refund')).toBeLessThan(score('good, although refund'));
  });

  it('strengthens with "very" and weakens with "a bit"', () => {
    expect(score('very good')).toBeGreaterThan(score('good'));
    expect(score('a bit good')).toBeLessThan(score('good'));
    expect(score('very, good')).toBe(score('good'));
  });

  it('strengthens with exclamation marks, three at most', () => {
    expect(score('good!')).toBeGreaterThan(score('good'));
    expect(score('good!!!')).toBe(score('good!!!!!!'));
  });

  it('stays in [-1, 1] however much is said', () => {
    expect(score('very good '.repeat(200))).toBeLessThanOrEqual(1);
    expect(score('very bad '.repeat(200))).toBeGreaterThanOrEqual(-1);
  });

  it('reads an unknown plural or feminine as its stem', () => {
    expect(score('goods')).toBe(score('good'));
  });
});

describe('tokens', () => {
  it("splits French elisions so n' is a negator, keeps aujourd'hui", () => {
    expect(tokenize("Ce n’est pas l'attente aujourd'hui", 'fr').words).toEqual([
      'ce',
      "n'",
      'est',
      'pas',
      "l'",
      'attente',
      "aujourd'hui",
    ]);
  });

  it('marks clause ends and counts exclamation marks', () => {
    expect(tokenize("Not bad, don't worry!!", 'en')).toEqual({
      words: ['not', 'bad', '|', "don't", 'worry', '|'],
      exclamations: 2,
    });
  });
});
