import type { QueueConfig } from '@switchboard/protocol';
import type { WorkItem } from './types.js';

// Items of a queue that is gone sort after every real queue (priorities stop at 1000).
const UNKNOWN_QUEUE_PRIORITY = Number.MAX_SAFE_INTEGER;

/** How old an item counts as: asynchronous items age from the customer's last message (§1.4). */
export function itemAge(item: WorkItem): number {
  return (item.asynchronous ? (item.lastCustomerMessageAt ?? item.enqueuedAt) : item.enqueuedAt).getTime();
}

/**
 * The order an assignment cycle serves items in (RT3): queue priority (lower
 * first); affinity items ahead of the rest at that priority (they skip prioritisation); item
 * priority (lower first); oldest first, across queues of equal priority too; then id, so the
 * order is total and a cycle is deterministic.
 */
export function prioritize(items: readonly WorkItem[], queues: ReadonlyMap<string, QueueConfig>): WorkItem[] {
  const keyed = items.map((item) => ({
    item,
    queue: queues.get(item.queueId)?.priority ?? UNKNOWN_QUEUE_PRIORITY,
    affinity: item.affinityAgentId === null ? 1 : 0,
    age: itemAge(item),
  }));
  keyed.sort(
    (a, b) =>
      a.queue - b.queue ||
      a.affinity - b.affinity ||
      a.item.priority - b.item.priority ||
      a.age - b.age ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return keyed.map((k) => k.item);
}
