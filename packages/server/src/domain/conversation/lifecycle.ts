import type { ConversationState } from '@switchboard/protocol';
import { DomainError } from '../errors.js';

/** What can happen to a conversation (CV1 in docs/features.md). */
export type LifecycleCommand =
  | 'assign' // routing pushes it to an agent, or an agent picks it
  | 'decline' // the offered agent rejects it or lets the offer time out
  | 'release' // the agent puts it back in the queue
  | 'park' // the agent steps away from an asynchronous conversation
  | 'resume' // the agent takes a parked conversation up again
  | 'customer-return' // the customer writes again in a parked conversation
  | 'end' // agent or customer ends it; the agent wraps up
  | 'close' // the agent is done wrapping up
  | 'abandon' // the customer leaves before an agent accepted
  | 'auto-close' // inactivity
  | 'force-close' // a supervisor ends it
  | 'reopen'; // a new inbound message on a closed asynchronous conversation

export type LifecycleFacts = {
  state: ConversationState;
  /** An agent has accepted the current assignment. */
  accepted: boolean;
  /** Asynchronous channels (SMS, social) may wait and reopen; live chat may not. */
  asynchronous: boolean;
};

type Rule = {
  from: readonly ConversationState[];
  to: ConversationState;
  /** Extra condition beyond the state; returns why it fails, or null. */
  guard?: (facts: LifecycleFacts) => string | null;
};

const needsAccepted = (f: LifecycleFacts) => (f.accepted ? null : 'it has not been accepted yet');
const needsNotAccepted = (f: LifecycleFacts) =>
  f.state === 'active' && f.accepted ? 'it has already been accepted' : null;
const needsAsync = (f: LifecycleFacts) => (f.asynchronous ? null : 'live chat conversations cannot wait or reopen');

export const LIFECYCLE: Readonly<Record<LifecycleCommand, Rule>> = {
  assign: { from: ['open'], to: 'active' },
  decline: { from: ['active'], to: 'open', guard: needsNotAccepted },
  release: { from: ['active'], to: 'open', guard: needsAccepted },
  park: { from: ['active'], to: 'waiting', guard: (f) => needsAccepted(f) ?? needsAsync(f) },
  resume: { from: ['waiting'], to: 'active' },
  'customer-return': { from: ['waiting'], to: 'open' },
  end: { from: ['active'], to: 'wrap-up', guard: needsAccepted },
  close: { from: ['wrap-up'], to: 'closed' },
  abandon: { from: ['open', 'active'], to: 'closed', guard: needsNotAccepted },
  'auto-close': { from: ['open', 'waiting', 'wrap-up'], to: 'closed' },
  'force-close': { from: ['open', 'active', 'waiting', 'wrap-up'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open', guard: needsAsync },
};

export class TransitionError extends DomainError {
  constructor(
    readonly command: LifecycleCommand,
    readonly state: ConversationState,
    why: string,
  ) {
    super('conflict', `Cannot ${command} a conversation that is ${state}: ${why}`);
    this.name = 'TransitionError';
  }
}

/** The state after `command`, or a TransitionError that says why the command is not allowed. */
export function nextState(facts: LifecycleFacts, command: LifecycleCommand): ConversationState {
  const rule = LIFECYCLE[command];
  if (!rule.from.includes(facts.state)) {
    throw new TransitionError(command, facts.state, `allowed only from ${rule.from.join(', ')}`);
  }
  const why = rule.guard?.(facts);
  if (why) throw new TransitionError(command, facts.state, why);
  return rule.to;
}

/** States in which the primary agent holds capacity for the conversation (RT4). */
export const CHARGED_STATES: readonly ConversationState[] = ['active', 'wrap-up'];
export const ONGOING_STATES: readonly ConversationState[] = ['active', 'waiting', 'wrap-up'];
/** Where auto-close applies (RT1): a conversation nobody works on, waiting or in wrap-up. */
export const AUTO_CLOSE_STATES: readonly ConversationState[] = ['waiting', 'wrap-up'];
