import { describe, expect, it } from 'vitest';
import { agentWriteRefusal, customerWriteRefusal } from './messaging.js';
import { wrapUpCapacity } from './wrap-up-capacity.js';

describe('who may write when (CV3)', () => {
  it.each([
    ['open', null],
    ['active', null],
    ['waiting', null],
    ['wrap-up', 'this conversation has ended'],
    ['closed', 'this conversation has ended'],
  ] as const)('the customer, %s: %s', (state, refusal) => {
    expect(customerWriteRefusal(state)).toBe(refusal);
  });

  it.each([
    ['active', true, false, null],
    ['active', false, false, 'cannot message the customer while the conversation is not accepted'],
    ['wrap-up', true, false, 'cannot message the customer while the conversation is wrap-up'],
    ['waiting', true, false, 'cannot message the customer while the conversation is waiting'],
    ['wrap-up', true, true, null],
    ['closed', true, true, 'this conversation is closed'],
  ] as const)('the agent, %s (accepted %s, note %s): %s', (state, accepted, internal, refusal) => {
    expect(agentWriteRefusal({ state, accepted, callback: false }, internal)).toBe(refusal);
  });

  it('on a callback work item (AG11), notes only: there is no chat to write in', () => {
    expect(agentWriteRefusal({ state: 'active', accepted: true, callback: true }, false)).toMatch(/no chat/);
    expect(agentWriteRefusal({ state: 'active', accepted: true, callback: true }, true)).toBeNull();
  });
});

describe('capacity at wrap-up', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  it('holds, releases at once, or releases after the set time', () => {
    expect(wrapUpCapacity({ kind: 'always' }, now)).toEqual({ kind: 'hold' });
    expect(wrapUpCapacity(undefined, now)).toEqual({ kind: 'hold' });
    expect(wrapUpCapacity({ kind: 'never' }, now)).toEqual({ kind: 'release-now' });
    expect(wrapUpCapacity({ kind: 'release-after', seconds: 90 }, now)).toEqual({
      kind: 'release-at',
      at: new Date('2026-12-02T10:01:30Z'),
    });
  });
});
