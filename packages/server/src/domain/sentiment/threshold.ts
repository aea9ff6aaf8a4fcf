import { levelOrdinal, type SentimentLevel } from './levels.js';

/** The admin's alert threshold (§1.15): None, or the level at and below which the supervisor is told. */
export const SENTIMENT_THRESHOLDS = ['none', 'slightly-negative', 'negative', 'very-negative'] as const;
export type SentimentThreshold = (typeof SENTIMENT_THRESHOLDS)[number];

/** Is a conversation at this level at or below the admin's threshold (SV8)? */
export function isAtOrBelowThreshold(level: SentimentLevel, threshold: SentimentThreshold): boolean {
  if (threshold === 'none') return false;
  return levelOrdinal(level) <= levelOrdinal(threshold);
}

/**
 * Has this change of level just crossed the threshold downwards? The supervisor is told once per
 * dip, not on every further message while the conversation stays down there.
 */
export function crossedThreshold(
  previous: SentimentLevel | null,
  next: SentimentLevel,
  threshold: SentimentThreshold,
): boolean {
  const before = previous !== null && isAtOrBelowThreshold(previous, threshold);
  return !before && isAtOrBelowThreshold(next, threshold);
}
