import type { ConversationState, Role } from '@switchboard/protocol';
import { LIFECYCLE } from '../conversation/lifecycle.js';
import type { Modality } from '../conversation/transfer.js';
import {
  roleRefusal,
  switchRefusal,
  type Refusal,
  type SupervisorSwitch,
  type SupervisorSwitches,
} from './switches.js';

/** What a supervisor does to a conversation from the ongoing list (SV2-SV6). */
export type SupervisorCommand = 'monitor' | 'join' | 'assign' | 'transfer' | 'force-close';

/** The part the supervisor already plays in the conversation. */
export type SupervisorPart = 'primary' | 'consultant' | 'monitoring' | 'joined' | null;

/** Plain facts the store reads in the command's transaction; the rules below decide from them. */
export type CommandFacts = {
  who: { userId: string; role: Role };
  switches: SupervisorSwitches;
  part: SupervisorPart;
  conversation: {
    state: ConversationState;
    /** The agent holding it has accepted it (an offered conversation is active but not accepted). */
    accepted: boolean;
    agentId: string | null;
    modality: Modality;
    /** A transfer of it already waits for an answer. */
    transferPending: boolean;
  };
};

type Rule = {
  switch: SupervisorSwitch;
  /** For the role refusal: "only supervisors and admins may …". */
  verb: string;
  /** For the state refusal: "only an active conversation can be …". */
  done: string;
  from: readonly ConversationState[];
  /** Beyond role, switch and state: why the command is refused, or null. */
  guard?: (f: CommandFacts) => string | null;
};

// SV2: "not the supervisor's own" — whoever works on it already sees it all as a participant.
const notTheirOwn = (f: CommandFacts) => {
  if (f.part === 'primary') return 'you are its agent; you see it in your own workspace';
  if (f.part === 'consultant') return 'you consult on it; you see it as its consultant';
  return null;
};

// SV3: the join starts from the monitor view, and the agent must be there to be told.
const fromMonitoring = (f: CommandFacts) => {
  if (f.part === 'joined') return 'you have joined it already';
  if (f.part !== 'monitoring') return notTheirOwn(f) ?? 'monitor it first; a supervisor joins from monitoring';
  return f.conversation.accepted ? null : 'its agent has not accepted it yet; wait until they have';
};

// SV4: "open, nobody holds it" — an open conversation whose agent is set is mid-claim elsewhere.
const nobodyHolds = (f: CommandFacts) =>
  f.conversation.agentId === null ? null : 'an agent holds it already; transfer it instead';

// SV5: what the agent's own transfer refuses (AG5), plus a conversation still only offered. A
// waiting one may go too: the receiver's accept takes it up again (conversation/transfer.ts).
const transferable = (f: CommandFacts) => {
  const c = f.conversation;
  if (c.agentId === null) return 'no agent holds it; assign it instead';
  if (c.state === 'active' && !c.accepted) return 'it is still offered to an agent; wait for their answer';
  if (c.modality !== 'messaging') return `a conversation escalated to ${c.modality} cannot be transferred`;
  if (c.transferPending) return 'a transfer of it already waits for an answer';
  return null;
};

/** One rule per command, in the order the checks run: role, switch, state, then the guard. */
export const SUPERVISOR_RULES: Readonly<Record<SupervisorCommand, Rule>> = {
  monitor: {
    switch: 'monitor',
    verb: 'monitor conversations',
    done: 'monitored',
    from: ['active', 'wrap-up'],
    // Monitoring again (or once joined) is no refusal: the service records the participant once.
    guard: notTheirOwn,
  },
  join: { switch: 'monitor', verb: 'join conversations', done: 'joined', from: ['active'], guard: fromMonitoring },
  assign: { switch: 'assign', verb: 'assign conversations', done: 'assigned', from: ['open'], guard: nobodyHolds },
  transfer: {
    switch: 'transfer',
    verb: 'transfer conversations of other agents',
    done: 'transferred by a supervisor',
    from: ['active', 'waiting'],
    guard: transferable,
  },
  'force-close': {
    switch: 'force-close',
    verb: 'force close conversations',
    done: 'force closed',
    from: LIFECYCLE['force-close'].from,
  },
};

/** "open", "active or waiting", "open, active, waiting or wrap-up". */
const inWords = (states: readonly string[]) =>
  states.length < 2 ? states.join('') : `${states.slice(0, -1).join(', ')} or ${states.at(-1)}`;

/** Why the supervisor may not give `command` on this conversation now, or null when they may. */
export function commandRefusal(command: SupervisorCommand, f: CommandFacts): Refusal | null {
  const rule = SUPERVISOR_RULES[command];
  const refused = roleRefusal(f.who.role, rule.verb) ?? switchRefusal(f.switches, rule.switch);
  if (refused) return refused;
  const state = f.conversation.state;
  if (!rule.from.includes(state)) {
    const allowed = inWords(rule.from);
    return { kind: 'conflict', message: `only a conversation that is ${allowed} can be ${rule.done} (it is ${state})` };
  }
  const why = rule.guard?.(f);
  return why ? { kind: 'conflict', message: `cannot ${command.replace('-', ' ')} this conversation: ${why}` } : null;
}

/** Where a supervisor's message goes once they have joined (SV3). */
export type WriteAudience = 'internal' | 'public';

/**
 * Why the supervisor may not write this now, or null. A silent monitor writes nothing (the agent
 * and customer do not know they are there); a joined supervisor writes notes to the agent, and
 * to the customer while the conversation is active.
 */
export function writeRefusal(
  f: Pick<CommandFacts, 'who' | 'part' | 'conversation'>,
  to: WriteAudience,
): Refusal | null {
  const role = roleRefusal(f.who.role, 'write as a supervisor');
  if (role) return role;
  if (f.part !== 'joined') return { kind: 'forbidden', message: 'join the conversation before writing in it' };
  const state = f.conversation.state;
  if (to === 'public' && state !== 'active')
    return { kind: 'conflict', message: `the customer can be written to only while it is active (it is ${state})` };
  if (to === 'internal' && state === 'closed')
    return { kind: 'conflict', message: 'the conversation is closed; nothing more can be written in it' };
  return null;
}
