import { z } from 'zod';
import { Id, RequestInstant, SingleLine, Timestamp } from './common.js';

/** CH1: what the host page tracked with `Switchboard.track*` (docs/widget-api.md). */
export const JourneyKind = z.enum(['page-visited', 'search', 'article-viewed', 'custom']);
export type JourneyKind = z.infer<typeof JourneyKind>;

/** At most this many actions in one request, and kept by the loader before a chat exists. */
export const MAX_JOURNEY_ACTIONS = 100;

const DetailValue = z.union([SingleLine(1000, { trim: false }), z.number().finite(), z.boolean(), z.null()]);

/**
 * One tracked action. `name` is the page URL, the search query, the article's title or the custom
 * action's name; `detail` holds the rest (a page's title, a result count, an article id), flat.
 */
export const JourneyActionInput = z.strictObject({
  kind: JourneyKind,
  name: SingleLine(2000, { min: 1, minMessage: 'name is required' }),
  detail: z
    .record(SingleLine(100, { min: 1 }), DetailValue)
    .refine((d) => Object.keys(d).length <= 20, { message: 'at most 20 detail entries' })
    .default({}),
  at: RequestInstant,
});
export type JourneyActionInput = z.input<typeof JourneyActionInput>;

export const JourneyBatch = z.strictObject({
  actions: z.array(JourneyActionInput).min(1).max(MAX_JOURNEY_ACTIONS, `at most ${MAX_JOURNEY_ACTIONS} actions`),
});
export type JourneyBatch = z.input<typeof JourneyBatch>;

export const JourneyAction = z.object({
  id: Id,
  kind: JourneyKind,
  name: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  at: Timestamp,
});
export type JourneyAction = z.infer<typeof JourneyAction>;

export const JourneyList = z.object({ actions: z.array(JourneyAction) });
export type JourneyList = z.infer<typeof JourneyList>;

export const JourneyStored = z.object({ stored: z.number().int() });

/** CH1: a chat carried to another site of the same organisation (a link the host page marked). */
export const ResumeLink = z.object({ token: z.string(), expiresAt: Timestamp });
export type ResumeLink = z.infer<typeof ResumeLink>;

export const ResumeExchange = z.strictObject({ token: SingleLine(2000, { min: 1, minMessage: 'token is required' }) });
export type ResumeExchange = z.input<typeof ResumeExchange>;
