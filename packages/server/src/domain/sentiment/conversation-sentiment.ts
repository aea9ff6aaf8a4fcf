import { levelOfScore, PROFANITY_CEILING, type SentimentLevel } from './levels.js';

/** One customer message's sentiment, as the analyzer gave it. */
export type MessageSentiment = { score: number; profanity?: boolean };

/** How many of the latest customer messages a conversation's sentiment is computed from (§1.15). */
export const CONVERSATION_WINDOW = 6;
const NEUTRAL_WEIGHT = 0.5;
const NEUTRAL_BAND = 0.15;

/**
 * A conversation's sentiment from its customer messages, oldest first (SV8): the last six, the
 * newest weighing most (weights 1 to 6). A supervisor wants how the customer feels now, so a
 * complaint that was resolved ("thanks, that fixed it") should lift it; but one "ok" after five
 * angry messages is no calm, so the older ones keep a say. Neutral messages (an order number, a
 * question) count half: facts should not wash out what the customer feels. Profanity in the window
 * holds it at Negative at best, as it does for the message.
 */
export function conversationSentiment(messages: readonly MessageSentiment[]): {
  score: number;
  level: SentimentLevel;
} {
  const window = messages.slice(-CONVERSATION_WINDOW);
  let total = 0;
  let weights = 0;
  window.forEach((message, index) => {
    const weight = (index + 1) * (Math.abs(message.score) < NEUTRAL_BAND ? NEUTRAL_WEIGHT : 1);
    total += message.score * weight;
    weights += weight;
  });
  let score = weights > 0 ? total / weights : 0;
  if (window.some((message) => message.profanity)) score = Math.min(score, PROFANITY_CEILING);
  return { score, level: levelOfScore(score) };
}
