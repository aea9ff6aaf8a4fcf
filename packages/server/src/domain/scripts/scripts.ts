import type { Condition, ScriptStep } from '@switchboard/protocol';
import { evaluateCondition } from '../routing/conditions.js';
import type { RoutingContext } from '../routing/types.js';

/** What choosing and checking scripts needs of one (AG7). */
export type ScriptFacts = {
  id: string;
  name: string;
  workstreamId: string | null;
  rule: Condition | null;
  order: number;
  steps: readonly ScriptStep[];
};

const byOrder = (a: ScriptFacts, b: ScriptFacts) =>
  a.order - b.order || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/**
 * The script a conversation gets: the first script with a rule that holds on its context (lowest order
 * first; a rule script tied to a workstream applies only there), else its workstream's default (a
 * script of that workstream without a rule, lowest order first), else none. The rule is the routing
 * condition shape and reads the same fields (context., prechat., channel., contact., account.).
 */
export function chooseScript<S extends ScriptFacts>(
  scripts: readonly S[],
  conversation: { workstreamId: string; context: RoutingContext },
): S | null {
  const sorted = [...scripts].sort(byOrder);
  const inScope = (s: S) => s.workstreamId === null || s.workstreamId === conversation.workstreamId;
  const ruled = sorted.find((s) => s.rule !== null && inScope(s) && evaluateCondition(s.rule, conversation.context));
  if (ruled) return ruled;
  return sorted.find((s) => s.rule === null && s.workstreamId === conversation.workstreamId) ?? null;
}

/**
 * A loop of sub-scripts the saved script would make: the names along it, from the saved script back to
 * itself ("A → B → A"), or null. Walked with a stack (no recursion), over the saved version of `saved`
 * and the stored versions of the others.
 */
export function subScriptCycle(saved: ScriptFacts, others: readonly ScriptFacts[]): string[] | null {
  const byId = new Map(others.map((s) => [s.id, s] as const));
  byId.set(saved.id, saved);
  const children = (s: ScriptFacts) =>
    s.steps.flatMap((step) => (step.kind === 'script' ? [step.scriptId] : [])).filter((id) => byId.has(id));
  const stack: { id: string; path: string[] }[] = children(saved).map((id) => ({ id, path: [saved.id, id] }));
  const seen = new Set<string>();
  while (stack.length) {
    const { id, path } = stack.pop()!;
    if (id === saved.id) return path.map((p) => byId.get(p)!.name);
    if (seen.has(id)) continue;
    seen.add(id);
    for (const child of children(byId.get(id)!)) stack.push({ id: child, path: [...path, child] });
  }
  return null;
}

/** Every script a script's sub-script steps reach, transitively (each once, never the script itself). */
export function reachableSubScripts<S extends ScriptFacts>(root: S, all: readonly S[]): S[] {
  const byId = new Map(all.map((s) => [s.id, s] as const));
  const found = new Map<string, S>();
  const stack = [root];
  while (stack.length) {
    for (const step of stack.pop()!.steps) {
      if (step.kind !== 'script' || step.scriptId === root.id || found.has(step.scriptId)) continue;
      const child = byId.get(step.scriptId);
      if (!child) continue;
      found.set(child.id, child);
      stack.push(child);
    }
  }
  return [...found.values()];
}

/** The done steps after marking one: kept in the script's step order, each once; unknown ids refused. */
export function markStep(
  script: Pick<ScriptFacts, 'steps' | 'name'>,
  done: readonly string[],
  stepId: string,
  isDone: boolean,
): { ok: true; done: string[] } | { ok: false; reason: string } {
  if (!script.steps.some((s) => s.id === stepId))
    return { ok: false, reason: `script "${script.name}" has no step ${stepId}` };
  const set = new Set(done);
  if (isDone) set.add(stepId);
  else set.delete(stepId);
  return { ok: true, done: script.steps.map((s) => s.id).filter((id) => set.has(id)) };
}
