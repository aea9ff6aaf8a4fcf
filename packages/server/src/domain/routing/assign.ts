import type { AgentConsidered, TraceStep, Workstream } from '@switchboard/protocol';
import { charge } from './capacity.js';
import { eligibility, memberEligibility } from './eligibility.js';
import { prioritize } from './prioritize.js';
import { strategyFor } from './strategies/strategy-for.js';
import type {
  AgentState,
  AssignmentDecision,
  AssignmentStrategy,
  Candidate,
  NonEmpty,
  RoutingConfig,
  WorkItem,
} from './types.js';

/** The agents of one cycle: the working copy (charged as the cycle assigns) and who is in which queue. */
type Cycle = { agents: Map<string, AgentState>; byQueue: Map<string, string[]>; config: RoutingConfig; now: Date };

function startCycle(agents: readonly AgentState[], config: RoutingConfig, now: Date): Cycle {
  const byId = new Map<string, AgentState>();
  const byQueue = new Map<string, string[]>();
  for (const agent of agents) {
    if (byId.has(agent.id)) continue;
    byId.set(agent.id, agent);
    for (const q of agent.queueIds) {
      const members = byQueue.get(q);
      // A queue listed twice by one agent would otherwise list the agent twice.
      if (!members) byQueue.set(q, [agent.id]);
      else if (members[members.length - 1] !== agent.id) members.push(agent.id);
    }
  }
  return { agents: byId, byQueue, config, now };
}

const considered = (
  agent: AgentState,
  chosen: boolean,
  reason: string,
  rank: number | null = null,
): AgentConsidered => ({ agentId: agent.id, agentName: agent.name, chosen, rank, reason });

function toCandidate(
  agent: AgentState,
  item: WorkItem,
  ws: Workstream,
  cycle: Cycle,
  member: boolean,
): Candidate | string {
  const { capacityProfiles, sessionLimit } = cycle.config;
  const verdict = (member ? memberEligibility : eligibility)(agent, item, ws, capacityProfiles, sessionLimit);
  if (!verdict.eligible) return verdict.reason;
  const { match, remaining } = verdict;
  return {
    agent,
    remaining,
    skillFit: match.fit,
    skillDistance: match.distance,
    declines: item.declines[agent.id] ?? 0,
  };
}

/** Affinity (RT1): the agent who had the item takes it back if eligible. */
function affinityDecision(
  item: WorkItem,
  ws: Workstream,
  cycle: Cycle,
  strategy: string,
): { decision: AssignmentDecision | null; note: AgentConsidered | null } {
  const agent = item.affinityAgentId === null ? undefined : cycle.agents.get(item.affinityAgentId);
  if (!agent) return { decision: null, note: null };
  const c = toCandidate(agent, item, ws, cycle, false);
  if (typeof c === 'string') return { decision: null, note: considered(agent, false, `affinity agent, but ${c}`) };
  const chosen = considered(agent, true, 'affinity: had this conversation before', 1);
  return {
    decision: { itemId: item.id, queueId: item.queueId, agentId: agent.id, strategy, considered: [chosen] },
    note: null,
  };
}

function rankMembers(
  item: WorkItem,
  ws: Workstream,
  strategy: AssignmentStrategy,
  cycle: Cycle,
  notes: AgentConsidered[],
): AssignmentDecision {
  const skipped: AgentConsidered[] = [...notes];
  let candidates: Candidate[] = [];
  for (const id of cycle.byQueue.get(item.queueId) ?? []) {
    if (id === item.affinityAgentId && notes.length > 0) continue;
    const agent = cycle.agents.get(id)!;
    const c = toCandidate(agent, item, ws, cycle, true);
    if (typeof c === 'string') skipped.push(considered(agent, false, c));
    else candidates.push(c);
  }
  const ctx = { item, queueId: item.queueId, now: cycle.now, skillMatching: ws.skillMatching };
  if (strategy.filter && candidates.length > 0) {
    const { kept, reasons } = strategy.filter(candidates, ctx);
    const keptIds = new Set(kept.map((c) => c.agent.id));
    for (const c of candidates)
      if (!keptIds.has(c.agent.id)) skipped.push(considered(c.agent, false, reasons.get(c.agent.id) ?? 'filtered out'));
    candidates = kept;
  }
  const decision: AssignmentDecision = {
    itemId: item.id,
    queueId: item.queueId,
    agentId: null,
    strategy: strategy.name,
    considered: skipped,
  };
  if (candidates.length === 0) return decision;
  const { ranked, reasons } = strategy.rank(candidates as unknown as NonEmpty<Candidate>, ctx);
  const all: AgentConsidered[] = [];
  ranked.forEach((c, i) => all.push(considered(c.agent, i === 0, reasons.get(c.agent.id) ?? '', i + 1)));
  for (const s of skipped) all.push(s);
  return { ...decision, agentId: ranked[0].agent.id, considered: all };
}

