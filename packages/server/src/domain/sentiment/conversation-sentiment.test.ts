import { describe, expect, it } from 'vitest';
import { conversationSentiment } from './conversation-sentiment.js';
import { crossedThreshold, isAtOrBelowThreshold } from './threshold.js';

const scores = (...list: number[]) => list.map((score) => ({ score }));

describe("a conversation's sentiment from its last six customer messages (SV8)", () => {
  it.each([
    ['no customer message yet', [], 'neutral'],
    ['one angry message', scores(-0.8), 'very-negative'],
    ['a complaint, then thanks: the newest weighs most', scores(-0.6, 0.7), 'slightly-positive'],
    ['one "ok" after five angry messages is no calm', scores(-0.7, -0.7, -0.7, -0.7, -0.7, 0.2), 'negative'],
    ['facts count half and do not wash out a complaint', scores(-0.6, 0, 0), 'slightly-negative'],
    ['only the last six count', scores(-1, -1, -1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), 'positive'],
  ] as const)('%s', (_, messages, level) => {
    expect(conversationSentiment(messages).level).toBe(level);
  });

  it('weights the six 1 to 6, neutral ones half', () => {
    expect(conversationSentiment(scores(0.2, 0.4)).score).toBeCloseTo((0.2 + 0.4 * 2) / 3);
    expect(conversationSentiment(scores(-0.6, 0)).score).toBeCloseTo(-0.6 / 2);
  });

  it('profanity in the window holds it at Negative at best', () => {
    const calm = [{ score: -0.5, profanity: true }, ...scores(0.3, 0.3, 0.3)];
    expect(conversationSentiment(calm).level).toBe('negative');
    const past = [{ score: -0.5, profanity: true }, ...scores(0.3, 0.3, 0.3, 0.3, 0.3, 0.3)];
    expect(conversationSentiment(past).level).toBe('slightly-positive');
  });
});

describe("the admin's threshold (SV8)", () => {
  it.each([
    ['slightly-negative', 'none', false],
    ['very-negative', 'none', false],
    ['neutral', 'slightly-negative', false],
    ['slightly-negative', 'slightly-negative', true],
    ['very-negative', 'slightly-negative', true],
    ['slightly-negative', 'negative', false],
    ['negative', 'negative', true],
    ['negative', 'very-negative', false],
    ['very-negative', 'very-negative', true],
  ] as const)('%s at threshold %s alerts: %s', (level, threshold, alerts) => {
    expect(isAtOrBelowThreshold(level, threshold)).toBe(alerts);
  });

  it.each([
    [null, 'negative', true],
    ['neutral', 'negative', true],
    ['negative', 'very-negative', false],
    ['very-negative', 'negative', false],
    ['slightly-negative', 'neutral', false],
  ] as const)('from %s to %s at threshold Negative tells the supervisor: %s', (previous, next, told) => {
    expect(crossedThreshold(previous, next, 'negative')).toBe(told);
  });
});
