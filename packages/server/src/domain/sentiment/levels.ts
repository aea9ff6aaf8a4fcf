import { SentimentLevel as Levels } from '@switchboard/protocol';

/** The reference's seven sentiment levels (SV8 in docs/features.md), most negative first. */
export const SENTIMENT_LEVELS = Levels.options;
export type SentimentLevel = (typeof SENTIMENT_LEVELS)[number];

/** The names the reference shows them by. */
export const SENTIMENT_LEVEL_NAMES: Record<SentimentLevel, string> = {
  'very-negative': 'Very negative',
  negative: 'Negative',
  'slightly-negative': 'Slightly negative',
  neutral: 'Neutral',
  'slightly-positive': 'Slightly positive',
  positive: 'Positive',
  'very-positive': 'Very positive',
};

/** -3 (very negative) to 3 (very positive): the distance between two levels is their difference. */
export const levelOrdinal = (level: SentimentLevel) => SENTIMENT_LEVELS.indexOf(level) - 3;

// A score is in [-1, 1]. The bands are even in the score, so the same words move a calm message
// further than one that is already angry (the score saturates towards the ends).
const NEUTRAL_BAND = 0.15;
const SLIGHT_BAND = 0.35;
const PLAIN_BAND = 0.75;

export function levelOfScore(score: number): SentimentLevel {
  const size = Math.abs(score);
  if (!(size >= NEUTRAL_BAND)) return 'neutral'; // NaN is neutral too
  const side = score > 0 ? 'positive' : 'negative';
  if (size < SLIGHT_BAND) return `slightly-${side}`;
  if (size < PLAIN_BAND) return side;
  return `very-${side}`;
}

/** The score profanity forces a message to at most (the reference: Negative or Very negative). */
export const PROFANITY_CEILING = -(SLIGHT_BAND + PLAIN_BAND) / 2;
