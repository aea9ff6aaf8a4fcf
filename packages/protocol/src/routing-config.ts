import { z } from 'zod';
import { Id, MultiLine, Presence, SingleLine } from './common.js';

// The routing configuration an admin edits (RT1-RT6, AG1). Everything is data validated
// here; the engine in packages/server/src/domain/routing reads it. Limits are the reference
// system's published quotas, raised.

export const LIMITS = {
  rulesetsPerWorkstream: 50,
  rulesPerRuleset: 500,
  routeRulesPerWorkstream: 1000,
  queuesPerSplit: 5,
  conditionDepth: 6,
  /** Comparisons and groups in one condition, counted at every level. */
  conditionParts: 500,
} as const;

const Name = SingleLine(100, { min: 1, minMessage: 'name is required' });

export const Skill = z.strictObject({
  id: Id,
  name: Name,
  type: SingleLine(100, { min: 1, minMessage: 'type is required' }).default('General'),
});
export type Skill = z.infer<typeof Skill>;

/** Proficiency on a 1-10 scale (the reference's recommended rating model). */
export const Proficiency = z.number().int().min(1).max(10);
export const SkillRequirement = z.strictObject({ skillId: Id, proficiency: Proficiency });
export type SkillRequirement = z.infer<typeof SkillRequirement>;

export const CapacityProfile = z.strictObject({
  id: Id,
  name: Name,
  /** Work items an agent may hold at once under this profile, unless their own limit says otherwise. */
  defaultLimit: z.number().int().min(1).max(1000),
  resetFrequency: z.enum(['immediate', 'end-of-day']),
  /** At the limit, no more automatic assignment (picking and supervisor assignment still work). */
  blocksAssignment: z.boolean().default(true),
});
export type CapacityProfile = z.infer<typeof CapacityProfile>;

/** A custom presence: a name the agent picks, mapped to the base presence routing sees. */
export const CustomPresence = z.strictObject({ id: Id, name: Name, base: Presence });
export type CustomPresence = z.infer<typeof CustomPresence>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time is HH:MM');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const OperatingHours = z.strictObject({
  id: Id,
  name: Name,
  timeZone: SingleLine(100, { trim: false }).refine(validTimeZone, 'unknown time zone'),
  weekly: z
    .array(
      z
        .strictObject({ day: Weekday, start: Time, end: Time })
        .refine((h) => h.start < h.end, 'a period ends after it starts'),
    )
    .max(100),
  holidays: z.array(z.iso.date()).max(400),
});
export type OperatingHours = z.infer<typeof OperatingHours>;

// ---- Conditions over the routing context ----

/**
 * A field of the routing context: `context.<var>` (set by the host page), `prechat.<question>`,
 * `channel.<field>`, `contact.<field>`, `account.<field>`, or `output.<name>` (set by an earlier
 * classification ruleset: priority, severity, skills).
 */
export const Field = z
  .string()
  .max(200, 'at most 200 characters')
  .regex(
    /^(context|prechat|channel|contact|account|output)\.[A-Za-z0-9_-]+$/,
    'field is context|prechat|channel|contact|account|output.<name>',
  );
export const Operator = z.enum([
  'equals',
  'not-equals',
  'contains',
  'in',
  'greater-than',
  'less-than',
  'exists',
  'not-exists',
]);
export type Operator = z.infer<typeof Operator>;
const Scalar = z.union([MultiLine(1000, { trim: false }), z.number(), z.boolean()]);

export const Comparison = z
  .strictObject({
    kind: z.literal('compare'),
    field: Field,
    operator: Operator,
    value: z.union([Scalar, z.array(Scalar).max(100)]).optional(),
  })
  .superRefine((c, ctx) => {
    const needsValue = c.operator !== 'exists' && c.operator !== 'not-exists';
    if (needsValue && c.value === undefined)
      ctx.addIssue({ code: 'custom', message: `operator ${c.operator} needs a value`, path: ['value'] });
    if (c.operator === 'in' && !Array.isArray(c.value))
      ctx.addIssue({ code: 'custom', message: 'operator in needs a list of values', path: ['value'] });
    if ((c.operator === 'greater-than' || c.operator === 'less-than') && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', message: `operator ${c.operator} needs a number`, path: ['value'] });
    }
  });
export type Comparison = z.infer<typeof Comparison>;

export type Condition =
  Comparison | { kind: 'and'; all: Condition[] } | { kind: 'or'; any: Condition[] } | { kind: 'always' };

/**
 * How deep a condition nests (a comparison alone is 1, `and` of comparisons 2) and how many parts
 * it has, walked with a stack instead of recursion: any input, however deep, is measured safely.
 */
