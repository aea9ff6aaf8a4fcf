import { eligibility, type AgentSnapshot, type RoutingItem } from './eligibility.js';

export type Consideration = { agentId: string; agentName: string; chosen: boolean; reason: string };
export type AssignmentDecision = { agentId: string | null; considered: Consideration[] };

/**
 * Picks the agent for one item: among eligible agents, fewest declines of this item first,
 * then most capacity left, then longest since their last assignment (round robin on ties).
 */
export function decideAssignment(
  item: RoutingItem,
  agents: readonly AgentSnapshot[],
  declines: ReadonlyMap<string, number>,
): AssignmentDecision {
  const considered: Consideration[] = [];
  const eligible: AgentSnapshot[] = [];
  for (const agent of agents) {
    const verdict = eligibility(agent, item, declines.get(agent.id) ?? 0);
    if (verdict.eligible) eligible.push(agent);
    else considered.push({ agentId: agent.id, agentName: agent.name, chosen: false, reason: verdict.reason });
  }
  eligible.sort(
    (a, b) =>
      (declines.get(a.id) ?? 0) - (declines.get(b.id) ?? 0) ||
      b.capacity - b.usedCapacity - (a.capacity - a.usedCapacity) ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.id.localeCompare(b.id),
  );
  const [winner, ...rest] = eligible;
  if (winner) {
    considered.push({ agentId: winner.id, agentName: winner.name, chosen: true, reason: 'most capacity left' });
  }
  for (const agent of rest) {
    considered.push({ agentId: agent.id, agentName: agent.name, chosen: false, reason: 'ranked lower' });
  }
  return { agentId: winner?.id ?? null, considered };
}
