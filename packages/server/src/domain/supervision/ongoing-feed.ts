import type { Channel, ConversationEvent, ConversationState, OngoingState } from '@switchboard/protocol';
import type { DomainEvent } from '../events.js';

/** The fields of a row that decide whether a feed's list holds it (SV1). */
export type OngoingKeys = {
  state: ConversationState;
  queueId: string | null;
  channel: Channel;
  agentId: string | null;
};
export type OngoingFilter = { queueId?: string; channel?: Channel; state?: OngoingState; agentId?: string };

/** Whether the list `filter` narrows to holds a row with these keys; null: not in progress. */
export function inFilter(filter: OngoingFilter, keys: OngoingKeys | null): boolean {
  if (!keys) return false;
  if (filter.state !== undefined && keys.state !== filter.state) return false;
  if (filter.queueId !== undefined && keys.queueId !== filter.queueId) return false;
  if (filter.channel !== undefined && keys.channel !== filter.channel) return false;
  return filter.agentId === undefined || keys.agentId === filter.agentId;
}

/** One conversation of a batch: its keys as last known, and its row now (null: no longer in progress). */
export type RowChange<R extends OngoingKeys & { id: string }> = {
  id: string;
  before: OngoingKeys | null;
  after: R | null;
};
export type FeedPatch<R> = { op: 'upsert'; row: R } | { op: 'remove'; id: string };

/**
 * What one feed is told of a batch: every row its list holds now (new or changed), the removal of
 * each it held and no longer does, nothing of rows it never held; `delta` moves its total.
 */
export function feedPatches<R extends OngoingKeys & { id: string }>(
  filter: OngoingFilter,
  changes: readonly RowChange<R>[],
): { patches: FeedPatch<R>[]; delta: number } {
  const patches: FeedPatch<R>[] = [];
  let delta = 0;
  for (const { id, before, after } of changes) {
    const was = inFilter(filter, before);
    if (after && inFilter(filter, after)) {
      patches.push({ op: 'upsert', row: after });
      if (!was) delta += 1;
    } else if (was) {
      patches.push({ op: 'remove', id });
      delta -= 1;
    }
  }
  return { patches, delta };
}

/** What shows in a row: a start, a state, an offer, its answer, a hand-over; not messages or notes. */
function changesRow(e: ConversationEvent): boolean {
  return e.seq === 1 || ['state', 'offered', 'declined', 'accepted', 'transfer'].includes(e.type);
}

/** The conversation whose row of the ongoing list an event may have changed, or null. */
export function ongoingChangeOf(event: DomainEvent): { orgId: string; conversationId: string } | null {
  switch (event.kind) {
    case 'conversation-event':
      return changesRow(event.staff) ? { orgId: event.orgId, conversationId: event.conversationId } : null;
    case 'assigned':
    case 'left':
    case 'sentiment-changed':
    case 'queue-moved':
      return { orgId: event.orgId, conversationId: event.conversationId };
    default:
      return null;
  }
}
