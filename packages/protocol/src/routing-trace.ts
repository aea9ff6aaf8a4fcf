import { z } from 'zod';
import { ConversationState, Id, Timestamp } from './common.js';
import { ClassificationOutputs, OverflowAction } from './routing-config.js';

/**
 * One agent the engine looked at, and why it was chosen or skipped (SPEC RT5). `rank` is the
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
  z.object({ step: z.literal('classification'), ruleset: z.string(), matchedRule: z.string().nullable(), outputs: ClassificationOutputs.or(z.object({})) }),
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

/** `state` is where the conversation is now: an open one still waits for an agent. */
export const RoutingTrace = z.object({ conversationId: Id, state: ConversationState, entries: z.array(RoutingTraceEntry) });
export type RoutingTrace = z.infer<typeof RoutingTrace>;
