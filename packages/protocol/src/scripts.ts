import { z } from 'zod';
import { Id, MultiLine, SingleLine, Timestamp } from './common.js';
import { StepId } from './macros.js';
import { Condition } from './routing-config.js';

/**
 * Agent scripts (AG7): the steps an agent follows beside a conversation. A text instruction the agent
 * marks done, a macro the agent runs (done when it succeeds), or a sub-script that opens another script.
 * The admin gives a workstream its default script, or a rule (a routing condition over the
 * conversation's context) that picks one first, lowest order first.
 */
export const ScriptStep = z.discriminatedUnion('kind', [
  z.strictObject({ id: StepId, kind: z.literal('text'), text: MultiLine(2000, { min: 1, minMessage: 'write it' }) }),
  z.strictObject({ id: StepId, kind: z.literal('macro'), macroId: Id, label: SingleLine(120).optional() }),
  z.strictObject({ id: StepId, kind: z.literal('script'), scriptId: Id, label: SingleLine(120).optional() }),
]);
export type ScriptStep = z.infer<typeof ScriptStep>;

export const NewScript = z.strictObject({
  name: SingleLine(120, { min: 1, minMessage: 'a script needs a name' }),
  steps: z
    .array(ScriptStep)
    .min(1, 'a script has at least one step')
    .max(50, 'at most 50 steps')
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'two steps have the same id'),
  /** The workstream it serves; null: any workstream (for a rule, or a script used only as a sub-script). */
  workstreamId: Id.nullable(),
  /** Chosen when this holds (before the workstream's default); null: the workstream's default. */
  rule: Condition.nullable(),
  /** Rules are tried lowest first. */
  order: z.number().int().min(0).max(10_000),
});
export type NewScript = z.infer<typeof NewScript>;

export const Script = NewScript.extend({ id: Id, updatedAt: Timestamp });
export type Script = z.infer<typeof Script>;

/**
 * A conversation's script: the chosen one, every script its sub-script steps reach (to expand them),
 * the macros its steps run (names), and the steps done so far per script.
 */
export const ConversationScript = z.object({
  script: Script.nullable(),
  subScripts: z.array(Script),
  macros: z.array(z.object({ id: Id, name: z.string() })),
  done: z.record(z.string(), z.array(z.string())),
});
export type ConversationScript = z.infer<typeof ConversationScript>;

export const MarkStepRequest = z.strictObject({ scriptId: Id, done: z.boolean().optional() });
export type MarkStepRequest = z.infer<typeof MarkStepRequest>;
