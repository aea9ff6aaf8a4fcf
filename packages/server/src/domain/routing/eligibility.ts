import type { Presence } from '@switchboard/protocol';

export type AgentSnapshot = {
  id: string;
  name: string;
  presence: Presence;
  capacity: number;
  usedCapacity: number;
  queueIds: readonly string[];
  lastAssignedAt: Date | null;
};

export type RoutingItem = {
  conversationId: string;
  queueId: string;
  capacityUnits: number;
  allowedPresences: readonly Presence[];
  /** After this many declines an agent is no longer offered the item. */
  maxDeclines: number;
  waitingSince: Date;
};

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/** SPEC RT4: queue member, allowed presence, enough capacity left; plus the decline limit. */
export function eligibility(agent: AgentSnapshot, item: RoutingItem, declines: number): Eligibility {
  if (!agent.queueIds.includes(item.queueId)) return { eligible: false, reason: 'not a member of the queue' };
  if (!item.allowedPresences.includes(agent.presence)) {
    return { eligible: false, reason: `presence ${agent.presence} is not allowed` };
  }
  const free = agent.capacity - agent.usedCapacity;
  if (free < item.capacityUnits) {
    return { eligible: false, reason: `capacity ${free} left, ${item.capacityUnits} needed` };
  }
  if (declines >= item.maxDeclines) return { eligible: false, reason: `declined ${declines} times` };
  return { eligible: true };
}
