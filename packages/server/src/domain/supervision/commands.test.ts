import type { ConversationState, Role } from '@switchboard/protocol';
import { ConversationState as States } from '@switchboard/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Modality } from '../conversation/transfer.js';
import {
  commandRefusal,
  SUPERVISOR_RULES,
  writeRefusal,
  type CommandFacts,
  type SupervisorCommand,
  type SupervisorPart,
} from './commands.js';
import { DEFAULT_SWITCHES, SUPERVISOR_SWITCHES, type SupervisorSwitch } from './switches.js';

const COMMANDS: SupervisorCommand[] = ['monitor', 'join', 'assign', 'transfer', 'force-close'];
const STATES = States.options;
const PARTS: SupervisorPart[] = ['primary', 'consultant', 'monitoring', 'joined', null];
const MODALITIES: Modality[] = ['messaging', 'voice', 'video'];

type Conversation = CommandFacts['conversation'];
type FactsOver = Partial<Omit<CommandFacts, 'conversation'>> & { conversation?: Partial<Conversation> };

function facts(over: FactsOver = {}): CommandFacts {
  const conversation: Conversation = {
    state: 'active',
    accepted: true,
    agentId: 'ann',
    modality: 'messaging',
    transferPending: false,
    ...over.conversation,
  };
  return { who: { userId: 'sue', role: 'supervisor' }, switches: DEFAULT_SWITCHES, part: null, ...over, conversation };
}

const anyFacts: fc.Arbitrary<CommandFacts> = fc.record({
  who: fc.record({
    userId: fc.constantFrom('sue', 'ann'),
    role: fc.constantFrom<Role>('agent', 'supervisor', 'admin'),
  }),
  switches: fc.record({
    monitor: fc.boolean(),
    assign: fc.boolean(),
    transfer: fc.boolean(),
    'force-close': fc.boolean(),
  }),
  part: fc.constantFrom(...PARTS),
  conversation: fc.record({
    state: fc.constantFrom(...STATES),
    accepted: fc.boolean(),
    agentId: fc.constantFrom(null, 'ann', 'sue'),
    modality: fc.constantFrom(...MODALITIES),
    transferPending: fc.boolean(),
  }),
});

describe('who and which switch, for every command', () => {
  it('an agent is refused every supervisor command, whatever the conversation and switches', () => {
    fc.assert(
      fc.property(anyFacts, fc.constantFrom(...COMMANDS), (f, command) => {
        const refusal = commandRefusal(command, { ...f, who: { ...f.who, role: 'agent' } });
        expect(refusal?.kind).toBe('forbidden');
        expect(refusal?.message).toContain('only supervisors and admins may');
      }),
    );
  });

  it('with its switch off, a supervisor or admin is refused the command before anything else is looked at', () => {
    fc.assert(
      fc.property(anyFacts, fc.constantFrom(...COMMANDS), (f, command) => {
        const name: SupervisorSwitch = SUPERVISOR_RULES[command].switch;
        const who = { ...f.who, role: f.who.role === 'agent' ? ('admin' as const) : f.who.role };
        const refusal = commandRefusal(command, { ...f, who, switches: { ...f.switches, [name]: false } });
        expect(refusal).toEqual({ kind: 'forbidden', message: expect.stringContaining('an admin has turned off') });
      }),
    );
  });

  it('join follows the monitor switch; the others their own', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c, SUPERVISOR_RULES[c].switch]))).toEqual({
      monitor: 'monitor',
      join: 'monitor',
      assign: 'assign',
      transfer: 'transfer',
      'force-close': 'force-close',
    });
  });

  it('a switch off never refuses another command', () => {
    for (const command of COMMANDS)
      for (const name of SUPERVISOR_SWITCHES.filter((s) => s !== SUPERVISOR_RULES[command].switch)) {
        const f = facts({ switches: { ...DEFAULT_SWITCHES, [name]: false } });
        expect(commandRefusal(command, f)?.message ?? '').not.toContain('turned off');
      }
  });

  it('supervisors and admins get the same answer', () => {
    fc.assert(
      fc.property(anyFacts, fc.constantFrom(...COMMANDS), (f, command) => {
        const as = (role: Role) => commandRefusal(command, { ...f, who: { ...f.who, role } });
        expect(as('admin')).toEqual(as('supervisor'));
      }),
    );
  });
});

// By hand from SV2-SV6: the states each command starts from.
const FROM: Record<SupervisorCommand, ConversationState[]> = {
  monitor: ['active', 'wrap-up'],
  join: ['active'],
  assign: ['open'],
  transfer: ['active', 'waiting'],
  'force-close': ['open', 'active', 'waiting', 'wrap-up'],
};

const ALLOWED_IN_WORDS: Record<SupervisorCommand, string> = {
  monitor: 'active or wrap-up',
  join: 'active',
  assign: 'open',
  transfer: 'active or waiting',
  'force-close': 'open, active, waiting or wrap-up',
};

// Facts under which only the state decides: monitoring (so join may), nobody holding an open one.
const stateOnly = (command: SupervisorCommand, state: ConversationState) =>
  facts({
    part: command === 'join' ? 'monitoring' : null,
    conversation: { state, agentId: state === 'open' ? null : 'ann' },
  });

describe('the states each command allows', () => {
  for (const command of COMMANDS)
    for (const state of STATES) {
      const ok = FROM[command].includes(state);
      it(`${command} ${ok ? 'is allowed' : 'is refused'} on a conversation that is ${state}`, () => {
        const refusal = commandRefusal(command, stateOnly(command, state));
        if (ok) expect(refusal).toBeNull();
        else {
          expect(refusal?.kind).toBe('conflict');
          expect(refusal?.message).toContain(`only a conversation that is ${ALLOWED_IN_WORDS[command]} can be`);
          expect(refusal?.message).toContain(`(it is ${state})`);
        }
      });
    }
});

