import { describe, expect, it } from 'vitest';
import { agent, at, candidate, item, T0 } from '../test-builders.js';
import type { Candidate, NonEmpty } from '../types.js';
import { runAssignmentStrategyContract } from './assignment-strategy.contract.js';
import { roundRobin } from './round-robin.js';

runAssignmentStrategyContract({ name: 'round-robin', create: () => roundRobin });

const rankIds = (cs: Candidate[], queueId = 'q1') =>
  roundRobin
    .rank(cs as unknown as NonEmpty<Candidate>, { item: item({ id: 'i', queueId }), queueId, now: T0 })
    .ranked.map((x) => x.agent.id);

describe('round-robin (RT3)', () => {
  it('serves never-assigned agents first, in the order they joined the queue', () => {
    const cs = [
      candidate({
        agent: agent({ id: 'assigned', lastAssignedAt: { q1: at(-9999) }, joinedQueueAt: { q1: at(-99999) } }),
      }),
      candidate({ agent: agent({ id: 'joined-late', joinedQueueAt: { q1: at(-10) } }) }),
      candidate({ agent: agent({ id: 'joined-early', joinedQueueAt: { q1: at(-1000) } }) }),
    ];
    expect(rankIds(cs)).toEqual(['joined-early', 'joined-late', 'assigned']);
  });

  it('then the earliest last assignment, ignoring capacity', () => {
    const cs = [
      candidate({ agent: agent({ id: 'b' }), remaining: 9, declines: 0 }),
      candidate({ agent: agent({ id: 'a' }), remaining: 1 }),
    ].map((c, i) => ({ ...c, agent: { ...c.agent, lastAssignedAt: { q1: at(i === 0 ? -5 : -50) } } }));
    expect(rankIds(cs)).toEqual(['a', 'b']);
  });

  it('keeps the order per queue: an assignment from another queue does not count', () => {
    const cs = [
      candidate({ agent: agent({ id: 'x', queueIds: ['q1', 'q2'], lastAssignedAt: { q1: at(-100), q2: at(-1) } }) }),
      candidate({ agent: agent({ id: 'y', queueIds: ['q1', 'q2'], lastAssignedAt: { q1: at(-50), q2: at(-500) } }) }),
    ];
    expect(rankIds(cs, 'q1')).toEqual(['x', 'y']);
    expect(rankIds(cs, 'q2')).toEqual(['y', 'x']);
  });

  it('explains places with times relative to now', () => {
    const cs = [
      candidate({ agent: agent({ id: 'late', lastAssignedAt: { q1: at(-5) } }) }),
      candidate({ agent: agent({ id: 'early', lastAssignedAt: { q1: at(-50) } }) }),
      candidate({ agent: agent({ id: 'new', joinedQueueAt: { q1: at(-1000) } }) }),
    ];
    const { reasons } = roundRobin.rank(cs as unknown as NonEmpty<Candidate>, {
      item: item({ id: 'i' }),
      queueId: 'q1',
      now: T0,
    });
    expect(reasons.get('new')).toBe('ranked first: round robin never assigned, joined 1000 s ago');
    expect(reasons.get('early')).toBe('round robin last assigned 50 s ago vs never assigned, joined 1000 s ago above');
    expect(reasons.get('late')).toBe('round robin last assigned 5 s ago vs last assigned 50 s ago above');
  });
});
