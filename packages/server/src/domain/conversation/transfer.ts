import type { ConversationState, Presence, TransferAgentOption } from '@switchboard/protocol';
import { capacityShortfall } from '../routing/capacity.js';
import type { AgentState, CapacityNeed } from '../routing/types.js';
import type { CapacityProfile } from '@switchboard/protocol';

/**
 * Transfer rules (AG5): which conversations can be handed on, to whom, and when an answer still
 * counts. Who asks is checked before (only the primary agent: participants.ts).
 */
export type Modality = 'messaging' | 'voice' | 'video';

export type TransferFacts = {
  state: ConversationState;
  accepted: boolean;
  modality: Modality;
  /** A transfer of it already waits for an answer. */
  pending: boolean;
};

/** Why this conversation cannot be transferred now, or null. */
export function transferRefusal(c: TransferFacts): string | null {
  if (c.state !== 'active' || !c.accepted)
    return `only an accepted, active conversation can be transferred (it is ${c.state})`;
  if (c.modality !== 'messaging') return `a conversation escalated to ${c.modality} cannot be transferred`;
  if (c.pending) return 'a transfer of this conversation already waits for an answer';
  return null;
}

/** Why nobody can be asked to consult on it now, or null: the primary agent must be working it. */
export function consultRefusal(c: { state: ConversationState; accepted: boolean }): string | null {
  if (c.state !== 'active' || !c.accepted)
    return `only an accepted, active conversation takes a consult (it is ${c.state})`;
  return null;
}

export type TargetRules = {
  fromUserId: string;
  queueId: string | null;
  allowedPresences: readonly Presence[];
  need: CapacityNeed;
  profiles: ReadonlyMap<string, CapacityProfile>;
};

/** Why this agent cannot take the conversation now, or null: a member of its queue, present, with room. */
export function agentTargetRefusal(agent: AgentState, rules: TargetRules): string | null {
  if (agent.id === rules.fromUserId) return 'you cannot transfer a conversation to yourself';
  if (rules.queueId === null || !agent.queueIds.includes(rules.queueId))
    return `${agent.name} is not a member of this conversation's queue`;
  if (!rules.allowedPresences.includes(agent.presence))
    return `${agent.name} is ${agent.presence}: the workstream gives no work then`;
  const shortfall = capacityShortfall(agent, rules.need, rules.profiles);
  return shortfall === null ? null : `${agent.name} has no room: ${shortfall}`;
}

/** The queue's other members, each with whether they can take it now; those who can first. */
export function transferCandidates(agents: readonly AgentState[], rules: TargetRules): TransferAgentOption[] {
  return agents
    .filter((a) => a.id !== rules.fromUserId && rules.queueId !== null && a.queueIds.includes(rules.queueId))
    .map((a) => {
      const reason = agentTargetRefusal(a, rules);
      return {
        agentId: a.id,
        name: a.name,
        presence: a.presence,
        freeUnits: rules.need.kind === 'units' ? Math.max(0, a.capacity - a.usedCapacity) : null,
        available: reason === null,
        reason,
      };
    })
    .sort((x, y) => Number(y.available) - Number(x.available) || x.name.localeCompare(y.name));
}

/** Why another queue cannot take it, or null. */
export function queueTargetRefusal(currentQueueId: string | null, targetQueueId: string): string | null {
  return currentQueueId === targetQueueId ? 'the conversation is in this queue already; pick another one' : null;
}

export type PendingFacts = {
  kind: 'transfer' | 'consult';
  status: string;
  toUserId: string | null;
  fromUserId: string;
  expiresAt: Date;
};

/** The states in which an answer to a transfer or consult still counts (a waiting one: SV5). */
const ANSWERABLE: Record<PendingFacts['kind'], readonly ConversationState[]> = {
  transfer: ['active', 'waiting'],
  consult: ['active'],
};

/**
 * Why an answer to a transfer no longer counts, or null: it must still wait, be addressed to whoever
 * answers, not have run out, and the conversation must still be with the agent it is from: active,
 * or for a supervisor's transfer (SV5) waiting. A consult needs its agent at work: active only.
 */
export function answerRefusal(
  h: PendingFacts,
  answeringUserId: string,
  c: { state: ConversationState; agentId: string | null },
  now: Date,
): string | null {
  if (h.toUserId !== answeringUserId) return 'this transfer is not addressed to you';
  if (h.status !== 'pending') return 'this transfer no longer waits for an answer';
  if (h.expiresAt <= now) return 'this transfer has expired';
  if (!ANSWERABLE[h.kind].includes(c.state) || c.agentId !== h.fromUserId)
    return 'the conversation changed meanwhile (it ended or went to someone else); the transfer is void';
  return null;
}

/**
 * What the receiving agent's accept does (AG5, SV5): they become its agent either way. A waiting
 * conversation nobody was working on is taken up again (resumed) for them and charged as an active
 * one. The first agent stays on as a consultant, to hand over, whichever state it was in (SPEC SV5).
 */
export function transferAcceptance(state: 'active' | 'waiting'): { resume: boolean; firstAgent: 'consultant' } {
  return { resume: state === 'waiting', firstAgent: 'consultant' };
}
