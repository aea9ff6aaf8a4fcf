import { describe, expect, it } from 'vitest';
import type { Condition, Operator } from '@switchboard/protocol';
import { evaluateCondition } from './conditions.js';
import { routingContext } from './test-builders.js';

const ctx = routingContext({
  context: { product: 'Surface Pro', tier: 'Gold', orders: 12, vip: true, blank: '' },
  prechat: { question: 'How much does it COST?', age: '42' },
  channel: { locale: 'nl-NL' },
  contact: { city: 'Utrecht', phone: null },
  account: {},
});
const outputs = { skills: [{ skillId: 'french', proficiency: 6 }], priority: 5, severity: 'high' as const };

const cmp = (field: string, operator: Operator, value?: string | number | boolean | (string | number)[]): Condition =>
  ({ kind: 'compare', field, operator, value }) as Condition;
const holds = (c: Condition) => evaluateCondition(c, ctx, outputs);

describe('evaluateCondition (RT2)', () => {
  it.each([
    ['equals ignores case', cmp('context.tier', 'equals', 'gold'), true],
    ['equals on a different value', cmp('context.tier', 'equals', 'silver'), false],
    ['not-equals on a different value', cmp('context.tier', 'not-equals', 'silver'), true],
    ['not-equals on the same value, other case', cmp('context.tier', 'not-equals', 'GOLD'), false],
    ['contains is a substring test without case', cmp('prechat.question', 'contains', 'cost'), true],
    ['contains fails on text that is not there', cmp('prechat.question', 'contains', 'refund'), false],
    ['in: one of the list', cmp('channel.locale', 'in', ['fr-FR', 'NL-nl']), true],
    ['in: none of the list', cmp('channel.locale', 'in', ['fr-FR', 'en-US']), false],
    ['greater-than on a number', cmp('context.orders', 'greater-than', 10), true],
    ['greater-than is strict', cmp('context.orders', 'greater-than', 12), false],
    ['less-than on a numeric string', cmp('prechat.age', 'less-than', 50), true],
    ['numbers compare numerically, not as text', cmp('prechat.age', 'greater-than', 9), true],
    ['equals compares a numeric string with a number', cmp('prechat.age', 'equals', 42), true],
    ['greater-than on text is false', cmp('context.tier', 'greater-than', 1), false],
    ['equals on a boolean', cmp('context.vip', 'equals', 'TRUE'), true],
    ['exists on a present field', cmp('contact.city', 'exists'), true],
    ['exists on null', cmp('contact.phone', 'exists'), false],
    ['exists on a blank string', cmp('context.blank', 'exists'), false],
    ['not-exists on an absent field', cmp('account.name', 'not-exists'), true],
    ['not-exists on a present field', cmp('contact.city', 'not-exists'), false],
  ])('%s', (_name, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });

  it('a missing field matches nothing but not-exists and not-equals', () => {
    const missing = 'context.nothing';
    const results = (['equals', 'contains', 'in', 'greater-than', 'less-than', 'exists'] as const).map((op) =>
      holds(cmp(missing, op, op === 'in' ? ['x'] : op === 'greater-than' || op === 'less-than' ? 1 : 'x')),
    );
    expect(results).toEqual([false, false, false, false, false, false]);
    expect(holds(cmp(missing, 'not-equals', 'x'))).toBe(true);
    expect(holds(cmp(missing, 'not-exists'))).toBe(true);
  });

  it('reads outputs of earlier rulesets: skills by id (membership), priority and severity', () => {
    expect(holds(cmp('output.skills', 'contains', 'French'))).toBe(true);
    expect(holds(cmp('output.skills', 'contains', 'german'))).toBe(false);
    expect(holds(cmp('output.skills', 'equals', 'french'))).toBe(true);
    expect(holds(cmp('output.priority', 'less-than', 10))).toBe(true);
    expect(holds(cmp('output.severity', 'in', ['high', 'critical']))).toBe(true);
    expect(evaluateCondition(cmp('output.skills', 'exists'), ctx, {})).toBe(false);
  });

  it('nests and/or, and always holds', () => {
    const gold = cmp('context.tier', 'equals', 'gold');
    const silver = cmp('context.tier', 'equals', 'silver');
    expect(holds({ kind: 'and', all: [gold, cmp('context.orders', 'greater-than', 1)] })).toBe(true);
    expect(holds({ kind: 'and', all: [gold, silver] })).toBe(false);
    expect(holds({ kind: 'or', any: [silver, { kind: 'and', all: [gold] }] })).toBe(true);
    expect(holds({ kind: 'or', any: [silver, silver] })).toBe(false);
    expect(holds({ kind: 'always' })).toBe(true);
  });
});
