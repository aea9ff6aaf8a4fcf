import { z } from 'zod';
import { Id } from './common.js';

/** The reference's seven sentiment levels (SV8), most negative first. */
export const SentimentLevel = z.enum([
  'very-negative',
  'negative',
  'slightly-negative',
  'neutral',
  'slightly-positive',
  'positive',
  'very-positive',
]);
export type SentimentLevel = z.infer<typeof SentimentLevel>;

/**
 * How the customer of a conversation feels (SV8), for the agent who holds it: the level of their
 * last six messages, and whether it is at or below the admin's alert threshold (`low`: the mark).
 */
export const CustomerSentiment = z.object({ level: SentimentLevel, low: z.boolean() });
export type CustomerSentiment = z.infer<typeof CustomerSentiment>;

/** To the agent who holds it (SV8): their conversation's customer sentiment moved. */
export const CustomerSentimentChanged = CustomerSentiment.extend({ conversationId: Id });
export type CustomerSentimentChanged = z.infer<typeof CustomerSentimentChanged>;

/** Each customer message's level by message id (SV8): what a supervisor's monitor shows beside it. */
export const MessageSentiments = z.record(z.string(), SentimentLevel);
export type MessageSentiments = z.infer<typeof MessageSentiments>;
