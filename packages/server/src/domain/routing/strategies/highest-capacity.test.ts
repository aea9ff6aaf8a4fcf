import { describe, expect, it } from 'vitest';
import { agent, at, candidate, item, T0 } from '../test-builders.js';
import type { Candidate, NonEmpty, StrategyContext } from '../types.js';
import { runAssignmentStrategyContract } from './assignment-strategy.contract.js';
import { highestCapacity } from './highest-capacity.js';

runAssignmentStrategyContract({ name: 'highest-capacity', create: () => highestCapacity });

const ctx = (over: Partial<StrategyContext> = {}): StrategyContext => ({
  item: item({ id: 'i' }),
  queueId: 'q1',
  now: T0,
  ...over,
});
const rankIds = (cs: Candidate[], c = ctx()) =>
  highestCapacity.rank(cs as unknown as NonEmpty<Candidate>, c).ranked.map((x) => x.agent.id);

describe('highest-capacity (RT3)', () => {
  it('puts the agent with most capacity left first', () => {
    const cs = [1, 3, 2].map((remaining, i) => candidate({ agent: agent({ id: `a${i}` }), remaining }));
    expect(rankIds(cs)).toEqual(['a1', 'a2', 'a0']);
  });

  it('breaks ties by round robin in this queue: never assigned first, then the earliest last assignment', () => {
    const cs = [
      candidate({ agent: agent({ id: 'recent', lastAssignedAt: { q1: at(-10) } }), remaining: 2 }),
      candidate({ agent: agent({ id: 'long-ago', lastAssignedAt: { q1: at(-500), q2: at(-1) } }), remaining: 2 }),
      candidate({ agent: agent({ id: 'never', lastAssignedAt: { q2: at(-1) } }), remaining: 2 }),
    ];
    expect(rankIds(cs)).toEqual(['never', 'long-ago', 'recent']);
  });

  it('with closest match, a closer skill match beats more capacity', () => {
    const cs = [
      candidate({ agent: agent({ id: 'over' }), remaining: 5, skillFit: 'over', skillDistance: 2 }),
      candidate({ agent: agent({ id: 'exact' }), remaining: 1, skillFit: 'exact' }),
      candidate({ agent: agent({ id: 'under' }), remaining: 9, skillFit: 'under', skillDistance: 1 }),
    ];
    expect(rankIds(cs, ctx({ skillMatching: 'closest' }))).toEqual(['exact', 'over', 'under']);
    expect(rankIds(cs, ctx({ skillMatching: 'exact' }))).toEqual(['under', 'over', 'exact']);
  });

  it('explains the ranking with the capacity left', () => {
    const cs = [
      candidate({ agent: agent({ id: 'a', name: 'Ann' }), remaining: 3 }),
      candidate({ agent: agent({ id: 'b', name: 'Bob' }), remaining: 1 }),
    ];
    const { reasons } = highestCapacity.rank(cs as unknown as NonEmpty<Candidate>, ctx());
    expect(reasons.get('a')).toBe('ranked first: capacity left 3, round robin never assigned');
    expect(reasons.get('b')).toBe('capacity left 1 vs 3 above');
  });
});
