import type { ConversationState } from '@switchboard/protocol';
import { DomainError } from '../errors.js';

/** What the agent-reopen rule reads of a conversation and of who asks (AG10). */
export type AgentReopenFacts = {
  state: ConversationState;
  /** SMS and other asynchronous channels can be written to after the customer left; live chat cannot. */
  asynchronous: boolean;
  /** The agent who had it last (closing keeps it). */
  agentId: string | null;
  queueId: string | null;
  /** A callback work item has no chat to go back to (AG11). */
  callback: boolean;
  me: string;
};

type Rule = { refuses: (f: AgentReopenFacts) => boolean; kind: 'conflict' | 'forbidden'; why: string };

/**
 * Who may take a closed conversation up again from their dashboard, checked in this order. Capacity
 * and the session limit are the claim's to check: they may change until the write.
 */
export const AGENT_REOPEN_RULES: readonly Rule[] = [
  { refuses: (f) => f.state !== 'closed', kind: 'conflict', why: 'only a closed conversation can be reopened' },
  {
    refuses: (f) => f.agentId !== f.me,
    kind: 'forbidden',
    why: 'only the agent who handled this conversation may reopen it',
  },
  { refuses: (f) => f.callback, kind: 'conflict', why: 'a callback has no chat to reopen' },
  {
    refuses: (f) => !f.asynchronous,
    kind: 'conflict',
    why: 'a live chat cannot be reopened: the customer has left it',
  },
  { refuses: (f) => f.queueId === null, kind: 'conflict', why: 'this conversation never reached a queue' },
];

/** Why this agent may not reopen it, or null. */
export function agentReopenRefusal(f: AgentReopenFacts): DomainError | null {
  const rule = AGENT_REOPEN_RULES.find((r) => r.refuses(f));
  return rule ? new DomainError(rule.kind, `Cannot reopen this conversation: ${rule.why}`) : null;
}
