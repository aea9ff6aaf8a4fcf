import type { SkillRequirement, Workstream } from '@switchboard/protocol';
import type { AgentState, SkillFit } from './types.js';

/** How an agent's skills compare with what an item needs. */
export type SkillMatch = {
  fit: SkillFit;
  /** Sum over required skills of |agent proficiency − required|, a missing skill counting as 0. */
  distance: number;
  /** Why the agent falls short, for the trace; null unless the fit is 'under'. */
  shortfall: string | null;
};

const NONE_REQUIRED: SkillMatch = Object.freeze({ fit: 'none-required', distance: 0, shortfall: null });

/**
 * Compares an agent with an item's skill requirements (RT4):
 * 'exact' when every requirement is met at exactly the required proficiency, 'over' when every
 * one is met and some exceed it, 'under' when any is below or missing.
 */
export function skillFit(agent: Pick<AgentState, 'skills'>, requirements: readonly SkillRequirement[]): SkillMatch {
  if (requirements.length === 0) return NONE_REQUIRED;
  let distance = 0;
  let over = false;
  let shortfall: string | null = null;
  for (const r of requirements) {
    const has = agent.skills[r.skillId] ?? 0;
    distance += Math.abs(has - r.proficiency);
    if (has > r.proficiency) over = true;
    if (has < r.proficiency && shortfall === null) {
      shortfall =
        has === 0
          ? `missing skill ${r.skillId} (needs ${r.proficiency})`
          : `skill ${r.skillId} at ${has}, needs ${r.proficiency}`;
    }
  }
  const fit: SkillFit = shortfall !== null ? 'under' : over ? 'over' : 'exact';
  return { fit, distance, shortfall };
}

const FIT_RANK: Record<SkillFit, number> = { 'none-required': 0, exact: 0, over: 1, under: 2 };

/** Closest-match order: exact first, then over-qualified, then under-qualified; nearer first in each. */
export function compareCloseness(
  a: { skillFit: SkillFit; skillDistance: number },
  b: { skillFit: SkillFit; skillDistance: number },
): number {
  return FIT_RANK[a.skillFit] - FIT_RANK[b.skillFit] || a.skillDistance - b.skillDistance;
}

/** Whether the workstream's matching mode lets an agent with this match take the item. */
export function skillsAllow(mode: Workstream['skillMatching'], match: SkillMatch): boolean {
  return mode !== 'exact' || match.fit !== 'under';
}

/** Sum of the agent's proficiency over the required skills ("most proficient" ordering). */
export function proficiencySum(agent: Pick<AgentState, 'skills'>, requirements: readonly SkillRequirement[]): number {
  let sum = 0;
  for (const r of requirements) sum += agent.skills[r.skillId] ?? 0;
  return sum;
}
