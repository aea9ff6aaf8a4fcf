import { z } from 'zod';

/** A condition over the routing context, e.g. `{ field: 'prechat.question', operator: 'contains', value: 'price' }`. */
export const RuleCondition = z.object({
  field: z.string().regex(/^(prechat|context)\.[A-Za-z0-9_.-]+$/, 'field is prechat.<name> or context.<name>'),
  operator: z.enum(['equals', 'contains']),
  value: z.string().min(1),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

/** Route-to-queue rule: every condition must hold (and); `anyOf` lists alternative values (or). */
export const RouteRule = z.object({
  name: z.string().min(1),
  queueId: z.uuid(),
  conditions: z.array(RuleCondition.extend({ value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) })).min(1),
});
export type RouteRule = z.infer<typeof RouteRule>;
export const RouteRules = z.array(RouteRule);

export type RoutingContext = {
  prechat: Record<string, unknown>;
  context: Record<string, unknown>;
};

export type QueueChoice = { queueId: string; matchedRule: string | null };

function read(ctx: RoutingContext, field: string): string | undefined {
  const [scope, ...rest] = field.split('.');
  const source = scope === 'prechat' ? ctx.prechat : ctx.context;
  const value = source[rest.join('.')];
  return value === undefined || value === null ? undefined : String(value);
}

function holds(ctx: RoutingContext, c: RouteRule['conditions'][number]): boolean {
  const actual = read(ctx, c.field)?.toLowerCase();
  if (actual === undefined) return false;
  const expected = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => v.toLowerCase());
  return expected.some((v) => (c.operator === 'equals' ? actual === v : actual.includes(v)));
}

/** The first rule whose conditions all hold picks the queue; otherwise the fallback queue. */
export function chooseQueue(rules: readonly RouteRule[], ctx: RoutingContext, fallbackQueueId: string): QueueChoice {
  for (const rule of rules) {
    if (rule.conditions.every((c) => holds(ctx, c))) return { queueId: rule.queueId, matchedRule: rule.name };
  }
  return { queueId: fallbackQueueId, matchedRule: null };
}
