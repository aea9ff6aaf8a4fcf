import type { AssignmentStrategy } from '../types.js';
import { leadingKeys, rankBy, roundRobinKey } from './ranking.js';

/**
 * Advanced round robin (RT3): the order is kept per queue, so an agent may
 * get items from two queues back to back; never-assigned agents go first, by when they joined.
 */
export const roundRobin: AssignmentStrategy = {
  name: 'round-robin',
  rank: (candidates, ctx) => rankBy(candidates, [...leadingKeys(ctx), roundRobinKey(ctx)]),
};
