import { z } from 'zod';
import { ConversationState, Id, Timestamp } from './common.js';
import { ClassificationOutputs, OverflowAction } from './routing-config.js';

/**
 * One agent the engine looked at, and why it was chosen or skipped (RT5). `rank` is the
 * agent's place among the eligible ones (1 goes first); null when the agent was skipped. The
 * reason of a ranked agent says what put them below the agent ranked just above.
 */
export const AgentConsidered = z.object({
  agentId: Id,
  agentName: z.string(),
  chosen: z.boolean(),
  rank: z.number().int().positive().nullable(),
  reason: z.string(),
});
export type AgentConsidered = z.infer<typeof AgentConsidered>;

export const TraceStep = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('classification'),
    ruleset: z.string(),
    matchedRule: z.string().nullable(),
    outputs: ClassificationOutputs.or(z.object({})),
  }),
  z.object({
    step: z.literal('queue'),
    queueId: Id,
    queueName: z.string(),
    matchedRule: z.string().nullable(),
    reason: z.string(),
    skipped: z.array(z.object({ queueId: Id, queueName: z.string(), reason: z.string() })),
  }),
  z.object({ step: z.literal('overflow'), queueId: Id, condition: z.string(), action: OverflowAction }),
  z.object({
    step: z.literal('assignment'),
    queueId: Id,
    strategy: z.string(),
    agentId: Id.nullable(),
    considered: z.array(AgentConsidered),
    outcome: z.enum(['offered', 'no-eligible-agent', 'claim-lost']),
  }),
]);
export type TraceStep = z.infer<typeof TraceStep>;

export const RoutingTraceEntry = z.object({ at: Timestamp, steps: z.array(TraceStep) });
export type RoutingTraceEntry = z.infer<typeof RoutingTraceEntry>;

/** One member of the queue, judged against the current state: eligible ones are ranked (1 goes first). */
export const AgentNow = z.object({
  agentId: Id,
  name: z.string(),
  eligible: z.boolean(),
  rank: z.number().int().positive().nullable(),
  reason: z.string(),
});
export type AgentNow = z.infer<typeof AgentNow>;

/**
 * Why a waiting conversation is not offered right now (RT5): computed when asked, by the same
 * engine that routes, never stored. `note` says why nobody is offered it whoever is free (a pick
 * workstream, too many declines).
 */
export const RoutingNow = z.object({
  at: Timestamp,
  queueId: Id.nullable(),
  note: z.string().nullable(),
  agents: z.array(AgentNow),
});
export type RoutingNow = z.infer<typeof RoutingNow>;

/** `state` is where the conversation is now: an open one still waits for an agent, and `now` says why. */
export const RoutingTrace = z.object({
  conversationId: Id,
  state: ConversationState,
  entries: z.array(RoutingTraceEntry),
  now: RoutingNow.optional(),
});
export type RoutingTrace = z.infer<typeof RoutingTrace>;
