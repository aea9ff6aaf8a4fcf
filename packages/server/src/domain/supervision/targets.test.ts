import fc from 'fast-check';
import { Presence } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { agent } from '../routing/test-builders.js';
import type { OverrideRules } from './override.js';
import {
  assignAgentAnswer,
  assignQueueRefusal,
  transferTargetRefusal,
  type SupervisorTarget,
  type TransferTargetRules,
} from './targets.js';

const person = (over: Parameters<typeof agent>[0]): SupervisorTarget => ({ agent: agent(over), bot: false });
const assignRules: OverrideRules = {
  allowedPresences: ['available', 'busy'],
  need: { kind: 'units', units: 1 },
  profiles: new Map(),
  sessionLimit: null,
};

describe('to which agent a supervisor assigns an open conversation (SV4)', () => {
  it.each<[string, SupervisorTarget, boolean, string | null]>([
    ['an available agent with room', person({ id: 'ben' }), false, null],
    ['a busy one with room', person({ id: 'ben', presence: 'busy' }), false, null],
    ['an agent of any queue', person({ id: 'ben', queueIds: ['q9'] }), false, null],
    ['away, without override', person({ id: 'ben', presence: 'away' }), false, 'ben is away'],
    ['full, without override', person({ id: 'ben', usedCapacity: 3 }), false, 'capacity exceeded by 1'],
    ['away, with override', person({ id: 'ben', presence: 'away' }), true, null],
    ['full, with override', person({ id: 'ben', usedCapacity: 3 }), true, null],
    ['offline, even with override', person({ id: 'ben', presence: 'offline' }), true, 'ben is offline'],
    ['a bot, even with override', { agent: agent({ id: 'bot' }), bot: true }, true, 'bot is a bot'],
  ])('%s', (_name, target, override, why) => {
    const answer = assignAgentAnswer(target, { ...assignRules, override });
    if (why === null) expect(answer.refusal).toBeNull();
    else
      expect(answer).toEqual({ refusal: { kind: 'conflict', message: expect.stringContaining(why) }, override: null });
  });

  it('a refusal without override asks for one', () => {
    const answer = assignAgentAnswer(person({ id: 'ben', presence: 'busy-dnd' }), { ...assignRules, override: false });
    expect(answer.refusal?.message).toMatch(/assign with an override to go ahead$/);
  });

  it('with an override, the answer carries what was overridden for the claim to record', () => {
    const answer = assignAgentAnswer(person({ id: 'ben', presence: 'away', capacity: 2, usedCapacity: 2 }), {
      ...assignRules,
      override: true,
    });
    expect(answer).toEqual({
      refusal: null,
      override: { presence: 'away', capacity: { kind: 'units', capacity: 2, usedAfter: 3, over: 1 }, sessions: null },
    });
  });

  it('an override never refuses a person who is signed in, and records nothing when nothing was needed', () => {
    const present = fc.constantFrom(...Presence.options.filter((p) => p !== 'offline'));
    fc.assert(
      fc.property(present, fc.nat(5), fc.nat(8), (presence, capacity, usedCapacity) => {
        const target = person({ id: 'ben', presence, capacity, usedCapacity });
        const withOverride = assignAgentAnswer(target, { ...assignRules, override: true });
        const without = assignAgentAnswer(target, { ...assignRules, override: false });
        expect(withOverride.refusal).toBeNull();
        expect(without.refusal === null).toBe(withOverride.override === null);
      }),
    );
  });

  it('to another queue, never the one it is in', () => {
    expect(assignQueueRefusal('q1', 'q2')).toBeNull();
    expect(assignQueueRefusal(null, 'q2')).toBeNull();
    expect(assignQueueRefusal('q1', 'q1')).toEqual({ kind: 'conflict', message: expect.stringContaining('already') });
  });
});

describe('to which agent a supervisor transfers (SV5)', () => {
  const rules: TransferTargetRules = {
    agentId: 'ann',
    queueId: 'q1',
    allowedPresences: ['available', 'busy'],
    need: { kind: 'units', units: 1 },
    profiles: new Map(),
  };
  it.each<[string, SupervisorTarget, TransferTargetRules, string | null]>([
    ['another member of the queue, present, with room', person({ id: 'ben' }), rules, null],
    ['a bot', { agent: agent({ id: 'bot' }), bot: true }, rules, 'never transferred to a bot'],
    ['the agent holding it', person({ id: 'ann' }), rules, 'holds this conversation already'],
    ['an agent of another queue', person({ id: 'ben', queueIds: ['q2'] }), rules, 'not a member'],
    ['a conversation with no queue', person({ id: 'ben' }), { ...rules, queueId: null }, 'not a member'],
    ['away', person({ id: 'ben', presence: 'away' }), rules, 'ben is away'],
    ['busy-dnd', person({ id: 'ben', presence: 'busy-dnd' }), rules, 'ben is busy-dnd'],
    ['offline', person({ id: 'ben', presence: 'offline' }), rules, 'ben is offline'],
    ['without room', person({ id: 'ben', capacity: 1, usedCapacity: 1 }), rules, 'has no room'],
  ])('%s', (_name, target, r, why) => {
    const refusal = transferTargetRefusal(target, r);
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ kind: 'conflict', message: expect.stringContaining(why) });
  });
});
