import type { ConversationEvent, ConversationState } from '@switchboard/protocol';

export type ConversationStatus = { state: ConversationState; agentName: string | null };

/** What the status line shows, and the `data-status` the tests read. */
export type ChatStatus = 'waiting' | 'connected' | 'ended';

/** Follows the state as customer-visible events arrive. */
export function reduceStatus(status: ConversationStatus, event: ConversationEvent): ConversationStatus {
  switch (event.type) {
    case 'accepted':
      return { state: 'active', agentName: event.agentName };
    case 'state':
      // Back in the queue: nobody is with the customer any more.
      return { state: event.to, agentName: event.to === 'open' ? null : status.agentName };
    default:
      return status;
  }
}

export function chatStatus({ state, agentName }: ConversationStatus): ChatStatus {
  if (state === 'wrap-up' || state === 'closed') return 'ended';
  return agentName ? 'connected' : 'waiting';
}
