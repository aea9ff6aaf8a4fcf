import { describe, expect, it } from 'vitest';
import { agent, T0 } from '../routing/test-builders.js';
import {
  agentTargetRefusal,
  answerRefusal,
  queueTargetRefusal,
  transferCandidates,
  transferAcceptance,
  transferRefusal,
  type TargetRules,
} from './transfer.js';

const rules: TargetRules = {
  fromUserId: 'ann',
  queueId: 'q1',
  allowedPresences: ['available', 'busy'],
  need: { kind: 'units', units: 1 },
  profiles: new Map(),
};

describe('which conversation can be transferred (AG5)', () => {
  it.each([
    [{ state: 'active', accepted: true, modality: 'messaging', pending: false }, null],
    [{ state: 'active', accepted: false, modality: 'messaging', pending: false }, 'only an accepted'],
    [{ state: 'wrap-up', accepted: true, modality: 'messaging', pending: false }, 'it is wrap-up'],
    [{ state: 'closed', accepted: true, modality: 'messaging', pending: false }, 'it is closed'],
    [{ state: 'active', accepted: true, modality: 'voice', pending: false }, 'escalated to voice'],
    [{ state: 'active', accepted: true, modality: 'messaging', pending: true }, 'already waits'],
  ] as const)('%o: %s', (facts, why) => {
    const refusal = transferRefusal(facts);
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(why);
  });
});

describe('to whom (AG5)', () => {
  it.each([
    [agent({ id: 'ben' }), null],
    [agent({ id: 'ann' }), 'to yourself'],
    [agent({ id: 'ben', queueIds: ['q2'] }), 'not a member'],
    [agent({ id: 'ben', presence: 'away' }), 'is away'],
    [agent({ id: 'ben', presence: 'busy-dnd' }), 'is busy-dnd'],
    [agent({ id: 'ben', capacity: 2, usedCapacity: 2 }), 'has no room'],
  ])('%o: %s', (target, why) => {
    const refusal = agentTargetRefusal(target, rules);
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(why);
  });

  it('lists the other members of the queue, those who can take it first, each with why not', () => {
    const list = transferCandidates(
      [
        agent({ id: 'ann' }),
        agent({ id: 'zoe', presence: 'away' }),
        agent({ id: 'ben', capacity: 3, usedCapacity: 1 }),
        agent({ id: 'out', queueIds: ['q2'] }),
      ],
      rules,
    );
    expect(list.map((o) => [o.agentId, o.available, o.freeUnits])).toEqual([
      ['ben', true, 2],
      ['zoe', false, 3],
    ]);
    expect(list[1]!.reason).toContain('away');
  });

  it('refuses the queue it is in already', () => {
    expect(queueTargetRefusal('q1', 'q1')).toContain('already');
    expect(queueTargetRefusal('q1', 'q2')).toBeNull();
  });
});

describe('when an answer still counts (AG5)', () => {
  const pending = {
    kind: 'transfer',
    status: 'pending',
    toUserId: 'ben',
    fromUserId: 'ann',
    expiresAt: new Date(T0.getTime() + 60_000),
  } as const;
  const consult = { ...pending, kind: 'consult' } as const;
  const active = { state: 'active', agentId: 'ann' } as const;
  const waiting = { state: 'waiting', agentId: 'ann' } as const;
  it.each([
    ['ben', pending, active, T0, null],
    ['cy', pending, active, T0, 'not addressed to you'],
    ['ben', { ...pending, status: 'rejected' }, active, T0, 'no longer waits'],
    ['ben', pending, active, new Date(T0.getTime() + 60_000), 'expired'],
    ['ben', pending, { state: 'wrap-up', agentId: 'ann' } as const, T0, 'changed meanwhile'],
    ['ben', pending, { state: 'active', agentId: 'cy' } as const, T0, 'changed meanwhile'],
    // SV5: a supervisor's transfer of a waiting conversation is answered while it still waits.
    ['ben', pending, waiting, T0, null],
    ['ben', pending, { state: 'waiting', agentId: 'cy' } as const, T0, 'changed meanwhile'],
    ['ben', pending, { state: 'open', agentId: null } as const, T0, 'changed meanwhile'],
    ['ben', pending, { state: 'closed', agentId: 'ann' } as const, T0, 'changed meanwhile'],
    ['ben', consult, active, T0, null],
    ['ben', consult, waiting, T0, 'changed meanwhile'],
  ])('%s answering %o', (who, h, c, now, why) => {
    const refusal = answerRefusal(h, who, c, now);
    if (why === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(why);
  });
});

describe('what the receiver’s accept does (AG5, SV5)', () => {
  it('an active one is taken over; a waiting one is resumed for them; the first agent consults on both', () => {
    expect(transferAcceptance('active')).toEqual({ resume: false, firstAgent: 'consultant' });
    expect(transferAcceptance('waiting')).toEqual({ resume: true, firstAgent: 'consultant' });
  });
});
