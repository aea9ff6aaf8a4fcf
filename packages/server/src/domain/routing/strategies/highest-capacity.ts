import type { AssignmentStrategy } from '../types.js';
import { leadingKeys, rankBy, remainingKey, roundRobinKey } from './ranking.js';

/** Highest capacity (RT3): most capacity left first; ties by round robin. */
export const highestCapacity: AssignmentStrategy = {
  name: 'highest-capacity',
  rank: (candidates, ctx) => rankBy(candidates, [...leadingKeys(ctx), remainingKey, roundRobinKey(ctx)]),
};
