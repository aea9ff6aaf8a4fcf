import type { AgentNow } from '@switchboard/protocol';
import { startAssignmentCycle } from './assign.js';
import { eligibility } from './eligibility.js';
import type { AgentState, RoutingConfig, WorkItem } from './types.js';

export type WaitingExplanation = { note: string | null; agents: AgentNow[] };

/**
 * Why a waiting item is where it is, for every member of its queue (RT5), asked on demand: the
 * same cycle routing runs (eligibility, affinity, the queue's strategy and its ranking), on the
 * state of this moment, and nothing is charged or stored. When the engine offers it to nobody
 * whoever is free (a pick workstream, too many declines), each member still gets their own
 * eligibility, beside the engine's note.
 */
export function explainWaiting(
  item: WorkItem,
  agents: readonly AgentState[],
  config: RoutingConfig,
  now: Date,
): WaitingExplanation {
  const decision = startAssignmentCycle(agents, config, now).assign(item);
  const byId = new Map(agents.map((a) => [a.id, a]));
  if (!decision.note) {
    return {
      note: null,
      agents: decision.considered.map((c) => ({
        agentId: c.agentId,
        name: byId.get(c.agentId)?.name ?? c.agentName,
        eligible: c.rank !== null,
        rank: c.rank,
        reason: c.reason,
      })),
    };
  }
  const ws = config.workstreams.get(item.workstreamId);
  const members = agents.filter((a) => a.queueIds.includes(item.queueId));
  return {
    note: decision.note,
    agents: members.map((a) => {
      const verdict = ws
        ? eligibility(a, item, ws, config.capacityProfiles)
        : { eligible: false as const, reason: 'the workstream does not exist' };
      return {
        agentId: a.id,
        name: a.name,
        eligible: verdict.eligible,
        rank: null,
        reason: verdict.eligible ? 'could take it' : verdict.reason,
      };
    }),
  };
}
