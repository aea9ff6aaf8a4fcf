import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  averageSpeedOfAnswerFor,
  ERLANG_LIMITS,
  erlangB,
  probabilityOfWaiting,
  requiredAgents,
  serviceLevelFor,
  trafficOf,
  type StaffingTarget,
} from './erlang-c.js';

const target = (over: Partial<StaffingTarget> = {}): StaffingTarget => ({
  arrivals: 100,
  periodSeconds: 1800,
  averageHandleSeconds: 180,
  targetServiceLevel: 0.8,
  targetSeconds: 20,
  ...over,
});

describe('Erlang C (SV9 staffing estimate)', () => {
  it('computes a small case by hand: A = 2, N = 3 waits with 4/9', () => {
    // A^N/N! · N/(N−A) = 8/6 · 3/1 = 4;  Σ_{k<3} A^k/k! = 1 + 2 + 2 = 5;  Pw = 4 / (5 + 4) = 4/9
    expect(probabilityOfWaiting(3, 2)).toBeCloseTo(4 / 9, 12);
    // Erlang B by hand: B1 = 2/(1+2) = 2/3; B2 = (4/3)/(2+4/3) = 2/5; B3 = (4/5)/(3+4/5) = 4/19
    expect(erlangB(3, 2)).toBeCloseTo(4 / 19, 12);
  });

  it('matches the Erlang B table: 10 Erlangs on 10 lines block 21.46 %', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it('staffs the textbook queue: 100 calls per 30 min at 180 s, 80 % within 20 s → 14 agents', () => {
    // A = 100 calls ÷ 1800 s × 180 s = 10 Erlangs
    expect(trafficOf(100, 1800, 180)).toBe(10);
    // 13 agents answer 79.6 % within 20 s (short of 80 %); 14 answer 88.8 %, ASA 7.8 s
    expect(serviceLevelFor({ agents: 13, traffic: 10, averageHandleSeconds: 180 }, 20)).toBeCloseTo(0.796, 3);
    const estimate = requiredAgents(target());
    expect(estimate.agents).toBe(14);
    expect(estimate.serviceLevel).toBeCloseTo(0.888, 3);
    expect(estimate.averageSpeedOfAnswerSeconds).toBeCloseTo(7.8, 1);
    expect(estimate.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('matches the published worked example: 360 calls per 30 min at 240 s, 55 agents, 15 s', () => {
    // A = 360 ÷ 1800 × 240 = 48 Erlangs; Pw ≈ 23.87 %, SL(15 s) ≈ 84.6 %, ASA ≈ 8.18 s, occupancy 48/55
    const traffic = trafficOf(360, 1800, 240);
    expect(traffic).toBe(48);
    const q = { agents: 55, traffic, averageHandleSeconds: 240 };
    expect(probabilityOfWaiting(55, traffic)).toBeCloseTo(0.2387, 4);
    expect(serviceLevelFor(q, 15)).toBeCloseTo(0.846, 3);
    expect(averageSpeedOfAnswerFor(q)).toBeCloseTo(8.18, 2);
  });

  it('lets an occupancy cap and shrinkage raise the count', () => {
    // a cap of 70 %: N ≥ 10 / 0.7 = 14.3 → 15; shrinkage 30 %: 15 / 0.7 = 21.4 → 22 scheduled
    const capped = requiredAgents(target({ maxOccupancy: 0.7, shrinkage: 0.3 }));
    expect(capped.agents).toBe(15);
    expect(capped.scheduledAgents).toBe(22);
    // 8 Erlangs at a cap of 80 % is exactly 10 agents, not 11 from 8 / 0.8 rounding up
    expect(requiredAgents(target({ arrivals: 80, maxOccupancy: 0.8, targetServiceLevel: 0.01 })).agents).toBe(10);
  });

  it('needs nobody when nothing arrives', () => {
    expect(requiredAgents(target({ arrivals: 0 }))).toMatchObject({ agents: 0, serviceLevel: 1, occupancy: 0 });
  });

  it('stays finite and exact for large traffic (10,000 Erlangs)', () => {
    const big = requiredAgents(target({ arrivals: 1_000_000, periodSeconds: 3600, averageHandleSeconds: 36 }));
    expect(big.traffic).toBe(10_000);
    expect(big.agents).toBeGreaterThan(10_000);
    expect(big.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // one agent fewer misses the target
    const fewer = serviceLevelFor({ agents: big.agents - 1, traffic: 10_000, averageHandleSeconds: 36 }, 20);
    expect(fewer).toBeLessThan(0.8);
  });

  it('says everyone waits when the agents cannot keep up', () => {
    expect(probabilityOfWaiting(10, 10)).toBe(1);
    expect(serviceLevelFor({ agents: 9, traffic: 10, averageHandleSeconds: 180 }, 20)).toBe(0);
    expect(() => averageSpeedOfAnswerFor({ agents: 10, traffic: 10, averageHandleSeconds: 180 })).toThrow(
      /10 agents cannot keep up with 10 Erlangs.*at least 11/,
    );
  });

  const refusals: [string, () => unknown, RegExp][] = [
    ['a negative arrival count', () => trafficOf(-1, 1800, 180), /arrivals must be .* at least 0 .*got -1/],
    ['a zero period', () => trafficOf(10, 0, 180), /periodSeconds must be a number above 0/],
    ['an endless handle time', () => trafficOf(10, 1800, Infinity), /averageHandleSeconds .* at most 86400/],
    ['NaN', () => trafficOf(NaN, 1800, 180), /arrivals .*got NaN/],
    ['traffic beyond the bound', () => trafficOf(10_000_000, 60, 600), /Erlangs; an estimate goes up to 15000/],
    ['a fraction of an agent', () => erlangB(2.5, 1), /agents must be a whole number from 0 to 20000/],
    ['a 100 % target', () => requiredAgents(target({ targetServiceLevel: 1 })), /100 % is out of reach/],
    ['a 0 % target', () => requiredAgents(target({ targetServiceLevel: 0 })), /above 0 and below 1/],
    ['a negative target time', () => requiredAgents(target({ targetSeconds: -5 })), /targetSeconds/],
    ['an occupancy cap of 0', () => requiredAgents(target({ maxOccupancy: 0 })), /maxOccupancy .* above 0/],
    ['shrinkage of 100 %', () => requiredAgents(target({ shrinkage: 1 })), /shrinkage .* below 1/],
  ];
  it.each(refusals)('refuses %s with a message naming the limit', (_label, run, message) => {
    expect(run).toThrow(DomainError);
    expect(run).toThrow(message);
  });

  const queue = fc.record({
    traffic: fc.double({ min: 0.01, max: 2_000, noNaN: true }),
    averageHandleSeconds: fc.double({ min: 1, max: 3_600, noNaN: true }),
    targetSeconds: fc.integer({ min: 0, max: 600 }),
    extra: fc.integer({ min: 0, max: 200 }),
  });

  it('property: service level grows with every agent added, and stays within 0..1', () => {
    fc.assert(
      fc.property(queue, ({ traffic, averageHandleSeconds, targetSeconds, extra }) => {
        const agents = Math.floor(traffic) + 1 + extra;
        const sl = (n: number) => serviceLevelFor({ agents: n, traffic, averageHandleSeconds }, targetSeconds);
        const [now, more] = [sl(agents), sl(agents + 1)];
        expect(now).toBeGreaterThanOrEqual(0);
        expect(more).toBeLessThanOrEqual(1);
        expect(more).toBeGreaterThanOrEqual(now);
        expect(probabilityOfWaiting(agents + 1, traffic)).toBeLessThanOrEqual(probabilityOfWaiting(agents, traffic));
      }),
    );
  });

  it('property: the estimate is the smallest count that meets the target', () => {
    const targets = fc.record({
      arrivals: fc.integer({ min: 1, max: 5_000 }),
      averageHandleSeconds: fc.integer({ min: 10, max: 1_200 }),
      targetServiceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
      targetSeconds: fc.integer({ min: 0, max: 300 }),
    });
    fc.assert(
      fc.property(targets, (t) => {
        const e = requiredAgents({ ...t, periodSeconds: 3600 });
        const model = { traffic: e.traffic, averageHandleSeconds: t.averageHandleSeconds };
        expect(e.agents).toBeGreaterThan(e.traffic);
        expect(e.agents).toBeLessThanOrEqual(ERLANG_LIMITS.maxAgents);
        expect(e.serviceLevel).toBeGreaterThanOrEqual(t.targetServiceLevel);
        expect(serviceLevelFor({ ...model, agents: e.agents - 1 }, t.targetSeconds)).toBeLessThan(t.targetServiceLevel);
      }),
    );
  });
});
