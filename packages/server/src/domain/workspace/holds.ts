import type { ConversationState, Role } from '@switchboard/protocol';

/** What the store knows of a session's conversation, for the agent whose workspace it is. */
export type ConversationFacts = {
  agentId: string | null;
  state: ConversationState;
  /** The user consults on it and has not left (AG5). */
  consulting: boolean;
};

/**
 * How a workspace may keep a conversation's session (AG3):
 * - held: the agent works it (theirs and not closed, or consulting): it counts toward the session limit;
 * - kept: it may stay open to read (theirs and closed; any of the organisation for supervisors and admins);
 * - gone: someone else has it now, or it does not exist: the session drops out.
 */
export type Hold = 'held' | 'kept' | 'gone';

export function holdOf(facts: ConversationFacts | undefined, who: { userId: string; role: Role }): Hold {
  if (!facts) return 'gone';
  if (facts.consulting && facts.state !== 'closed') return 'held';
  if (facts.agentId === who.userId) return facts.state === 'closed' || facts.state === 'open' ? 'kept' : 'held';
  return who.role === 'agent' ? 'gone' : 'kept';
}
