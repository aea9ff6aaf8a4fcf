import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';

/** What every app follows of a conversation: its state and who is with the customer. */
export type ConversationStatus = Pick<ConversationSummary, 'state' | 'agentName'>;

/**
 * Follows the status as events arrive. An acceptance puts an agent with the customer; back in
 * the queue ('open') nobody is any more, as the server's requeue sets the agent to null.
 */
export function reduceStatus<S extends ConversationStatus>(status: S, event: ConversationEvent): S {
  switch (event.type) {
    case 'accepted':
      return { ...status, state: 'active', agentName: event.agentName };
    case 'state':
      return { ...status, state: event.to, agentName: event.to === 'open' ? null : status.agentName };
    default:
      return status;
  }
}

/** Keeps a staff summary current as newer events arrive (only events after the snapshot it came from). */
export function foldSummary<S extends ConversationSummary>(summary: S, event: ConversationEvent): S {
  const next = { ...reduceStatus(summary, event), lastSeq: Math.max(summary.lastSeq, event.seq) };
  if (event.type === 'accepted') return { ...next, acceptedAt: event.at, agentId: event.agentId };
  if (event.type !== 'state') return next;
  return {
    ...next,
    agentId: event.to === 'open' ? null : summary.agentId,
    endedAt: event.to === 'wrap-up' || event.to === 'closed' ? (summary.endedAt ?? event.at) : summary.endedAt,
    closedAt: event.to === 'closed' ? event.at : summary.closedAt,
  };
}

/** What the customer's status line shows, and the `data-status` the tests read. */
export type ChatStatus = 'waiting' | 'connected' | 'ended';

export function chatStatus({ state, agentName }: ConversationStatus): ChatStatus {
  if (state === 'wrap-up' || state === 'closed') return 'ended';
  return agentName ? 'connected' : 'waiting';
}

/** What an agent can do, from the conversation's state (server rules in services/conversations.ts). */
export const canMessageCustomer = (c: Pick<ConversationSummary, 'state' | 'acceptedAt'>) =>
  c.state === 'active' && c.acceptedAt !== null;
export const canAddNote = (c: Pick<ConversationSummary, 'state'>) => c.state !== 'closed';
export const canEnd = canMessageCustomer;
export const canClose = (c: Pick<ConversationSummary, 'state'>) => c.state === 'wrap-up';
/** SMS and other asynchronous channels may wait (CV1); live chat may not. */
export const canPark = (c: Pick<ConversationSummary, 'state' | 'acceptedAt' | 'channel'>) =>
  c.channel !== 'webchat' && canMessageCustomer(c);
export const canResume = (c: Pick<ConversationSummary, 'state' | 'agentId'>, me: string | null) =>
  c.state === 'waiting' && c.agentId !== null && c.agentId === me;
/**
 * The agent who had a closed SMS or other asynchronous conversation takes it up again (AG10); a
 * live chat's customer has left, a callback has no chat. The server checks capacity.
 */
export const canReopen = (
  c: Pick<ConversationSummary, 'state' | 'agentId' | 'channel' | 'callbackId'>,
  me: string | null,
) => c.state === 'closed' && c.channel !== 'webchat' && c.callbackId === null && c.agentId !== null && c.agentId === me;