describe('monitor (SV2)', () => {
  it.each<[SupervisorPart, string | null]>([
    [null, null],
    ['monitoring', null], // again: the service records the participant once
    ['joined', null],
    ['primary', 'you are its agent'],
    ['consultant', 'you consult on it'],
  ])('as %s → %s', (part, why) => {
    for (const state of ['active', 'wrap-up'] as const) {
      const refusal = commandRefusal('monitor', facts({ part, conversation: { state } }));
      if (why === null) expect(refusal).toBeNull();
      else expect(refusal).toEqual({ kind: 'conflict', message: expect.stringContaining(why) });
    }
  });

  it('says which command and why, in full', () => {
    expect(commandRefusal('monitor', facts({ part: 'primary' }))?.message).toBe(
      'cannot monitor this conversation: you are its agent; you see it in your own workspace',
    );
    expect(commandRefusal('force-close', facts({ conversation: { state: 'closed' } }))?.message).toBe(
      'only a conversation that is open, active, waiting or wrap-up can be force closed (it is closed)',
    );
  });

  it('any channel and modality, offered or accepted', () => {
    for (const modality of MODALITIES)
      for (const accepted of [true, false])
        expect(commandRefusal('monitor', facts({ conversation: { modality, accepted } }))).toBeNull();
  });
});

describe('join (SV3)', () => {
  it.each<[SupervisorPart, boolean, string | null]>([
    ['monitoring', true, null],
    ['monitoring', false, 'has not accepted it yet'],
    [null, true, 'monitor it first'],
    ['joined', true, 'joined it already'],
    ['primary', true, 'you are its agent'],
    ['consultant', true, 'you consult on it'],
  ])('as %s, accepted %s → %s', (part, accepted, why) => {
    const refusal = commandRefusal('join', facts({ part, conversation: { accepted } }));
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ kind: 'conflict', message: expect.stringContaining(why) });
  });

  it('not once the agent ended it (wrap-up): the customer has gone', () => {
    const refusal = commandRefusal('join', facts({ part: 'monitoring', conversation: { state: 'wrap-up' } }));
    expect(refusal?.message).toContain('(it is wrap-up)');
  });
});

describe('writing after joining (SV3)', () => {
  it.each<[SupervisorPart, ConversationState, 'internal' | 'public', string | null]>([
    ['joined', 'active', 'internal', null],
    ['joined', 'active', 'public', null],
    ['joined', 'wrap-up', 'internal', null],
    ['joined', 'wrap-up', 'public', 'only while it is active'],
    ['joined', 'closed', 'internal', 'is closed'],
    ['monitoring', 'active', 'internal', 'join the conversation before writing'],
    ['monitoring', 'active', 'public', 'join the conversation before writing'],
    [null, 'active', 'public', 'join the conversation before writing'],
  ])('%s in %s writing %s → %s', (part, state, to, why) => {
    const refusal = writeRefusal(facts({ part, conversation: { state } }), to);
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal?.message).toContain(why);
  });

  it('an agent never writes as a supervisor', () => {
    const f = facts({ who: { userId: 'ann', role: 'agent' }, part: 'joined' });
    expect(writeRefusal(f, 'internal')?.kind).toBe('forbidden');
  });
});

describe('assign (SV4)', () => {
  it('an open conversation nobody holds', () => {
    expect(commandRefusal('assign', facts({ conversation: { state: 'open', agentId: null } }))).toBeNull();
  });

  it('not one an agent holds, even if open', () => {
    const refusal = commandRefusal('assign', facts({ conversation: { state: 'open', agentId: 'ann' } }));
    expect(refusal?.message).toContain('an agent holds it already');
  });

  it("never an active one (the issue's example of bad input)", () => {
    const refusal = commandRefusal('assign', facts({ conversation: { state: 'active', agentId: 'ann' } }));
    expect(refusal).toEqual({
      kind: 'conflict',
      message: 'only a conversation that is open can be assigned (it is active)',
    });
  });
});

describe('transfer (SV5)', () => {
  it.each<[Partial<Conversation>, string | null]>([
    [{ state: 'active' }, null],
    [{ state: 'waiting' }, null],
    [{ state: 'waiting', accepted: false }, null],
    [{ state: 'active', accepted: false }, 'still offered'],
    [{ state: 'active', agentId: null }, 'no agent holds it'],
    [{ modality: 'voice' }, 'escalated to voice'],
    [{ modality: 'video', state: 'waiting' }, 'escalated to video'],
    [{ transferPending: true }, 'already waits for an answer'],
    [{ state: 'waiting', agentId: null }, 'no agent holds it'],
    [{ state: 'waiting', transferPending: true }, 'already waits for an answer'],
    [{ state: 'open', agentId: null }, 'only a conversation that is active or waiting can be transferred'],
    [{ state: 'closed' }, 'only a conversation that is active or waiting can be transferred'],
    [{ state: 'wrap-up' }, '(it is wrap-up)'],
  ])('%o → %s', (conversation, why) => {
    const refusal = commandRefusal('transfer', facts({ conversation }));
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ kind: 'conflict', message: expect.stringContaining(why) });
  });
});

describe('force close (SV6)', () => {
  it('any conversation not closed, whatever the modality, the part or whether it was accepted', () => {
    fc.assert(
      fc.property(anyFacts, (f) => {
        const who = { ...f.who, role: 'supervisor' as const };
        const refusal = commandRefusal('force-close', { ...f, who, switches: DEFAULT_SWITCHES });
        expect(refusal === null).toBe(f.conversation.state !== 'closed');
      }),
    );
  });
});
