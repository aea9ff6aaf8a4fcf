import { z } from 'zod';
import { Channel, Id, Presence, SingleLine, Timestamp } from './common.js';
import { ConversationSummary, PageQuery } from './conversations.js';
import { SentimentLevel } from './sentiment.js';
import { OngoingSort, SortDirection } from './ongoing-sort.js';

/** The admin's switches for supervisor commands (SV7), per organisation; all on by default. */
export const SupervisorSwitches = z.strictObject({
  monitor: z.boolean(),
  assign: z.boolean(),
  transfer: z.boolean(),
  'force-close': z.boolean(),
});
export type SupervisorSwitches = z.infer<typeof SupervisorSwitches>;

/** The states of a conversation in progress, as the ongoing list shows and filters them (SV1). */
export const OngoingState = z.enum(['open', 'active', 'waiting', 'wrap-up']);
export type OngoingState = z.infer<typeof OngoingState>;

/**
 * Filters and sort of the ongoing list (SV1), applied on the server a page at a time. Without a
 * direction a sort takes its natural one (`NATURAL_DIRECTION`); a cursor holds only for the sort it came with.
 */
export const OngoingQuery = PageQuery.extend({
  queueId: Id.optional(),
  channel: Channel.optional(),
  state: OngoingState.optional(),
  agentId: Id.optional(),
  sort: OngoingSort.default('newest'),
  direction: SortDirection.optional(),
});
export type OngoingQuery = z.input<typeof OngoingQuery>;

/**
 * One conversation in progress: its summary, since when it has waited in its queue, and how the
 * customer feels (SV8) from their last six messages; null before their first scored one.
 */
export const OngoingRow = ConversationSummary.extend({ waitingSince: Timestamp, sentiment: SentimentLevel.nullable() });
export type OngoingRow = z.infer<typeof OngoingRow>;

/** A page of the ongoing list in the order asked, with what this organisation lets supervisors do. */
export const OngoingList = z.object({
  conversations: z.array(OngoingRow),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
  switches: SupervisorSwitches,
});
export type OngoingList = z.infer<typeof OngoingList>;

/** The agent filter's search (SV1): every agent, found by part of the name, not the first 100. */
export const StaffSearchQuery = z.object({
  search: SingleLine(100, { trim: true }).default(''),
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(50, 'limit is at most 50').default(20),
});
export type StaffSearchQuery = z.input<typeof StaffSearchQuery>;

export const StaffMatch = z.object({ id: Id, name: z.string(), presence: Presence });
export const StaffMatches = z.object({ agents: z.array(StaffMatch) });
export type StaffMatches = z.infer<typeof StaffMatches>;

/** One person a supervisor may assign an open conversation to (SV4), and what doing so overrides. */
export const AssignAgentOption = z.object({
  id: Id,
  name: z.string(),
  presence: Presence,
  /** The assignment needs no override: a presence the workstream allows, room, under the session limit. */
  fits: z.boolean(),
  /** What an assignment would override, in words (null when it fits or cannot be made at all). */
  override: z.string().nullable(),
  /** Why they cannot be given it even with an override (offline), or null. */
  refusal: z.string().nullable(),
});
export type AssignAgentOption = z.infer<typeof AssignAgentOption>;

export const AssignOptions = z.object({
  agents: z.array(AssignAgentOption),
  /** Every queue but the conversation's own. */
  queues: z.array(z.object({ id: Id, name: z.string() })),
});
export type AssignOptions = z.infer<typeof AssignOptions>;

/** Assign an open conversation (SV4): to a person (offered to them as routing would), or to a queue. */
export const AssignRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('agent'),
    agentId: Id,
    /** Go ahead past presence, capacity and the session limit; recorded in the routing trace. */
    override: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('queue'), queueId: Id }),
]);
export type AssignRequest = z.input<typeof AssignRequest>;

/** Whether customer sentiment (SV8) is scored and shown to supervisors; on by default. */
export const SentimentSetting = z.strictObject({
  enabled: z.boolean(),
  /** Supervisors are alerted when a conversation falls to this level or below; none: never. */
  threshold: z.enum(['none', 'slightly-negative', 'negative', 'very-negative']).default('none'),
});
export type SentimentSetting = z.input<typeof SentimentSetting>;

/** To supervisors: a conversation fell to the admin's threshold (SV8). */
export const SentimentAlert = z.object({
  conversationId: Id,
  customerName: z.string(),
  agentName: z.string().nullable(),
  level: SentimentLevel,
});
export type SentimentAlert = z.infer<typeof SentimentAlert>;
