import { describe, expect, it } from 'vitest';
import {
  atSessionLimit,
  capacityNeedFor,
  capacityShortfall,
  charge,
  fits,
  holdsCapacity,
  release,
  remaining,
} from './capacity.js';
import { agent, at, profile, workstream } from './test-builders.js';
import type { CapacityNeed } from './types.js';

const units = (n: number): CapacityNeed => ({ kind: 'units', units: n });
const needs = (...profileIds: string[]): CapacityNeed => ({ kind: 'profiles', profileIds });
const profiles = new Map([
  ['total', profile({ id: 'total', name: 'Total', defaultLimit: 5 })],
  ['high', profile({ id: 'high', name: 'High', defaultLimit: 2 })],
  ['log', profile({ id: 'log', name: 'Log', defaultLimit: 1, blocksAssignment: false })],
]);

describe('capacity: units (RT4)', () => {
  it.each([
    [3, 0, 1, true],
    [3, 2, 1, true],
    [3, 3, 1, false],
    [3, 1, 2, true],
    [3, 2, 2, false],
    [3, 5, 1, false], // over capacity after a forced assignment
  ])('capacity %i, used %i, needs %i → fits %s', (capacity, used, need, expected) => {
    expect(fits(agent({ id: 'a', capacity, usedCapacity: used }), units(need), profiles)).toBe(expected);
  });

  it('says how much is left and needed', () => {
    expect(capacityShortfall(agent({ id: 'a', capacity: 2, usedCapacity: 2 }), units(1), profiles)).toBe(
      'capacity 0 left, 1 needed',
    );
  });

  it('charges and releases without touching the input', () => {
    const before = agent({ id: 'a', capacity: 10, usedCapacity: 2 });
    const after = charge(before, units(3));
    expect(after.usedCapacity).toBe(5);
    expect(before.usedCapacity).toBe(2);
    const released = release(after, units(3), at(60));
    expect(released.usedCapacity).toBe(2);
    expect(released.lastCapacityReleaseAt).toEqual(at(60));
    expect(remaining(released, units(1))).toBe(8);
  });
});

describe('capacity: profiles (RT4)', () => {
  const holder = agent({ id: 'a', profiles: { total: { limit: 5, used: 4 }, high: { limit: 2, used: 1 } } });

  it('needs room in every profile of the item', () => {
    expect(fits(holder, needs('total', 'high'), profiles)).toBe(true);
    const charged = charge(holder, needs('total', 'high'), profiles);
    expect(charged.profiles).toEqual({ total: { limit: 5, used: 5 }, high: { limit: 2, used: 2 } });
    expect(fits(charged, needs('high'), profiles)).toBe(false);
    expect(capacityShortfall(charged, needs('total'), profiles)).toBe('capacity profile Total full (5 of 5)');
  });

  it('uses the agent’s own limit, not the profile default', () => {
    const custom = agent({ id: 'a', profiles: { high: { limit: 4, used: 2 } } });
    expect(fits(custom, needs('high'), profiles)).toBe(true);
  });

  it('an agent without a blocking profile of the item cannot take it', () => {
    expect(capacityShortfall(agent({ id: 'a' }), needs('high'), profiles)).toBe('no capacity profile High');
  });

  it('a profile that does not block assignment only counts', () => {
    const full = agent({ id: 'a', profiles: { log: { limit: 1, used: 1 } } });
    expect(fits(full, needs('log'), profiles)).toBe(true);
    expect(charge(full, needs('log'), profiles).profiles.log).toEqual({ limit: 1, used: 2 });
    expect(charge(agent({ id: 'b' }), needs('log'), profiles).profiles.log).toEqual({ limit: 1, used: 1 });
  });

  it('remaining is the smallest room across the item’s profiles', () => {
    expect(remaining(holder, needs('total', 'high'))).toBe(1);
    expect(remaining(holder, needs('total'))).toBe(1);
    expect(remaining(agent({ id: 'a', profiles: { total: { limit: 5, used: 1 } } }), needs('total'))).toBe(4);
  });
});

describe('atSessionLimit (AG1: an admin setting, none by default)', () => {
  it.each<[number, number | null, boolean]>([
    [0, null, false],
    [1000, null, false],
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [0, 1, false],
    [1, 1, true],
  ])('%i held, limit %s → %s', (sessions, limit, expected) => {
    expect(atSessionLimit(sessions, limit)).toBe(expected);
  });
});

describe('capacityNeedFor', () => {
  it('costs the workstream’s units', () => {
    expect(
      capacityNeedFor(workstream({ capacity: { kind: 'units', units: 2 } }), { capacityProfileId: 'high' }),
    ).toEqual(units(2));
  });
  it('adds a profile set by classification to the workstream’s, once', () => {
    const ws = workstream({ capacity: { kind: 'profiles', profileIds: ['total'] } });
    expect(capacityNeedFor(ws, { capacityProfileId: 'high' })).toEqual(needs('total', 'high'));
    expect(capacityNeedFor(ws, { capacityProfileId: 'total' })).toEqual(needs('total'));
  });
});

describe('holdsCapacity (CV1)', () => {
  const always = { kind: 'always' } as const;
  const never = { kind: 'never' } as const;
  const fiveMinutes = { kind: 'release-after', seconds: 300 } as const;
  it.each([
    ['active', always, true],
    ['open', always, false],
    ['waiting', always, false],
    ['closed', always, false],
    ['wrap-up', always, true],
    ['wrap-up', never, false],
  ] as const)('%s with %o → %s', (state, blocking, expected) => {
    expect(holdsCapacity(state, blocking, at(0), at(10))).toBe(expected);
  });
  it('releases a custom wrap-up block when its time is up', () => {
    expect(holdsCapacity('wrap-up', fiveMinutes, at(0), at(299))).toBe(true);
    expect(holdsCapacity('wrap-up', fiveMinutes, at(0), at(300))).toBe(false);
  });
});
