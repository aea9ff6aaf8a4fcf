import { describe, expect, it } from 'vitest';
import { EventsQuery } from './conversations.js';
import { INT4_MAX, MultiLine, SingleLine } from './common.js';
import { z } from 'zod';
import { Condition, conditionShape, LIMITS, Skill } from './routing-config.js';

// X3: what a request may carry, decided once here for every route.

const problem = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) =>
  schema
    .safeParse(value)
    .error?.issues.map((i) => i.message)
    .join('; ');

describe('text primitives', () => {
  it.each([
    ['NUL', 'a\u0000b', /NUL character \(U\+0000\) at position 1/],
    ['escape', 'a\u001bb', /control character \(U\+001B\) at position 1/],
    ['DEL', '\u007f', /control character \(U\+007F\)/],
    ['line feed in one line', 'a\nb', /control character \(U\+000A\)/],
    ['lone high surrogate', 'x\ud800', /half of a surrogate pair \(U\+D800\) at position 1/],
    ['lone low surrogate', '\udc00x', /half of a surrogate pair \(U\+DC00\) at position 0/],
    ['too long', 'x'.repeat(11), /at most 10 characters/],
  ])('SingleLine refuses %s', (_, value, message) => {
    expect(problem(SingleLine(10), value)).toMatch(message);
  });

  it.each([
    ['a pair (emoji)', '😀'],
    ['accents', 'Zoë'],
    ['right-to-left', 'שלום'],
    ['empty', ''],
  ])('SingleLine accepts %s', (_, value) => {
    expect(SingleLine(10).safeParse(value).success).toBe(true);
  });

  it('MultiLine keeps tab and line breaks and refuses other controls', () => {
    expect(MultiLine(20).safeParse('a\tb\r\nc').success).toBe(true);
    expect(problem(MultiLine(20), 'a\u000bb')).toMatch(/control character \(U\+000B\)/);
    expect(problem(MultiLine(20), '\u0000')).toMatch(/NUL/);
  });

  it('trims unless told not to, then applies the minimum', () => {
    expect(problem(SingleLine(10, { min: 1, minMessage: 'name is required' }), '   ')).toBe('name is required');
    expect(SingleLine(10, { min: 1, trim: false }).safeParse(' ').success).toBe(true);
  });
});

describe('numbers bounded by their columns', () => {
  it('after fits an integer column', () => {
    expect(EventsQuery.parse({ after: String(INT4_MAX) }).after).toBe(INT4_MAX);
    expect(problem(EventsQuery, { after: String(INT4_MAX + 1) })).toBe(`after is at most ${INT4_MAX}`);
    expect(problem(EventsQuery, { after: '-1' })).toBe('after is at least 0');
    expect(problem(EventsQuery, { after: '1.5' })).toBe('after is a whole number');
    expect(EventsQuery.safeParse({ after: 'NaN' }).success).toBe(false);
    expect(EventsQuery.safeParse({ after: '1e400' }).success).toBe(false);
  });
});

describe('conditions are measured before the recursive parse', () => {
  const chain = (depth: number): unknown => {
    let c: unknown = { kind: 'always' };
    for (let i = 1; i < depth; i++) c = { kind: 'and', all: [c] };
    return c;
  };

  it('measures depth and parts without recursion, even a million deep', () => {
    expect(conditionShape({ kind: 'always' })).toEqual({ depth: 1, parts: 1 });
    expect(conditionShape(chain(3))).toEqual({ depth: 3, parts: 3 });
    expect(conditionShape({ kind: 'or', any: [{ kind: 'always' }, chain(2)] })).toEqual({ depth: 3, parts: 4 });
    expect(conditionShape(chain(1_000_000)).depth).toBe(1_000_000);
    expect(conditionShape('not a condition')).toEqual({ depth: 1, parts: 1 });
  });

  it(`accepts ${LIMITS.conditionDepth} levels and refuses one more, saying how deep`, () => {
    expect(Condition.safeParse(chain(LIMITS.conditionDepth)).success).toBe(true);
    expect(problem(Condition, chain(LIMITS.conditionDepth + 1))).toBe(
      `conditions are nested 7 deep; the limit is ${LIMITS.conditionDepth}`,
    );
    expect(problem(Condition, chain(100_000))).toBe(
      `conditions are nested 100000 deep; the limit is ${LIMITS.conditionDepth}`,
    );
  });

  it('refuses a condition with too many parts', () => {
    const wide = {
      kind: 'or',
      any: Array.from({ length: 50 }, () => ({
        kind: 'and',
        all: Array.from({ length: 50 }, () => ({ kind: 'always' })),
      })),
    };
    expect(problem(Condition, wide)).toBe(`a condition has 2551 parts; the limit is ${LIMITS.conditionParts}`);
  });
});

describe('data stored before these rules still reads', () => {
  it('encodes a name with a tab and a condition deeper than the limit (responses), while requests refuse them', () => {
    const legacy = { id: '00000000-0000-4000-8000-000000000000', name: 'Bill\ting', type: 'General' };
    expect(z.encode(Skill, legacy)).toEqual(legacy);
    expect(Skill.safeParse(legacy).success).toBe(false);
    let deep: Condition = { kind: 'always' };
    for (let i = 1; i < 8; i++) deep = { kind: 'and', all: [deep] };
    expect(z.encode(Condition, deep)).toEqual(deep);
    expect(Condition.safeParse(deep).success).toBe(false);
  });
});
