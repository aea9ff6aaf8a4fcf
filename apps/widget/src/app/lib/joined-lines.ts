import type { ConversationEvent } from '@switchboard/protocol';

/**
 * CH1: "<agent> joined the chat" once per agent. An agent who accepts again (after a transfer
 * round trip or a requeue) adds another `accepted` event; only the first one per agent is a line.
 * Worked out from the whole timeline, so a reload, which refetches the same events, shows the same.
 */
export function firstJoins(events: readonly ConversationEvent[]): Set<number> {
  const seenAgents = new Set<string>();
  const first = new Set<number>();
  for (const e of events) {
    if (e.type !== 'accepted') continue;
    const who = e.agentId;
    if (seenAgents.has(who)) continue;
    seenAgents.add(who);
    first.add(e.seq);
  }
  return first;
}
