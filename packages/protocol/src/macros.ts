import { z } from 'zod';
import { Id, MultiLine, SingleLine, Timestamp } from './common.js';
import { KnowledgeHit } from './knowledge.js';
import { CasePriority, RecordKind } from './records.js';

/**
 * Macros (AG8): named lists of steps the server runs in order for one conversation. Texts may hold
 * placeholders, filled when the macro runs: `{customer.name}`, `{customer.email}`, `{conversation.id}`,
 * `{conversation.channel}`, `{agent.name}`, `{contact.id}`, `{account.id}`, `{case.id}`, `{case.number}`
 * (the conversation's case, or the one a step just created), `{context.<variable>}`, `{prechat.<question>}`
 * and `{steps.<stepId>.<output>}` (what an earlier step gave: createCase gives caseId and caseNumber).
 * A placeholder with no value when the macro runs fails its step, naming it.
 */

/** The placeholder forms a macro text may use (checked when the macro is saved). */
export const MACRO_PLACEHOLDER = /\{([a-z]+)\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)\}/g;
const FIXED = new Set([
  'customer.name',
  'customer.email',
  'conversation.id',
  'conversation.channel',
  'agent.name',
  'contact.id',
  'account.id',
  'case.id',
  'case.number',
]);

/** Placeholders of a text that no macro run could fill (a typo, an unknown scope), once each. */
export function unknownMacroPlaceholders(text: string): string[] {
  const bad = new Set<string>();
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1]!;
    const [scope, ...rest] = name.split('.');
    const ok =
      FIXED.has(name) ||
      ((scope === 'context' || scope === 'prechat') && rest.length === 1 && /^[A-Za-z0-9_-]+$/.test(rest[0]!)) ||
      (scope === 'steps' && rest.length === 2 && rest.every((r) => /^[A-Za-z0-9_-]+$/.test(r)));
    if (!ok) bad.add(name);
  }
  return [...bad];
}

/** A step's id: unique within its macro or script; progress and results name it. */
export const StepId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a step id is 1-40 letters, digits, _ or -');

/** A record a step names: an id, or a placeholder such as `{case.id}` (the case created just before). */
const RecordRef = SingleLine(200, { min: 1, minMessage: 'name the record: an id or a placeholder such as {case.id}' });
const Text = (max: number) => SingleLine(max, { min: 1, minMessage: 'cannot be empty' });

/** The case fields setField may change. */
export const CaseField = z.enum(['title', 'description', 'product', 'priority']);

export const MacroStep = z.discriminatedUnion('kind', [
  z.strictObject({
    id: StepId,
    kind: z.literal('createCase'),
    title: Text(200),
    priority: CasePriority.optional(),
    product: SingleLine(200).optional(),
    description: MultiLine(4000).optional(),
    /** Link the new case to the conversation (the default). */
    link: z.boolean().optional(),
  }),
  z.strictObject({ id: StepId, kind: z.literal('openRecord'), record: RecordKind, ref: RecordRef }),
  z.strictObject({ id: StepId, kind: z.literal('linkRecord'), record: RecordKind, ref: RecordRef }),
  z.strictObject({ id: StepId, kind: z.literal('unlinkRecord'), record: RecordKind }),
  z.strictObject({ id: StepId, kind: z.literal('searchKnowledge'), phrase: Text(200) }),
  z
    .strictObject({
      id: StepId,
      kind: z.literal('sendQuickReply'),
      quickReplyId: Id.optional(),
      text: MultiLine(4000).optional(),
    })
    .refine((s) => (s.quickReplyId === undefined) !== (s.text === undefined), {
      message: 'a sendQuickReply step names a quick reply or a text, one of the two',
    }),
  z.strictObject({
    id: StepId,
    kind: z.literal('setField'),
    /** A context variable of the conversation, or a field of its case. */
    target: z.enum(['context', 'case']),
    field: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'a field name is 1-60 letters, digits, _ or -'),
    value: SingleLine(1000),
  }),
  z.strictObject({
    id: StepId,
    kind: z.literal('resolveCase'),
    /** A case id or placeholder; absent: the conversation's case. */
    ref: RecordRef.optional(),
  }),
]);
export type MacroStep = z.infer<typeof MacroStep>;
export type MacroStepKind = MacroStep['kind'];
export const MACRO_STEP_KINDS = [
  'createCase',
  'openRecord',
  'linkRecord',
  'unlinkRecord',
  'searchKnowledge',
  'sendQuickReply',
  'setField',
  'resolveCase',
] as const satisfies readonly MacroStepKind[];

const uniqueIds = (steps: readonly { id: string }[]) => new Set(steps.map((s) => s.id)).size === steps.length;

export const NewMacro = z.strictObject({
  name: SingleLine(120, { min: 1, minMessage: 'a macro needs a name' }),
  steps: z
    .array(MacroStep)
    .min(1, 'a macro has at least one step')
    .max(30, 'at most 30 steps')
    .refine(uniqueIds, 'two steps have the same id'),
});
export type NewMacro = z.infer<typeof NewMacro>;

export const Macro = NewMacro.extend({ id: Id, updatedAt: Timestamp });
export type Macro = z.infer<typeof Macro>;

/** What the agent's workspace should do after a step: open a record in a tab, show knowledge results. */
export const MacroOpen = z.object({ kind: RecordKind, id: Id, label: z.string() });
export type MacroOpen = z.infer<typeof MacroOpen>;

/** A knowledge search step's hits, as the agent's knowledge search shows them (HTML-escaped, marked). */
export const MacroKnowledgeHit = KnowledgeHit;
export type MacroKnowledgeHit = KnowledgeHit;

export const MacroStepResult = z.object({
  stepId: z.string(),
  kind: z.enum(MACRO_STEP_KINDS),
  /** done: it ran; failed: it stopped the macro; skipped: a step after the failure, never run. */
  status: z.enum(['done', 'failed', 'skipped']),
  message: z.string(),
  outputs: z.record(z.string(), z.string()).optional(),
  open: MacroOpen.optional(),
  knowledge: z.array(MacroKnowledgeHit).optional(),
});
export type MacroStepResult = z.infer<typeof MacroStepResult>;

/**
 * A run's answer. Steps run one by one and each commits on its own: when step 3 fails, what steps 1
 * and 2 did stays done (a case created stays), and the answer says so.
 */
export const MacroRun = z.object({
  macroId: Id,
  ok: z.boolean(),
  failed: z.object({ stepId: z.string(), index: z.number().int(), reason: z.string() }).optional(),
  steps: z.array(MacroStepResult),
  /** Records to open in tabs, in order (a created case). */
  open: z.array(MacroOpen),
});
export type MacroRun = z.infer<typeof MacroRun>;

/** A run may mark a script's macro step done when it succeeds (AG7). */
export const RunMacroRequest = z.strictObject({ scriptId: Id.optional(), stepId: StepId.optional() });
export type RunMacroRequest = z.infer<typeof RunMacroRequest>;

/** What agents see in the Macros menu. */
export const MacroSummary = z.object({ id: Id, name: z.string(), steps: z.number().int() });
export type MacroSummary = z.infer<typeof MacroSummary>;
