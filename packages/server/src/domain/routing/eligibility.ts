import type { CapacityProfile, Workstream } from '@switchboard/protocol';
import { atSessionLimit, capacityShortfall, remaining } from './capacity.js';
import { skillFit, skillsAllow, type SkillMatch } from './skills.js';
import type { AgentState, WorkItem } from './types.js';

/** Whether an agent may be offered an item, and if not, why in words a supervisor reads. */
export type Eligibility =
  { eligible: true; match: SkillMatch; remaining: number } | { eligible: false; reason: string };

/** The workstream settings eligibility reads. */
export type EligibilityRules = Pick<Workstream, 'allowedPresences' | 'maxDeclines' | 'skillMatching'>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Shared refusals: a cycle refuses thousands of agents per item for the same few reasons, and
// building a fresh object and string for each made garbage collection the bottleneck.
const NOT_MEMBER: Eligibility = { eligible: false, reason: 'not a member of the queue' };
const sessionsFull = new Map<number, Eligibility>();
function sessionLimitReached(limit: number): Eligibility {
  let refusal = sessionsFull.get(limit);
  if (!refusal) {
    refusal = { eligible: false, reason: `holds ${plural(limit, 'conversation')}, the session limit` };
    sessionsFull.set(limit, refusal);
  }
  return refusal;
}
const PRESENCE_REFUSED = Object.fromEntries(
  (['available', 'busy', 'busy-dnd', 'away', 'offline'] as const).map((p) => [
    p,
    { eligible: false, reason: `presence ${p} is not allowed` },
  ]),
) as Record<AgentState['presence'], Eligibility>;

// Most items have no declines; skipping the lookup then spares a keyed read per agent.
const emptyDeclines = new WeakSet<object>();
/** How often the agent declined the item (reject or timeout). */
export function declinesOf(item: WorkItem, agentId: string): number {
  if (emptyDeclines.has(item.declines)) return 0;
  if (Object.keys(item.declines).length === 0) {
    emptyDeclines.add(item.declines);
    return 0;
  }
  return item.declines[agentId] ?? 0;
}

/**
 * RT4: the agent is a member of the item's queue, has a presence the workstream allows,
 * holds fewer conversations than the organisation's session limit (if it has one), has declined
 * it fewer than `maxDeclines`
 * times, has room for its capacity need, and has the skills the workstream's matching mode asks
 * for (exact: every requirement met; closest and none: anyone). The checks run in that order; the first that fails is the reason.
 */
export function eligibility(
  agent: AgentState,
  item: WorkItem,
  rules: EligibilityRules,
  profiles: ReadonlyMap<string, CapacityProfile>,
  sessionLimit: number | null = null,
): Eligibility {
  if (!agent.queueIds.includes(item.queueId)) return NOT_MEMBER;
  return memberEligibility(agent, item, rules, profiles, sessionLimit);
}

/** `eligibility` for an agent already known to be a member of the item's queue (a cycle indexes members once). */
export function memberEligibility(
  agent: AgentState,
  item: WorkItem,
  rules: EligibilityRules,
  profiles: ReadonlyMap<string, CapacityProfile>,
  sessionLimit: number | null = null,
): Eligibility {
  if (!rules.allowedPresences.includes(agent.presence)) return PRESENCE_REFUSED[agent.presence];
  if (sessionLimit !== null && atSessionLimit(agent.sessions, sessionLimit)) return sessionLimitReached(sessionLimit);
  const declines = declinesOf(item, agent.id);
  if (declines >= rules.maxDeclines) {
    return { eligible: false, reason: `declined it ${plural(declines, 'time')} (limit ${rules.maxDeclines})` };
  }
  const shortfall = capacityShortfall(agent, item.need, profiles);
  if (shortfall !== null) return { eligible: false, reason: shortfall };
  const match = skillFit(agent, rules.skillMatching === 'none' ? [] : item.skills);
  if (!skillsAllow(rules.skillMatching, match))
    return { eligible: false, reason: match.shortfall ?? 'skills do not match' };
  return { eligible: true, match, remaining: remaining(agent, item.need) };
}
