import { describe, expect, it } from 'vitest';
import { agent, at, candidate, item, T0 } from '../test-builders.js';
import type { Candidate, NonEmpty } from '../types.js';
import { runAssignmentStrategyContract } from './assignment-strategy.contract.js';
import { leastActive } from './least-active.js';

runAssignmentStrategyContract({ name: 'least-active', create: () => leastActive });

const rank = (cs: Candidate[]) =>
  leastActive.rank(cs as unknown as NonEmpty<Candidate>, { item: item({ id: 'i' }), queueId: 'q1', now: T0 });

describe('least-active (RT3)', () => {
  it('puts the earliest last capacity release first, and no release at all before anyone', () => {
    const cs = [
      candidate({ agent: agent({ id: 'recent', lastCapacityReleaseAt: at(-5) }), remaining: 9 }),
      candidate({ agent: agent({ id: 'signed-in', lastCapacityReleaseAt: null }), remaining: 1 }),
      candidate({ agent: agent({ id: 'long-ago', lastCapacityReleaseAt: at(-600) }) }),
    ];
    expect(rank(cs).ranked.map((c) => c.agent.id)).toEqual(['signed-in', 'long-ago', 'recent']);
    expect(rank(cs).reasons.get('signed-in')).toContain('none since sign-in');
  });

  it('breaks ties by round robin', () => {
    const same = at(-60);
    const cs = [
      candidate({ agent: agent({ id: 'a', lastCapacityReleaseAt: same, lastAssignedAt: { q1: at(-10) } }) }),
      candidate({ agent: agent({ id: 'b', lastCapacityReleaseAt: same, lastAssignedAt: { q1: at(-20) } }) }),
    ];
    expect(rank(cs).ranked.map((c) => c.agent.id)).toEqual(['b', 'a']);
    expect(rank(cs).reasons.get('a')).toContain('round robin');
  });
});
