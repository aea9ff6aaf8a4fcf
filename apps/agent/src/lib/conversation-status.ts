import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';

/** What the agent can do, from the conversation's state (server rules in services/conversations.ts). */
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

/** Keeps a summary current as newer events arrive (only events after the snapshot it came from). */
export function foldSummary<S extends ConversationSummary>(summary: S, event: ConversationEvent): S {
  const next = { ...summary, lastSeq: Math.max(summary.lastSeq, event.seq) };
  if (event.type === 'accepted')
    return { ...next, acceptedAt: event.at, agentId: event.agentId, agentName: event.agentName };
  if (event.type !== 'state') return next;
  return {
    ...next,
    state: event.to,
    endedAt: event.to === 'wrap-up' || event.to === 'closed' ? (summary.endedAt ?? event.at) : summary.endedAt,
    closedAt: event.to === 'closed' ? event.at : summary.closedAt,
  };
}
