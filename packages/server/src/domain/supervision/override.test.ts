import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityShortfall } from '../routing/capacity.js';
import { agent, profile } from '../routing/test-builders.js';
import type { CapacityNeed } from '../routing/types.js';
import { assignmentOverride, capacityExcess, describeOverride, type OverrideRules } from './override.js';

const units = (n: number): CapacityNeed => ({ kind: 'units', units: n });
const rules: OverrideRules = {
  allowedPresences: ['available', 'busy'],
  need: units(1),
  profiles: new Map(),
  sessionLimit: null,
};
const PROFILES = new Map([
  ['total', profile({ id: 'total', name: 'Total' })],
  ['high', profile({ id: 'high', name: 'High' })],
  ['count', profile({ id: 'count', name: 'Counted', blocksAssignment: false })],
]);

describe('by how many units an assignment exceeds capacity (SV4)', () => {
  it.each([
    [3, 0, 1, null],
    [3, 2, 1, null],
    [3, 3, 1, 1],
    [3, 2, 2, 1],
    [3, 4, 1, 2], // already over after an earlier override: counts the whole excess
    [0, 0, 5, 5],
  ])('capacity %i, %i used, %i needed → over by %s', (capacity, usedCapacity, needed, over) => {
    const excess = capacityExcess(agent({ id: 'ben', capacity, usedCapacity }), units(needed), new Map());
    if (over === null) expect(excess).toBeNull();
    else expect(excess).toEqual({ kind: 'units', capacity, usedAfter: usedCapacity + needed, over });
  });

  it('exceeds exactly when routing finds no room', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(25), fc.integer({ min: 1, max: 10 }), (capacity, usedCapacity, n) => {
        const a = agent({ id: 'ben', capacity, usedCapacity });
        const excess = capacityExcess(a, units(n), new Map());
        expect(excess === null).toBe(capacityShortfall(a, units(n), new Map()) === null);
        if (excess?.kind === 'units') expect(excess.over).toBe(usedCapacity + n - capacity);
      }),
    );
  });
});

describe('which capacity profiles an assignment exceeds (SV4)', () => {
  const need: CapacityNeed = { kind: 'profiles', profileIds: ['total', 'high', 'count'] };

  it('names each full blocking profile, one item too many; a non-blocking one only counts', () => {
    const ben = agent({
      id: 'ben',
      profiles: { total: { limit: 5, used: 5 }, high: { limit: 2, used: 1 }, count: { limit: 1, used: 1 } },
    });
    expect(capacityExcess(ben, need, PROFILES)).toEqual({
      kind: 'profiles',
      profiles: [{ profileId: 'total', name: 'Total', limit: 5, usedAfter: 6, over: 1 }],
    });
  });

  it('a blocking profile the agent does not hold counts as a limit of 0', () => {
    const ben = agent({ id: 'ben', profiles: { total: { limit: 5, used: 0 } } });
    expect(capacityExcess(ben, need, PROFILES)).toEqual({
      kind: 'profiles',
      profiles: [{ profileId: 'high', name: 'High', limit: 0, usedAfter: 1, over: 1 }],
    });
  });

  it('nothing when every blocking profile has room', () => {
    const ben = agent({ id: 'ben', profiles: { total: { limit: 5, used: 4 }, high: { limit: 2, used: 0 } } });
    expect(capacityExcess(ben, need, PROFILES)).toBeNull();
  });
});

describe('what an assignment overrides (SV4)', () => {
  it.each([
    ['nothing for an available agent with room', agent({ id: 'ben' }), rules, null],
    [
      'the presence the workstream gives no work in',
      agent({ id: 'ben', presence: 'away' }),
      rules,
      { presence: 'away', capacity: null, sessions: null },
    ],
    [
      'capacity',
      agent({ id: 'ben', capacity: 2, usedCapacity: 2 }),
      rules,
      { presence: null, capacity: { kind: 'units', capacity: 2, usedAfter: 3, over: 1 }, sessions: null },
    ],
    [
      'the session limit',
      agent({ id: 'ben', sessions: 4 }),
      { ...rules, sessionLimit: 4 },
      { presence: null, capacity: null, sessions: { limit: 4, sessionsAfter: 5 } },
    ],
    [
      'all three at once',
      agent({ id: 'ben', presence: 'busy-dnd', capacity: 1, usedCapacity: 1, sessions: 1 }),
      { ...rules, sessionLimit: 1 },
      {
        presence: 'busy-dnd',
        capacity: { kind: 'units', capacity: 1, usedAfter: 2, over: 1 },
        sessions: { limit: 1, sessionsAfter: 2 },
      },
    ],
  ] as const)('%s', (_name, a, r, expected) => {
    expect(assignmentOverride(a, r)).toEqual(expected);
  });

  it('reads in words, for the dialog and the audit', () => {
    const o = assignmentOverride(agent({ id: 'ben', name: 'Ben', presence: 'away', usedCapacity: 3, sessions: 2 }), {
      ...rules,
      sessionLimit: 2,
    });
    expect(describeOverride('Ben', o!)).toBe(
      'Ben is away, a presence the workstream gives no work in; capacity exceeded by 1 (4 of 3 units); ' +
        '3 conversations, over the limit of 2',
    );
    const p = capacityExcess(agent({ id: 'ben', profiles: {} }), { kind: 'profiles', profileIds: ['high'] }, PROFILES);
    expect(describeOverride('Ben', { presence: null, capacity: p, sessions: null })).toBe(
      'capacity profile High exceeded by 1 (1 of 0)',
    );
  });
});