export function conditionShape(input: unknown): { depth: number; parts: number } {
  let depth = 0;
  let parts = 0;
  const stack: [unknown, number][] = [[input, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, level] = top;
    parts += 1;
    depth = Math.max(depth, level);
    if (typeof node !== 'object' || node === null) continue;
    const group = node as { kind?: unknown; all?: unknown; any?: unknown };
    const children = group.kind === 'and' ? group.all : group.kind === 'or' ? group.any : undefined;
    if (Array.isArray(children)) for (const child of children) stack.push([child, level + 1]);
  }
  return { depth, parts };
}

const ConditionTree: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Comparison,
    z.strictObject({ kind: z.literal('and'), all: z.array(ConditionTree).min(1).max(50) }),
    z.strictObject({ kind: z.literal('or'), any: z.array(ConditionTree).min(1).max(50) }),
    z.strictObject({ kind: z.literal('always') }),
  ]),
);

/**
 * A routing condition. Its depth and size are checked first, without recursion, so a condition nested
 * a thousand deep gets a clear 400 instead of exhausting the stack in the recursive parse (X3). A codec
 * whose decode does the check: responses are encoded with the same schema, and skip it. (The OpenAPI
 * request schema shows `when` as any value with this description; the response schema shows the tree.)
 */
export const Condition: z.ZodType<Condition> = z.codec(
  z.unknown().meta({
    description: `A routing condition: compare, and, or, always; nested at most ${LIMITS.conditionDepth} deep`,
  }),
  ConditionTree,
  {
    decode: (input, payload) => {
      const { depth, parts } = conditionShape(input);
      if (depth > LIMITS.conditionDepth) {
        payload.issues.push({
          code: 'custom',
          input,
          message: `conditions are nested ${depth} deep; the limit is ${LIMITS.conditionDepth}`,
        });
      } else if (parts > LIMITS.conditionParts) {
        payload.issues.push({
          code: 'custom',
          input,
          message: `a condition has ${parts} parts; the limit is ${LIMITS.conditionParts}`,
        });
      }
      return input as Condition;
    },
    encode: (condition) => condition,
  },
);

// ---- Rules ----

export const Severity = z.enum(['low', 'normal', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const ClassificationOutputs = z
  .strictObject({
    skills: z.array(SkillRequirement).max(20).optional(),
    /** Lower is more urgent, like queue priority. */
    priority: z.number().int().min(0).max(1000).optional(),
    severity: Severity.optional(),
    capacityProfileId: Id.optional(),
  })
  .refine((o) => Object.keys(o).length > 0, 'a rule sets at least one output');
export type ClassificationOutputs = z.infer<typeof ClassificationOutputs>;

export const ClassificationRule = z.strictObject({ name: Name, when: Condition, set: ClassificationOutputs });
export type ClassificationRule = z.infer<typeof ClassificationRule>;

/** A decision list: the first matching rule wins; later rulesets see earlier outputs. */
export const Ruleset = z.strictObject({ name: Name, rules: z.array(ClassificationRule).max(LIMITS.rulesPerRuleset) });
export type Ruleset = z.infer<typeof Ruleset>;

export const QueueShare = z.strictObject({ queueId: Id, percentage: z.number().int().min(1).max(100) });
export const RouteToQueueRule = z
  .strictObject({ name: Name, when: Condition, queues: z.array(QueueShare).min(1).max(LIMITS.queuesPerSplit) })
  .refine((r) => r.queues.reduce((sum, q) => sum + q.percentage, 0) === 100, {
    message: 'queue percentages add up to 100',
    path: ['queues'],
  });
export type RouteToQueueRule = z.infer<typeof RouteToQueueRule>;

// ---- Queues ----

export const OverflowCondition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('queue-size'), limit: z.number().int().min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('estimated-wait'), seconds: z.number().int().min(30).max(7200) }),
  z.strictObject({ kind: z.literal('outside-hours') }),
]);
export type OverflowCondition = z.infer<typeof OverflowCondition>;

export const OverflowAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('transfer'), queueId: Id }),
  z.strictObject({
    kind: z.literal('message-and-end'),
    message: MultiLine(2000, { min: 1, minMessage: 'message is required' }),
  }),
  z.strictObject({
    kind: z.literal('offer-callback'),
    message: MultiLine(2000, { min: 1, minMessage: 'message is required' }),
  }),
  z.strictObject({ kind: z.literal('assign-anyway') }),
]);
export type OverflowAction = z.infer<typeof OverflowAction>;

export const OverflowRule = z.strictObject({ when: OverflowCondition, then: OverflowAction });
export type OverflowRule = z.infer<typeof OverflowRule>;

