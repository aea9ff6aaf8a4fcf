import { describe, expect, it } from 'vitest';
import type { AgentFilter, SortKey } from '@switchboard/protocol';
import { agent, at, candidate, item, T0 } from '../test-builders.js';
import type { Candidate, NonEmpty, StrategyContext } from '../types.js';
import { runAssignmentStrategyContract } from './assignment-strategy.contract.js';
import { customOrder } from './custom-order.js';

const CLOSEST_SKIP = 'custom order applies skill closeness only as its skill-match key, like the reference';
runAssignmentStrategyContract({
  name: 'custom (remaining capacity)',
  create: () => customOrder({ order: [{ key: 'remaining-capacity', direction: 'desc' }] }),
  skip: { closestMatch: CLOSEST_SKIP },
});
runAssignmentStrategyContract({
  name: 'custom (skill match, idle time, filters)',
  create: () =>
    customOrder({
      order: [
        { key: 'skill-match', direction: 'desc' },
        { key: 'idle-time', direction: 'desc' },
      ],
      filters: [
        { kind: 'min-remaining-capacity', units: 1 },
        { kind: 'has-skill', skillId: 'french', minProficiency: 3 },
      ],
    }),
});

const ctx: StrategyContext = {
  item: item({
    id: 'i',
    skills: [
      { skillId: 'french', proficiency: 5 },
      { skillId: 'billing', proficiency: 5 },
    ],
  }),
  queueId: 'q1',
  now: T0,
};
const rankIds = (order: SortKey[], cs: Candidate[]) =>
  customOrder({ order })
    .rank(cs as unknown as NonEmpty<Candidate>, ctx)
    .ranked.map((c) => c.agent.id);
const key = (k: SortKey['key'], direction: SortKey['direction'] = 'desc'): SortKey => ({ key: k, direction });

describe('custom order (RT3)', () => {
  const ann = candidate({
    agent: agent({ id: 'ann', skills: { french: 5, billing: 5 }, lastCapacityReleaseAt: at(-30) }),
    remaining: 1,
    skillFit: 'exact',
  });
  const bob = candidate({
    agent: agent({ id: 'bob', skills: { french: 9, billing: 8 }, lastCapacityReleaseAt: at(-600) }),
    remaining: 2,
    skillFit: 'over',
    skillDistance: 7,
  });
  const cat = candidate({
    agent: agent({ id: 'cat', skills: { french: 2 }, lastCapacityReleaseAt: null }),
    remaining: 3,
    skillFit: 'under',
    skillDistance: 8,
  });
  const all = [cat, bob, ann];

  it.each<[string, SortKey[], string[]]>([
    ['skill match: closest first', [key('skill-match')], ['ann', 'bob', 'cat']],
    ['skill match ascending: farthest first', [key('skill-match', 'asc')], ['cat', 'bob', 'ann']],
    ['proficiency: most proficient over the required skills', [key('proficiency')], ['bob', 'ann', 'cat']],
    ['remaining capacity: most first', [key('remaining-capacity')], ['cat', 'bob', 'ann']],
    ['remaining capacity ascending: least first', [key('remaining-capacity', 'asc')], ['ann', 'bob', 'cat']],
    [
      'idle time: longest idle first, no release since sign-in longest of all',
      [key('idle-time')],
      ['cat', 'bob', 'ann'],
    ],
  ])('%s', (_name, order, expected) => {
    expect(rankIds(order, all)).toEqual(expected);
  });

  it('explains an ascending key with the real values', () => {
    const { reasons } = customOrder({ order: [key('remaining-capacity', 'asc')] }).rank([bob, ann], ctx);
    expect(reasons.get('ann')).toBe('ranked first: capacity left 1, round robin never assigned');
    expect(reasons.get('bob')).toBe('capacity left 2 vs 1 above');
  });

  it('uses later keys only to break ties of earlier ones', () => {
    const twin = candidate({ ...ann, agent: { ...ann.agent, id: 'ann-2', lastCapacityReleaseAt: at(-3000) } });
    expect(rankIds([key('skill-match'), key('idle-time')], [ann, twin, bob])).toEqual(['ann-2', 'ann', 'bob']);
  });

  it('breaks full ties by round robin, then by id', () => {
    const x = candidate({ agent: agent({ id: 'x', lastAssignedAt: { q1: at(-5) } }) });
    const y = candidate({ agent: agent({ id: 'y', lastAssignedAt: { q1: at(-50) } }) });
    const z = candidate({ agent: agent({ id: 'z', lastAssignedAt: { q1: at(-50) } }) });
    expect(rankIds([key('remaining-capacity')], [z, x, y])).toEqual(['y', 'z', 'x']);
  });

  it('ranks fewer declines first whatever the keys say', () => {
    expect(rankIds([key('remaining-capacity')], [{ ...cat, declines: 1 }, bob, ann])).toEqual(['bob', 'ann', 'cat']);
  });

  it.each<[AgentFilter, string[], string]>([
    [{ kind: 'min-remaining-capacity', units: 2 }, ['cat', 'bob'], 'filtered out: capacity left 1, filter needs 2'],
    [{ kind: 'min-idle-seconds', seconds: 60 }, ['cat', 'bob'], 'filtered out: idle 30 s, filter needs 60 s'],
    [
      { kind: 'has-skill', skillId: 'billing', minProficiency: 6 },
      ['bob'],
      'filtered out: skill billing at 5, filter needs 6',
    ],
  ])('filter %o keeps %o', (filter, kept, annReason) => {
    const { kept: k, reasons } = customOrder({ order: [key('round-robin')], filters: [filter] }).filter!(all, ctx);
    expect(k.map((c) => c.agent.id)).toEqual(kept);
    expect(reasons.get('ann')).toBe(annReason);
  });
});
