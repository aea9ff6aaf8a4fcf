import type { QueueConfig, RouteToQueueRule, TraceStep } from '@switchboard/protocol';
import { classify } from './classification.js';
import { evaluateCondition } from './conditions.js';
import { nextOpening } from './operating-hours.js';
import { firstOverflow, type FiredOverflow } from './overflow.js';
import type { IntakeDecision, IntakeInput, RoutingConfig } from './types.js';

type Skipped = { queueId: string; queueName: string; reason: string };
type Overflowing = { rule: RouteToQueueRule; queue: QueueConfig; fired: FiredOverflow };

/** FNV-1a: a stable 32-bit hash, so a conversation always lands in the same share of a split. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The queue of a rule for this conversation: its only queue, or a share of a percentage split. */
export function pickShare(rule: RouteToQueueRule, conversationId: string): RouteToQueueRule['queues'][number] {
  const bucket = stableHash(conversationId) % 100;
  let upTo = 0;
  for (const share of rule.queues) {
    upTo += share.percentage;
    if (bucket < upTo) return share;
  }
  return rule.queues[rule.queues.length - 1] ?? rule.queues[0]!;
}

const queueStep = (
  queue: { id: string; name: string },
  matchedRule: string | null,
  reason: string,
  skipped: Skipped[],
): TraceStep => ({
  step: 'queue',
  queueId: queue.id,
  queueName: queue.name,
  matchedRule,
  reason,
  skipped,
});

function matchedReason(rule: RouteToQueueRule, percentage: number): string {
  const split = rule.queues.length > 1 ? ` (${percentage}% share of a split)` : '';
  return `rule "${rule.name}" matched${split}`;
}

/** All matched queues overflow: the first open one, else the one that opens soonest (§1.3). */
function leastBadQueue(
  overflowing: readonly Overflowing[],
  config: RoutingConfig,
  now: Date,
): { pick: Overflowing; reason: string } {
  const opens = overflowing.map((o) => {
    const hours = o.queue.operatingHoursId === null ? null : config.operatingHours.get(o.queue.operatingHoursId);
    return { o, at: nextOpening(hours, now) };
  });
  const open = opens.find((x) => x.at !== null && x.at.getTime() === now.getTime());
  if (open) return { pick: open.o, reason: 'every matched queue overflows; first one that is open' };
  const soonest = opens.reduce((best, x) => (x.at !== null && (best.at === null || x.at < best.at) ? x : best));
  const when = soonest.at
    ? `opens soonest, at ${soonest.at.toISOString()}`
    : 'none opens within 14 days; first matched';
  return { pick: soonest.o, reason: `every matched queue overflows and none is open; ${when}` };
}

/** Runs the queue's one pre-queue overflow action (§1.8) and finishes the decision. */
function applyOverflow(
  queue: QueueConfig,
  fired: FiredOverflow,
  config: RoutingConfig,
  trace: TraceStep[],
  outputs: IntakeDecision['outputs'],
): IntakeDecision {
  const action = fired.rule.then;
  trace.push({ step: 'overflow', queueId: queue.id, condition: fired.condition, action });
  switch (action.kind) {
    case 'assign-anyway':
      return { queueId: queue.id, outputs, overflow: null, trace };
    case 'transfer': {
      // Transfers are not checked again (§1.8): the target queue takes the item whatever its state.
      const target = config.queues.get(action.queueId);
      if (!target) {
        // Only this organisation's queues take its items (X3): a target outside its configuration keeps the item here.
        trace.push(queueStep(queue, null, `overflow transfer from ${queue.name} to an unknown queue: stays here`, []));
        return { queueId: queue.id, outputs, overflow: null, trace };
      }
      trace.push(queueStep(target, null, `overflow transfer from ${queue.name}: ${fired.condition}`, []));
      return { queueId: target.id, outputs, overflow: action, trace };
    }
    case 'message-and-end':
    case 'offer-callback':
      return { queueId: null, outputs, overflow: action, trace };
  }
}

/**
 * Intake of a new conversation (RT2, RT3): classification,
 * then the first matching route-to-queue rule whose queue is not overflowing, else the fallback
 * queue (its overflow is ignored); the one pre-queue overflow check runs on the queue chosen
 * when every matched queue overflows. Pure: the same input gives the same decision and trace.
 */
export function routeIntake(input: IntakeInput, config: RoutingConfig): IntakeDecision {
  const { workstream, context, now, stats } = input;
  const { outputs, trace } = classify(workstream.classification, context);
  const skipped: Skipped[] = [];
  const overflowing: Overflowing[] = [];
  for (const rule of workstream.routeToQueue) {
    if (!evaluateCondition(rule.when, context, outputs)) continue;
    const share = pickShare(rule, input.conversationId);
    const queue = config.queues.get(share.queueId);
    if (!queue) {
      skipped.push({
        queueId: share.queueId,
        queueName: '(unknown queue)',
        reason: `rule "${rule.name}": queue does not exist`,
      });
      continue;
    }
    const fired = firstOverflow(queue, config, stats.get(queue.id), now);
    if (!fired) {
      trace.push(queueStep(queue, rule.name, matchedReason(rule, share.percentage), skipped));
      return { queueId: queue.id, outputs, overflow: null, trace };
    }
    overflowing.push({ rule, queue, fired });
    skipped.push({
      queueId: queue.id,
      queueName: queue.name,
      reason: `rule "${rule.name}": overflowing, ${fired.condition}`,
    });
  }
  if (overflowing.length > 0) {
    const { pick, reason } = leastBadQueue(overflowing, config, now);
    trace.push(
      queueStep(
        pick.queue,
        pick.rule.name,
        reason,
        skipped.filter((s) => s.queueId !== pick.queue.id),
      ),
    );
    return applyOverflow(pick.queue, pick.fired, config, trace, outputs);
  }
  const fallback = config.queues.get(workstream.fallbackQueueId) ?? {
    id: workstream.fallbackQueueId,
    name: '(unknown queue)',
  };
  const why = skipped.length > 0 ? 'no usable rule matched: fallback queue' : 'no rule matched: fallback queue';
  trace.push(queueStep(fallback, null, `${why} (its overflow is not checked)`, skipped));
  return { queueId: fallback.id, outputs, overflow: null, trace };
}
