import { describe, expect, it } from 'vitest';
import { sentimentLanguageOf } from './language.js';
import { levelOfScore, levelOrdinal, SENTIMENT_LEVEL_NAMES, SENTIMENT_LEVELS } from './levels.js';

describe('the seven levels (SV8)', () => {
  it('are named as the reference names them, most negative first', () => {
    expect(SENTIMENT_LEVELS.map((level) => SENTIMENT_LEVEL_NAMES[level])).toEqual([
      'Very negative',
      'Negative',
      'Slightly negative',
      'Neutral',
      'Slightly positive',
      'Positive',
      'Very positive',
    ]);
    expect(SENTIMENT_LEVELS.map(levelOrdinal)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it.each([
    [-1, 'very-negative'],
    [-0.75, 'very-negative'],
    [-0.74, 'negative'],
    [-0.35, 'negative'],
    [-0.34, 'slightly-negative'],
    [-0.15, 'slightly-negative'],
    [-0.14, 'neutral'],
    [0, 'neutral'],
    [Number.NaN, 'neutral'],
    [0.14, 'neutral'],
    [0.15, 'slightly-positive'],
    [0.35, 'positive'],
    [0.75, 'very-positive'],
    [1, 'very-positive'],
  ] as const)('score %d is %s', (score, level) => {
    expect(levelOfScore(score)).toBe(level);
  });
});

describe('the language a conversation is scored in', () => {
  it.each([
    ['en', 'en'],
    ['nl', 'nl'],
    ['nl-BE', 'nl'],
    ['FR_ca', 'fr'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ] as const)('%s is scored as %s', (locale, language) => {
    expect(sentimentLanguageOf(locale)).toBe(language);
  });
});
