import type { ClassificationOutputs, Comparison, Condition } from '@switchboard/protocol';
import type { RoutingContext } from './types.js';

type Scalar = string | number | boolean;
type FieldValue = Scalar | readonly Scalar[] | null | undefined;

/** Outputs of the classification rulesets that ran so far (empty before the first). */
export type Outputs = Partial<ClassificationOutputs>;

function readField(field: string, ctx: RoutingContext, outputs: Outputs): FieldValue {
  const dot = field.indexOf('.');
  const scope = field.slice(0, dot);
  const name = field.slice(dot + 1);
  if (scope === 'output') {
    // Rules speak of skills by id; the proficiency is for matching agents, not for rules.
    if (name === 'skills') return outputs.skills?.map((s) => s.skillId);
    const value = (outputs as Record<string, unknown>)[name];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  }
  const source = (ctx as Record<string, Readonly<Record<string, Scalar | null>> | undefined>)[scope];
  return source?.[name];
}

function isMissing(value: FieldValue): value is null | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function asNumber(value: Scalar): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function same(actual: Scalar, expected: Scalar): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return a === b;
  return String(actual).toLowerCase() === String(expected).toLowerCase();
}

const list = (value: Scalar | readonly Scalar[] | undefined): readonly Scalar[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as Scalar];

function equals(actual: Scalar | readonly Scalar[], expected: readonly Scalar[]): boolean {
  return list(actual).some((a) => expected.some((e) => same(a, e)));
}

function contains(actual: Scalar | readonly Scalar[], expected: readonly Scalar[]): boolean {
  if (Array.isArray(actual)) return equals(actual, expected);
  const text = String(actual).toLowerCase();
  return expected.some((e) => text.includes(String(e).toLowerCase()));
}

function compareNumbers(actual: Scalar | readonly Scalar[], expected: readonly Scalar[], sign: 1 | -1): boolean {
  const bound = expected[0] === undefined ? null : asNumber(expected[0]);
  if (bound === null) return false;
  return list(actual).some((a) => {
    const n = asNumber(a);
    return n !== null && (sign === 1 ? n > bound : n < bound);
  });
}

function evaluateComparison(c: Comparison, ctx: RoutingContext, outputs: Outputs): boolean {
  const actual = readField(c.field, ctx, outputs);
  if (c.operator === 'exists') return !isMissing(actual);
  if (c.operator === 'not-exists') return isMissing(actual);
  const expected = list(c.value);
  if (isMissing(actual)) return c.operator === 'not-equals';
  switch (c.operator) {
    case 'equals':
    case 'in':
      return equals(actual, expected);
    case 'not-equals':
      return !equals(actual, expected);
    case 'contains':
      return contains(actual, expected);
    case 'greater-than':
      return compareNumbers(actual, expected, 1);
    case 'less-than':
      return compareNumbers(actual, expected, -1);
  }
}

/**
 * Whether a rule condition holds for a conversation (RT2). Strings compare without case,
 * numbers (and numeric strings) numerically; `contains` is a substring test on text and a
 * membership test on lists such as `output.skills`. A missing field (absent, null, blank or an
 * empty list) matches only `not-exists` and `not-equals`.
 */
export function evaluateCondition(condition: Condition, ctx: RoutingContext, outputs: Outputs = {}): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'and':
      return condition.all.every((c) => evaluateCondition(c, ctx, outputs));
    case 'or':
      return condition.any.some((c) => evaluateCondition(c, ctx, outputs));
    case 'compare':
      return evaluateComparison(condition, ctx, outputs);
  }
}
