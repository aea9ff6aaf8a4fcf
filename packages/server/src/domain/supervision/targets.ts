import type { CapacityProfile, Presence } from '@switchboard/protocol';
import { capacityShortfall } from '../routing/capacity.js';
import type { AgentState, CapacityNeed } from '../routing/types.js';
import { queueTargetRefusal } from '../conversation/transfer.js';
import { assignmentOverride, describeOverride, type AssignmentOverride, type OverrideRules } from './override.js';
import type { Refusal } from './switches.js';

/** Someone a supervisor may hand a conversation to: an agent's routing state, and whether it is a bot. */
export type SupervisorTarget = { agent: AgentState; bot: boolean };

const conflict = (message: string): Refusal => ({ kind: 'conflict', message });

/**
 * The answer to "may it go to this agent?" (SV4): a refusal, or what the assignment overrides
 * (null: nothing) for the claim to record as a flag on its conditional write.
 */
export type AssignAgentAnswer =
  { refusal: Refusal; override: null } | { refusal: null; override: AssignmentOverride | null };

/**
 * Whether an open conversation may go to this agent (SV4). A presence the workstream gives no work
 * in, capacity or the session limit are overridable when the supervisor asks to override; a bot,
 * or an offline agent (nobody would see it), never.
 */
export function assignAgentAnswer(
  target: SupervisorTarget,
  rules: OverrideRules & { override: boolean },
): AssignAgentAnswer {
  const { agent } = target;
  if (target.bot)
    return { refusal: conflict(`${agent.name} is a bot; a supervisor assigns to people`), override: null };
  if (agent.presence === 'offline')
    return { refusal: conflict(`${agent.name} is offline; nobody would see the conversation`), override: null };
  const override = assignmentOverride(agent, rules);
  if (override && !rules.override) {
    const why = `${describeOverride(agent.name, override)}; assign with an override to go ahead`;
    return { refusal: conflict(why), override: null };
  }
  return { refusal: null, override };
}

/** Whether an open conversation may go to another queue (SV4): any queue but the one it is in. */
export function assignQueueRefusal(currentQueueId: string | null, targetQueueId: string): Refusal | null {
  const why = queueTargetRefusal(currentQueueId, targetQueueId);
  return why ? conflict(why) : null;
}

export type TransferTargetRules = {
  /** The agent holding the conversation now. */
  agentId: string;
  queueId: string | null;
  allowedPresences: readonly Presence[];
  need: CapacityNeed;
  profiles: ReadonlyMap<string, CapacityProfile>;
};

/**
 * Whether a supervisor may transfer to this agent (SV5): a person other than its agent, in the
 * conversation's queue, in a presence the workstream allows, with room. No override here: the
 * receiver answers the same notification as an agent's transfer, so it must be able to take it.
 */
export function transferTargetRefusal(target: SupervisorTarget, rules: TransferTargetRules): Refusal | null {
  const { agent } = target;
  if (target.bot) return conflict(`${agent.name} is a bot; a conversation is never transferred to a bot`);
  if (agent.id === rules.agentId) return conflict(`${agent.name} holds this conversation already`);
  if (rules.queueId === null || !agent.queueIds.includes(rules.queueId))
    return conflict(`${agent.name} is not a member of this conversation's queue`);
  if (!rules.allowedPresences.includes(agent.presence))
    return conflict(`${agent.name} is ${agent.presence}: the workstream gives no work then`);
  const shortfall = capacityShortfall(agent, rules.need, rules.profiles);
  return shortfall === null ? null : conflict(`${agent.name} has no room: ${shortfall}`);
}
