import { z } from 'zod';
import { Id } from './common.js';
import { OngoingQuery, OngoingRow } from './supervision.js';

/**
 * What a supervisor's socket follows (SV1): the ongoing list as its desk shows it, these filters and
 * this sort. Sent with `SocketEvents.ongoingSubscribe`; a new one replaces the socket's feed.
 */
export const OngoingSubscription = z.strictObject(
  OngoingQuery.pick({ queueId: true, channel: true, state: true, agentId: true, sort: true, direction: true }).shape,
);
export type OngoingSubscription = z.input<typeof OngoingSubscription>;

/** One row of a feed: the whole row as the list shows it, or its removal from the list. */
export const OngoingPatch = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), row: OngoingRow }),
  z.object({ op: z.literal('remove'), id: Id }),
]);
export type OngoingPatch = z.infer<typeof OngoingPatch>;

/**
 * What a feed is sent when conversations of its list change. `seq` counts 1, 2, 3 ... per feed: a
 * client that sees a gap reads the list again over REST. `total` is how many the filter holds now.
 */
export const OngoingFeedMessage = z.object({
  feed: z.number().int().positive(),
  seq: z.number().int().positive(),
  total: z.number().int().min(0),
  patches: z.array(OngoingPatch),
});
export type OngoingFeedMessage = z.infer<typeof OngoingFeedMessage>;

/** The subscription's acknowledgement: the feed's number (its messages carry it), or why not. */
export const OngoingSubscribed = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), feed: z.number().int().positive(), total: z.number().int().min(0) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type OngoingSubscribed = z.infer<typeof OngoingSubscribed>;
