import { describe, expect, it } from 'vitest';
import { levelOrdinal } from '../../domain/sentiment/levels.js';
import { createMultilangAnalyzer } from '../multilang-analyzer.js';
import { labelledEnglish } from './labelled-en.js';
import { labelledDutch } from './labelled-nl.js';
import { labelledFrench } from './labelled-fr.js';
import { isHeldOut, type LabelledMessage } from './labelled-message.js';

const analyzer = createMultilangAnalyzer();
const sets = { en: labelledEnglish, nl: labelledDutch, fr: labelledFrench };

type Tally = { count: number; exact: number; withinOne: number; side: number };

function tally(language: string, messages: LabelledMessage[], heldOut: boolean): Tally {
  const result = { count: 0, exact: 0, withinOne: 0, side: 0 };
  messages.forEach(([gold, text], index) => {
    if (isHeldOut(index) !== heldOut) return;
    const level = levelOrdinal(analyzer.analyze(text, language).level);
    const distance = Math.abs(level - gold);
    result.count += 1;
    if (distance === 0) result.exact += 1;
    if (distance <= 1) result.withinOne += 1;
    // Three classes: negative (any of the three negative levels), neutral, positive.
    if (Math.sign(level) === Math.sign(gold)) result.side += 1;
  });
  return result;
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`.padStart(4);

// Floors (SV8). Measured on 2026-12-03 (held out, 67 a language): three-class 90-91%, exact 60-64%,
// within one level 93-94%. The exact and within-one floors are well above what a level picked at
// random gets (exact 14%, within one 37%); three classes (negative, neutral, positive) must reach
// the goal, 0.85, in each language: three to four held-out messages under the figures.
const HELD_OUT_THREE_CLASS = 0.85;
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

  it.each(Object.entries(sets))(
    '%s: three-class, exact and within one level on the held-out third',
    (language, messages) => {
      const tuned = tally(language, messages, false);
      const held = tally(language, messages, true);
      // Printed on every run: the figures are the point of this test (warn: the lint allows it).
      const figures = (t: Tally) =>
        `three-class ${percent(t.side, t.count)}, exact ${percent(t.exact, t.count)}, ` +
        `within one ${percent(t.withinOne, t.count)}`;
      console.warn(
        `sentiment ${language}: tuned ${tuned.count}: ${figures(tuned)} | held out ${held.count}: ${figures(held)}`,
      );
      expect(held.side / held.count).toBeGreaterThanOrEqual(HELD_OUT_THREE_CLASS);
      expect(held.exact / held.count).toBeGreaterThanOrEqual(HELD_OUT_EXACT);
      expect(held.withinOne / held.count).toBeGreaterThanOrEqual(HELD_OUT_WITHIN_ONE);
      expect(tuned.withinOne / tuned.count).toBeGreaterThanOrEqual(TUNED_WITHIN_ONE);
    },
  );
});