/** After this many declines in all, an item is left to picking and supervisors (RT3). */
export const TOTAL_DECLINE_LIMIT = 100;

function notOffered(item: WorkItem, strategy: string, note: string): AssignmentDecision {
  return { itemId: item.id, queueId: item.queueId, agentId: null, strategy, considered: [], note };
}

function decide(item: WorkItem, cycle: Cycle): AssignmentDecision {
  const ws = cycle.config.workstreams.get(item.workstreamId);
  const queue = cycle.config.queues.get(item.queueId);
  if (!queue) return notOffered(item, 'none', 'the queue does not exist');
  if (!ws) return notOffered(item, queue.assignment.kind, 'the workstream does not exist');
  if (ws.distribution === 'pick')
    return notOffered(item, queue.assignment.kind, 'pick workstream: agents take items themselves');
  const declines = Object.values(item.declines).reduce((sum, n) => sum + n, 0);
  if (declines >= TOTAL_DECLINE_LIMIT)
    return notOffered(
      item,
      queue.assignment.kind,
      `declined ${declines} times in all: left to picking and supervisors`,
    );
  const strategy = strategyFor(queue.assignment);
  const { decision, note } = affinityDecision(item, ws, cycle, strategy.name);
  return decision ?? rankMembers(item, ws, strategy, cycle, note ? [note] : []);
}

/** The chosen agent after this assignment: capacity charged, round robin moved on. */
function afterAssignment(agent: AgentState, item: WorkItem, cycle: Cycle): AgentState {
  const charged = charge(agent, item.need, cycle.config.capacityProfiles);
  return { ...charged, lastAssignedAt: { ...charged.lastAssignedAt, [item.queueId]: cycle.now } };
}

/** A cycle in progress: decide items one by one against the cycle's working copy of the agents. */
export type AssignmentCycle = { assign(item: WorkItem): AssignmentDecision };

/**
 * Starts a cycle: indexes agents by queue once, then each `assign` decides one item and charges
 * the chosen agent in the working copy, so later items see the capacity used. Callers that
 * serve items themselves must pass them in `prioritize` order; `assignCycle` does that.
 */
export function startAssignmentCycle(agents: readonly AgentState[], config: RoutingConfig, now: Date): AssignmentCycle {
  const cycle = startCycle(agents, config, now);
  return {
    assign(item) {
      const decision = decide(item, cycle);
      const agent = decision.agentId === null ? undefined : cycle.agents.get(decision.agentId);
      if (agent) cycle.agents.set(agent.id, afterAssignment(agent, item, cycle));
      return decision;
    },
  };
}

/**
 * One assignment cycle (RT3-RT5): items in priority order; for each,
 * the eligible members of its queue ranked by the queue's strategy, every member recorded with
 * why they were chosen, ranked lower or skipped. An item listed twice is decided once. Pure and
 * deterministic; the caller claims each decision with a conditional write and may lose some.
 */
export function assignCycle(
  items: readonly WorkItem[],
  agents: readonly AgentState[],
  config: RoutingConfig,
  now: Date,
): AssignmentDecision[] {
  const cycle = startAssignmentCycle(agents, config, now);
  const seen = new Set<string>();
  const decisions: AssignmentDecision[] = [];
  for (const item of prioritize(items, config.queues)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    decisions.push(cycle.assign(item));
  }
  return decisions;
}

/** The trace step of a decision (RT5); `claim-lost` when the conditional write failed. */
export function assignmentStep(decision: AssignmentDecision, claimLost = false): TraceStep {
  return {
    step: 'assignment',
    queueId: decision.queueId,
    strategy: decision.strategy,
    agentId: claimLost ? null : decision.agentId,
    considered: decision.considered,
    outcome: claimLost ? 'claim-lost' : decision.agentId === null ? 'no-eligible-agent' : 'offered',
  };
}
