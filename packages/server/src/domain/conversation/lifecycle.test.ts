import { describe, expect, it } from 'vitest';
import type { ConversationState } from '@switchboard/protocol';
import { LIFECYCLE, nextState, TransitionError, type LifecycleCommand, type LifecycleFacts } from './lifecycle.js';

const STATES: ConversationState[] = ['open', 'active', 'waiting', 'wrap-up', 'closed'];
const COMMANDS = Object.keys(LIFECYCLE) as LifecycleCommand[];

// Written out by hand from CV1 in docs/features.md, independently of LIFECYCLE,
// so that a wrong entry there fails here. Key: command, state, accepted, asynchronous.
const ALLOWED: [LifecycleCommand, ConversationState, boolean, boolean, ConversationState][] = [];
const allow = (
  cmd: LifecycleCommand,
  state: ConversationState,
  to: ConversationState,
  when: (accepted: boolean, async: boolean) => boolean,
) => {
  for (const accepted of [false, true])
    for (const async of [false, true]) if (when(accepted, async)) ALLOWED.push([cmd, state, accepted, async, to]);
};
const always = () => true;
allow('assign', 'open', 'active', always);
allow('decline', 'active', 'open', (accepted) => !accepted);
allow('release', 'active', 'open', (accepted) => accepted);
allow('park', 'active', 'waiting', (accepted, async) => accepted && async);
allow('resume', 'waiting', 'active', always);
allow('customer-return', 'waiting', 'open', always);
allow('end', 'active', 'wrap-up', (accepted) => accepted);
allow('close', 'wrap-up', 'closed', always);
allow('abandon', 'open', 'closed', always);
allow('abandon', 'active', 'closed', (accepted) => !accepted);
for (const s of ['open', 'waiting', 'wrap-up'] as const) allow('auto-close', s, 'closed', always);
for (const s of ['open', 'active', 'waiting', 'wrap-up'] as const) allow('force-close', s, 'closed', always);
allow('reopen', 'closed', 'open', (_accepted, async) => async);

const cases = COMMANDS.flatMap((command) =>
  STATES.flatMap((state) =>
    [false, true].flatMap((accepted) =>
      [false, true].map((asynchronous) => ({ command, state, accepted, asynchronous })),
    ),
  ),
);

describe('conversation lifecycle', () => {
  it('covers every command', () => {
    expect(new Set(ALLOWED.map(([c]) => c))).toEqual(new Set(COMMANDS));
  });

  for (const { command, state, accepted, asynchronous } of cases) {
    const expected = ALLOWED.find(
      ([c, s, a, y]) => c === command && s === state && a === accepted && y === asynchronous,
    );
    const facts: LifecycleFacts = { state, accepted, asynchronous };
    const label = `${command} from ${state} (${accepted ? 'accepted' : 'not accepted'}, ${asynchronous ? 'async' : 'live chat'})`;
    if (expected) {
      it(`allows ${label} → ${expected[4]}`, () => {
        expect(nextState(facts, command)).toBe(expected[4]);
      });
    } else {
      it(`refuses ${label} with a clear error`, () => {
        expect(() => nextState(facts, command)).toThrow(TransitionError);
        expect(() => nextState(facts, command)).toThrow(
          new RegExp(`^Cannot ${command} a conversation that is ${state}: .+`),
        );
      });
    }
  }
});
