import { describe, expect, it } from 'vitest';
import { levelOrdinal } from '../../domain/sentiment/levels.js';
import { createMultilangAnalyzer } from '../multilang-analyzer.js';
import { labelledEnglish } from './labelled-en.js';
import { labelledDutch } from './labelled-nl.js';
import { labelledFrench } from './labelled-fr.js';
import { isHeldOut, type LabelledMessage } from './labelled-message.js';

const analyzer = createMultilangAnalyzer();
const sets = { en: labelledEnglish, nl: labelledDutch, fr: labelledFrench };

type Tally = { count: number; exact: number; withinOne: number };

function tally(language: string, messages: LabelledMessage[], heldOut: boolean): Tally {
  const result = { count: 0, exact: 0, withinOne: 0 };
  messages.forEach(([gold, text], index) => {
    if (isHeldOut(index) !== heldOut) return;
    const distance = Math.abs(levelOrdinal(analyzer.analyze(text, language).level) - gold);
    result.count += 1;
    if (distance === 0) result.exact += 1;
    if (distance <= 1) result.withinOne += 1;
  });
  return result;
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`.padStart(4);

// Floors (SV8). Measured on 2026-12 (held out, 22 a language): exact 64-68%, within one level 91-95%.
// The floors sit two to three messages under that, so a lexicon change that breaks a pattern
// fails, and are well above what a level picked at random gets (exact 14%, within one 37%).
const HELD_OUT_EXACT = 0.55;
const HELD_OUT_WITHIN_ONE = 0.8;
const TUNED_WITHIN_ONE = 0.9;

describe('accuracy on our labelled customer-service messages (SV8)', () => {
  it('has at least 60 messages a language, each kind present', () => {
    for (const messages of Object.values(sets)) {
      expect(messages.length).toBeGreaterThanOrEqual(60);
      const kinds = new Set(messages.map(([, , kind]) => kind));
      for (const kind of ['negation', 'politeness', 'sarcasm', 'mixed']) expect(kinds).toContain(kind);
    }
  });

  it.each(Object.entries(sets))('%s: within one level, exact on the held-out third', (language, messages) => {
    const tuned = tally(language, messages, false);
    const held = tally(language, messages, true);
    // Printed on every run: the figures are the point of this test (warn: the lint allows it).
    console.warn(
      `sentiment ${language}: tuned ${tuned.count}: exact ${percent(tuned.exact, tuned.count)}, ` +
        `within one ${percent(tuned.withinOne, tuned.count)} | held out ${held.count}: ` +
        `exact ${percent(held.exact, held.count)}, within one ${percent(held.withinOne, held.count)}`,
    );
    expect(held.exact / held.count).toBeGreaterThanOrEqual(HELD_OUT_EXACT);
    expect(held.withinOne / held.count).toBeGreaterThanOrEqual(HELD_OUT_WITHIN_ONE);
    expect(tuned.withinOne / tuned.count).toBeGreaterThanOrEqual(TUNED_WITHIN_ONE);
  });
});
