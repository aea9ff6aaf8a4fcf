import type {
  MacroKnowledgeHit,
  MacroOpen,
  MacroRun,
  MacroStep,
  MacroStepKind,
  MacroStepResult,
} from '@switchboard/protocol';

/**
 * The one macro interpreter (AG8). Pure: the steps, the values placeholders are filled from and a
 * table of actions (one per step kind, bound to services in services/macros/actions/) go in; the
 * per-step results come out. Steps run in order; the first failing one stops the run and the rest are
 * skipped. Each action commits on its own, so what earlier steps did stays done: the answer says which
 * step failed and why, and the timeline records every step's result.
 */

/** Placeholder values by name: `customer.name`, `context.orderId`, `steps.s1.caseId`, ... */
export type MacroValues = Readonly<Record<string, string | undefined>>;

export type StepOutcome =
  | {
      ok: true;
      /** One line for the agent and the timeline: "Created case CAS-01004". */
      message: string;
      /** Later steps read these as `{steps.<id>.<name>}`. */
      outputs?: Record<string, string>;
      /** Values this step changed for the steps after it, e.g. `case.id` once a case is created. */
      values?: Record<string, string>;
      open?: MacroOpen;
      knowledge?: MacroKnowledgeHit[];
    }
  | { ok: false; reason: string };

type StepOf<K extends MacroStepKind> = Extract<MacroStep, { kind: K }>;
export type MacroAction<K extends MacroStepKind> = (step: StepOf<K>, values: MacroValues) => Promise<StepOutcome>;
export type MacroActionTable = { [K in MacroStepKind]: MacroAction<K> };

/** Fields that name things rather than hold text: never filled in. */
const LITERAL_FIELDS = new Set(['id', 'kind', 'record', 'target', 'field', 'quickReplyId', 'priority', 'link']);

/** A text with every `{name}` replaced, or the first placeholder that has no value. */
export function fillPlaceholders(
  text: string,
  values: MacroValues,
): { ok: true; text: string } | { ok: false; missing: string } {
  let missing: string | null = null;
  const filled = text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing ??= name;
      return whole;
    }
    return value;
  });
  return missing === null ? { ok: true, text: filled } : { ok: false, missing };
}

function fillStep(step: MacroStep, values: MacroValues): { ok: true; step: MacroStep } | { ok: false; reason: string } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (typeof value !== 'string' || LITERAL_FIELDS.has(key)) {
      out[key] = value;
      continue;
    }
    const filled = fillPlaceholders(value, values);
    if (!filled.ok) return { ok: false, reason: `{${filled.missing}} has no value in this conversation` };
    out[key] = filled.text;
  }
  return { ok: true, step: out as MacroStep };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runMacro(
  macro: { id: string; steps: readonly MacroStep[] },
  initial: MacroValues,
  actions: MacroActionTable,
): Promise<MacroRun> {
  const values: Record<string, string | undefined> = { ...initial };
  const results: MacroStepResult[] = [];
  const open: MacroOpen[] = [];
  let failed: MacroRun['failed'];
  for (const [index, step] of macro.steps.entries()) {
    if (failed) {
      results.push({ stepId: step.id, kind: step.kind, status: 'skipped', message: 'not run: an earlier step failed' });
      continue;
    }
    const outcome = await runStep(step, values, actions);
    if (!outcome.ok) {
      const reason = `step ${index + 1} (${step.id}, ${step.kind}): ${outcome.reason}`;
      failed = { stepId: step.id, index, reason };
      results.push({ stepId: step.id, kind: step.kind, status: 'failed', message: reason });
      continue;
    }
    for (const [name, value] of Object.entries(outcome.outputs ?? {})) values[`steps.${step.id}.${name}`] = value;
    Object.assign(values, outcome.values);
    if (outcome.open) open.push(outcome.open);
    results.push({
      stepId: step.id,
      kind: step.kind,
      status: 'done',
      message: outcome.message,
      ...(outcome.outputs ? { outputs: outcome.outputs } : {}),
      ...(outcome.open ? { open: outcome.open } : {}),
      ...(outcome.knowledge ? { knowledge: outcome.knowledge } : {}),
    });
  }
  return { macroId: macro.id, ok: failed === undefined, ...(failed ? { failed } : {}), steps: results, open };
}

async function runStep(step: MacroStep, values: MacroValues, actions: MacroActionTable): Promise<StepOutcome> {
  const filled = fillStep(step, values);
  if (!filled.ok) return filled;
  const action = actions[step.kind] as MacroAction<MacroStepKind>;
  try {
    return await action(filled.step as never, values);
  } catch (error) {
    // An action refuses with a DomainError ("case 0f3… not found"); its message is the reason.
    return { ok: false, reason: reasonOf(error) };
  }
}
