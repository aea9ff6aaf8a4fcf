import type { OverflowCondition, OverflowRule, QueueConfig } from '@switchboard/protocol';
import { isOpen } from './operating-hours.js';
import type { QueueStats, RoutingConfig } from './types.js';

/** An overflow rule whose condition holds, with the condition described for the trace. */
export type FiredOverflow = { rule: OverflowRule; condition: string };

const ASSIGN_ANYWAY_OUTSIDE_HOURS: OverflowRule = { when: { kind: 'outside-hours' }, then: { kind: 'assign-anyway' } };

/**
 * A queue's overflow rules in the order they are checked: outside-hours first, then the others
 * as defined (RT3). A queue with hours but no outside-hours rule gets the
 * reference's implicit "outside hours → assign anyway", so a closed queue counts as overflowing.
 */
export function overflowRules(queue: QueueConfig): OverflowRule[] {
  const outside = queue.overflow.filter((r) => r.when.kind === 'outside-hours');
  const others = queue.overflow.filter((r) => r.when.kind !== 'outside-hours');
  if (outside.length === 0 && queue.operatingHoursId !== null) outside.push(ASSIGN_ANYWAY_OUTSIDE_HOURS);
  return [...outside, ...others];
}

function holds(
  when: OverflowCondition,
  queue: QueueConfig,
  config: RoutingConfig,
  stats: QueueStats,
  now: Date,
): string | null {
  switch (when.kind) {
    case 'outside-hours': {
      const hours = queue.operatingHoursId === null ? null : config.operatingHours.get(queue.operatingHoursId);
      return isOpen(hours, now) ? null : `outside operating hours${hours ? ` (${hours.name})` : ''}`;
    }
    case 'queue-size':
      return stats.waiting >= when.limit ? `${stats.waiting} waiting, limit ${when.limit}` : null;
    case 'estimated-wait': {
      const wait = stats.estimatedWaitSeconds;
      return wait !== null && wait >= when.seconds
        ? `estimated wait ${Math.round(wait)} s, limit ${when.seconds} s`
        : null;
    }
  }
}

/** The first overflow rule of the queue whose condition holds now, or null if it is not overflowing. */
export function firstOverflow(
  queue: QueueConfig,
  config: RoutingConfig,
  stats: QueueStats | undefined,
  now: Date,
): FiredOverflow | null {
  const current = stats ?? { waiting: 0, estimatedWaitSeconds: null };
  for (const rule of overflowRules(queue)) {
    const condition = holds(rule.when, queue, config, current, now);
    if (condition !== null) return { rule, condition };
  }
  return null;
}
