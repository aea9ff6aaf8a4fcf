import type { ClassificationOutputs, Ruleset, SkillRequirement, TraceStep } from '@switchboard/protocol';
import { evaluateCondition, type Outputs } from './conditions.js';
import type { RoutingContext } from './types.js';

export type Classification = { outputs: Outputs; trace: TraceStep[] };

/** Skills add up by skill id; a skill named twice keeps its higher proficiency. */
export function mergeSkills(
  current: readonly SkillRequirement[],
  added: readonly SkillRequirement[],
): SkillRequirement[] {
  const byId = new Map<string, number>();
  for (const s of [...current, ...added]) byId.set(s.skillId, Math.max(byId.get(s.skillId) ?? 0, s.proficiency));
  return [...byId].map(([skillId, proficiency]) => ({ skillId, proficiency }));
}

/** Applies one rule's outputs: skills merge, every other output overwrites. */
export function mergeOutputs(current: Outputs, set: ClassificationOutputs): Outputs {
  const merged: Outputs = { ...current, ...set };
  if (set.skills) merged.skills = mergeSkills(current.skills ?? [], set.skills);
  return merged;
}

/**
 * Runs the classification rulesets in order (RT2). Inside a
 * ruleset the first matching rule wins; later rulesets see what earlier ones set. One
 * `classification` trace step per ruleset, with the rule that matched (or null).
 */
export function classify(rulesets: readonly Ruleset[], ctx: RoutingContext, initial: Outputs = {}): Classification {
  let outputs = initial;
  const trace: TraceStep[] = [];
  for (const ruleset of rulesets) {
    const rule = ruleset.rules.find((r) => evaluateCondition(r.when, ctx, outputs));
    if (rule) outputs = mergeOutputs(outputs, rule.set);
    trace.push({
      step: 'classification',
      ruleset: ruleset.name,
      matchedRule: rule?.name ?? null,
      outputs: rule ? rule.set : {},
    });
  }
  return { outputs, trace };
}
