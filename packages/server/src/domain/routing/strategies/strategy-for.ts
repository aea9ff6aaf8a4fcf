import type { AssignmentMethod } from '@switchboard/protocol';
import type { AssignmentStrategy } from '../types.js';
import { customOrder } from './custom-order.js';
import { highestCapacity } from './highest-capacity.js';
import { leastActive } from './least-active.js';
import { roundRobin } from './round-robin.js';

/** The strategy for a queue's assignment method (RT3). */
export function strategyFor(method: AssignmentMethod): AssignmentStrategy {
  switch (method.kind) {
    case 'highest-capacity':
      return highestCapacity;
    case 'round-robin':
      return roundRobin;
    case 'least-active':
      return leastActive;
    case 'custom':
      return customOrder(method);
  }
}
