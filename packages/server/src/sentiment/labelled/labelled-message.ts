// A hand-labelled customer-service message: [level, text, kind].
// Level: -3 very negative (anger, threats, insults, profanity), -2 negative (a clear complaint or
// dissatisfaction), -1 slightly negative (a problem told calmly, mild impatience), 0 neutral (facts,
// questions, politeness formulas), 1 slightly positive (polite thanks, "ok that works"), 2 positive
// (clear satisfaction), 3 very positive (enthusiastic praise).
export type LabelKind = 'neutral' | 'complaint' | 'praise' | 'negation' | 'politeness' | 'sarcasm' | 'mixed';
export type LabelledMessage = readonly [level: -3 | -2 | -1 | 0 | 1 | 2 | 3, text: string, kind: LabelKind];

/** Where the fourth batch starts: written after the tuning on the others, it is held out whole. */
export const FOURTH_BATCH = 129;

/** The held-out part: every third message, and the fourth batch; the lexicon was never tuned on these. */
export const isHeldOut = (index: number) => index % 3 === 2 || index >= FOURTH_BATCH;
