import type { AssignmentStrategy } from '../types.js';
import { ago, leadingKeys, rankBy, roundRobinKey, type RankKey } from './ranking.js';

const lastReleaseKey = (now: Date): RankKey => ({
  label: 'last capacity release',
  // No release since sign-in counts as the least active of all (RT3).
  value: (c) => c.agent.lastCapacityReleaseAt?.getTime() ?? Number.NEGATIVE_INFINITY,
  show: (_c, v) => (Number.isFinite(v) ? ago(v, now) : 'none since sign-in'),
});

/** Least active: the earliest last capacity release wins; ties by round robin. */
export const leastActive: AssignmentStrategy = {
  name: 'least-active',
  rank: (candidates, ctx) => rankBy(candidates, [...leadingKeys(ctx), lastReleaseKey(ctx.now), roundRobinKey(ctx)]),
};
