import type { SentimentLevel } from '../domain/sentiment/levels.js';

/** One customer message's sentiment (SV8): a score in [-1, 1] and its level of seven. */
export type SentimentResult = { score: number; level: SentimentLevel; profanity: boolean };

/**
 * Scores customer messages offline, on our own server (SV8). `language` is the conversation's
 * locale (`en`, `nl-BE`, ...); one we have no lexicon for is scored as English. Implementations
 * must be synchronous and fast: a message is scored in the transaction that stores it.
 */
export interface SentimentAnalyzer {
  analyze(text: string, language: string | null | undefined): SentimentResult;
}