export const SortKey = z.strictObject({
  key: z.enum(['skill-match', 'proficiency', 'remaining-capacity', 'idle-time', 'round-robin']),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type SortKey = z.infer<typeof SortKey>;

export const AgentFilter = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('min-remaining-capacity'), units: z.number().int().min(1).max(1000) }),
  z.strictObject({
    kind: z.literal('min-idle-seconds'),
    seconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600),
  }),
  z.strictObject({ kind: z.literal('has-skill'), skillId: Id, minProficiency: Proficiency.default(1) }),
]);
export type AgentFilter = z.infer<typeof AgentFilter>;

export const AssignmentMethod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('highest-capacity') }),
  z.strictObject({ kind: z.literal('round-robin') }),
  z.strictObject({ kind: z.literal('least-active') }),
  z.strictObject({
    kind: z.literal('custom'),
    order: z.array(SortKey).min(1).max(10),
    filters: z.array(AgentFilter).max(10).default([]),
  }),
]);
export type AssignmentMethod = z.infer<typeof AssignmentMethod>;

export const QueueConfig = z.strictObject({
  id: Id,
  name: Name,
  /** Lower number wins. */
  priority: z.number().int().min(0).max(1000).default(100),
  assignment: AssignmentMethod.default({ kind: 'highest-capacity' }),
  operatingHoursId: Id.nullable().default(null),
  overflow: z.array(OverflowRule).max(10).default([]),
  memberIds: z.array(Id).max(20_000).default([]),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

// ---- Workstreams ----

export const WorkstreamCapacity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('units'), units: z.number().int().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('profiles'), profileIds: z.array(Id).min(1).max(10) }),
]);
export type WorkstreamCapacity = z.infer<typeof WorkstreamCapacity>;

export const WrapUpBlocking = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always') }),
  z.strictObject({ kind: z.literal('never') }),
  z.strictObject({ kind: z.literal('release-after'), seconds: z.number().int().min(30).max(3600) }),
]);
export type WrapUpBlocking = z.infer<typeof WrapUpBlocking>;

export const Workstream = z.strictObject({
  id: Id,
  name: Name,
  channel: z.enum(['messaging', 'voice', 'records']),
  distribution: z.enum(['push', 'pick']),
  capacity: WorkstreamCapacity,
  allowedPresences: z.array(Presence).min(1).max(20),
  wrapUpBlocking: WrapUpBlocking.default({ kind: 'always' }),
  autoCloseAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .nullable()
    .default(null),
  /** An asynchronous conversation goes back to the agent who had it. */
  affinity: z.boolean().default(false),
  /** On SMS and other asynchronous channels, a text this many minutes after closing reopens it (CV1); null: never. */
  reopenWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .nullable()
    .default(24 * 60),
  fallbackQueueId: Id,
  offerTimeoutSeconds: z.number().int().min(5).max(3600).nullable().default(null),
  /** Declines after which an item is no longer offered to the same agent. */
  maxDeclines: z.number().int().min(1).max(5).default(3),
  skillMatching: z.enum(['exact', 'closest', 'none']).default('exact'),
  classification: z.array(Ruleset).max(LIMITS.rulesetsPerWorkstream).default([]),
  routeToQueue: z.array(RouteToQueueRule).max(LIMITS.routeRulesPerWorkstream).default([]),
});
export type Workstream = z.infer<typeof Workstream>;

// ---- Agents and settings ----

export const AgentRouting = z.strictObject({
  userId: Id,
  /** Units of capacity (RT4); conversations in active and wrap-up count against it. */
  capacity: z.number().int().min(0).max(1000),
  queueIds: z.array(Id).max(1000),
  skills: z.array(SkillRequirement).max(200),
  capacityProfiles: z
    .array(z.strictObject({ profileId: Id, customLimit: z.number().int().min(0).max(1000).nullable().default(null) }))
    .max(20),
});
export type AgentRouting = z.infer<typeof AgentRouting>;

export const RoutingSettings = z.strictObject({
  /** Presence at sign-in: a base presence or a custom presence id. */
  defaultPresence: z.union([Presence, Id]).default('available'),
  /** A manual presence is cleared after this many minutes without activity. */
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** An agent who lets an offer run out shows as inactive (Away) until they change it (AG1). */
  missedOfferMakesInactive: z.boolean().default(false),
  /** An agent who rejects an offer shows Do not disturb until they change it. */
  rejectMakesDoNotDisturb: z.boolean().default(false),
  /** Most conversations an agent holds at once, whatever their capacity; null: no limit (AG1). */
  sessionLimit: z.number().int().min(1).max(1000).nullable().default(null),
  /** What a full agent (no capacity left, or at the session limit) shows: Busy, or Do not disturb (AG1). */
  fullPresence: z.enum(['busy', 'busy-dnd']).default('busy'),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;
