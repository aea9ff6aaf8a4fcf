import type { RoutingNow } from '@switchboard/protocol';
import { explainWaiting } from '../domain/routing/explain.js';
import type { Db } from '../store/db.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents, loadOpenItems } from '../store/routing-snapshot.js';

/**
 * A trace's "right now" for a conversation still waiting in a queue (RT5): the queue's members
 * judged against the current configuration, presence, capacity, skills and declines, by the pure
 * engine. Read-only: nothing is claimed, charged or written to the trace.
 */
export async function routingNow(
  db: Db,
  orgId: string,
  conversation: { id: string; queueId: string | null; workstreamId: string },
  now: Date,
): Promise<RoutingNow> {
  const at = now.toISOString();
  if (!conversation.queueId) return { at, queueId: null, note: 'not in a queue', agents: [] };
  const config = await loadRoutingConfig(db, orgId);
  const ws = config.workstreams.get(conversation.workstreamId);
  const [agents, [item]] = await Promise.all([
    loadAgents(db, orgId, now),
    loadOpenItems(db, orgId, {
      queueIds: [conversation.queueId],
      workstreamIds: [conversation.workstreamId],
      affinityWorkstreamIds: new Set(ws?.affinity ? [ws.id] : []),
      limit: 1,
      ids: [conversation.id],
    }),
  ]);
  // Taken meanwhile: no longer waiting, so nothing to explain.
  if (!item) return { at, queueId: conversation.queueId, note: 'no longer waiting', agents: [] };
  return { at, queueId: conversation.queueId, ...explainWaiting(item, agents, config, now) };
}
