import { describe, expect, it } from 'vitest';
import { assignCycle, assignmentStep } from './assign.js';
import { prioritize } from './prioritize.js';
import { agent, at, config, item, profile, queue, T0, workstream } from './test-builders.js';

const cfg = config({
  workstreams: [
    workstream(),
    workstream({ id: 'closest', skillMatching: 'closest' }),
    workstream({ id: 'profiles', capacity: { kind: 'profiles', profileIds: ['chat'] } }),
  ],
  queues: [
    queue({ id: 'q1' }),
    queue({ id: 'vip', priority: 1 }),
    queue({ id: 'rr', assignment: { kind: 'round-robin' } }),
  ],
  profiles: [profile({ id: 'chat', defaultLimit: 1 })],
});
const assigned = (decisions: ReturnType<typeof assignCycle>) =>
  Object.fromEntries(decisions.map((d) => [d.itemId, d.agentId]));

describe('prioritize (RT3)', () => {
  it('orders by queue priority, affinity, item priority, age, then id', () => {
    const items = [
      item({ id: 'young', enqueuedAt: at(-10) }),
      item({ id: 'old', enqueuedAt: at(-100) }),
      item({ id: 'urgent', priority: 1, enqueuedAt: at(-1) }),
      item({ id: 'vip', queueId: 'vip', enqueuedAt: at(0) }),
      item({ id: 'returning', affinityAgentId: 'x', priority: 500, enqueuedAt: at(0) }),
      item({ id: 'old-twin-b', enqueuedAt: at(-100) }),
    ];
    expect(prioritize(items, cfg.queues).map((i) => i.id)).toEqual([
      'vip',
      'returning',
      'urgent',
      'old',
      'old-twin-b',
      'young',
    ]);
  });

  it('ages asynchronous items by the customer’s last message', () => {
    const items = [
      item({ id: 'sms', asynchronous: true, enqueuedAt: at(-1000), lastCustomerMessageAt: at(-5) }),
      item({ id: 'chat', enqueuedAt: at(-50) }),
    ];
    expect(prioritize(items, cfg.queues).map((i) => i.id)).toEqual(['chat', 'sms']);
  });
});

describe('assignCycle (RT3-RT5)', () => {
  it('assigns in priority order and charges as it goes, so later items see the capacity used', () => {
    const agents = [agent({ id: 'only', capacity: 1, queueIds: ['q1', 'vip'] })];
    const decisions = assignCycle(
      [item({ id: 'normal', enqueuedAt: at(-100) }), item({ id: 'vip', queueId: 'vip' })],
      agents,
      cfg,
      T0,
    );
    expect(assigned(decisions)).toEqual({ vip: 'only', normal: null });
    expect(decisions.find((d) => d.itemId === 'normal')!.considered).toEqual([
      { agentId: 'only', agentName: 'only', chosen: false, rank: null, reason: 'capacity 0 left, 1 needed' },
    ]);
  });

  it('records every member: the chosen one, those ranked lower and those skipped, with why', () => {
    const agents = [
      agent({ id: 'a', capacity: 2 }),
      agent({ id: 'b', capacity: 3 }),
      agent({ id: 'c', presence: 'away' }),
      agent({ id: 'elsewhere', queueIds: ['rr'] }),
    ];
    const [d] = assignCycle([item({ id: 'i' })], agents, cfg, T0);
    expect(d).toMatchObject({ itemId: 'i', queueId: 'q1', agentId: 'b', strategy: 'highest-capacity' });
    expect(d!.considered.map((c) => [c.agentId, c.chosen, c.rank, c.reason])).toEqual([
      ['b', true, 1, 'ranked first: capacity left 3, round robin never assigned'],
      ['a', false, 2, 'capacity left 2 vs 3 above'],
      ['c', false, null, 'presence away is not allowed'],
    ]);
    expect(assignmentStep(d!)).toMatchObject({ step: 'assignment', outcome: 'offered', agentId: 'b' });
    expect(assignmentStep(d!, true)).toMatchObject({ outcome: 'claim-lost', agentId: null });
  });

  it('reports no eligible agent', () => {
    const [d] = assignCycle([item({ id: 'i' })], [agent({ id: 'a', presence: 'offline' })], cfg, T0);
    expect(d!.agentId).toBeNull();
    expect(assignmentStep(d!)).toMatchObject({ outcome: 'no-eligible-agent' });
  });

  it('gives an affinity item back to its agent when eligible, even if another ranks higher', () => {
    const agents = [agent({ id: 'roomy', capacity: 9 }), agent({ id: 'before', capacity: 2 })];
    const [d] = assignCycle([item({ id: 'i', affinityAgentId: 'before' })], agents, cfg, T0);
    expect(d).toMatchObject({ agentId: 'before', considered: [{ agentId: 'before', chosen: true }] });
  });

  it('routes an affinity item to others when its agent is not eligible, listing that agent once', () => {
    const agents = [agent({ id: 'roomy' }), agent({ id: 'before', presence: 'offline' })];
    const [d] = assignCycle([item({ id: 'i', affinityAgentId: 'before' })], agents, cfg, T0);
    expect(d!.agentId).toBe('roomy');
    expect(d!.considered.filter((c) => c.agentId === 'before')).toEqual([
      {
        agentId: 'before',
        agentName: 'before',
        chosen: false,
        rank: null,
        reason: 'affinity agent, but presence offline is not allowed',
      },
    ]);
  });

  it('moves round robin on within the cycle', () => {
    const agents = ['a', 'b', 'c'].map((id, i) =>
      agent({ id, queueIds: ['rr'], capacity: 5, joinedQueueAt: { rr: at(i) } }),
    );
    const items = ['1', '2', '3', '4'].map((id, i) => item({ id, queueId: 'rr', enqueuedAt: at(i) }));
    expect(assignCycle(items, agents, cfg, T0).map((d) => d.agentId)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('with closest match, gives the item to the nearest skills even without all of them', () => {
    const agents = [
      agent({ id: 'none' }),
      agent({ id: 'some', skills: { french: 3 } }),
      agent({ id: 'over', skills: { french: 9 }, presence: 'busy-dnd' }),
    ];
    const [d] = assignCycle(
      [item({ id: 'i', workstreamId: 'closest', skills: [{ skillId: 'french', proficiency: 5 }] })],
      agents,
      cfg,
      T0,
    );
    expect(d!.agentId).toBe('some');
  });

  it('charges capacity profiles within the cycle', () => {
    const agents = [agent({ id: 'p', profiles: { chat: { limit: 1, used: 0 } } })];
    const items = ['x', 'y'].map((id) =>
      item({ id, workstreamId: 'profiles', need: { kind: 'profiles', profileIds: ['chat'] } }),
    );
    expect(assignCycle(items, agents, cfg, T0).map((d) => d.agentId)).toEqual(['p', null]);
  });

  it('assigns an item listed twice only once, and skips items of unknown queues', () => {
    const decisions = assignCycle(
      [item({ id: 'i' }), item({ id: 'i' }), item({ id: 'lost', queueId: 'gone' })],
      [agent({ id: 'a' })],
      cfg,
      T0,
    );
    expect(decisions.map((d) => [d.itemId, d.agentId, d.note])).toEqual([
      ['i', 'a', undefined],
      ['lost', null, 'the queue does not exist'],
    ]);
  });

  it('leaves pick workstreams and items declined 100 times to agents and supervisors', () => {
    const pickCfg = config({ workstreams: [workstream({ distribution: 'pick' })] });
    expect(assignCycle([item({ id: 'i' })], [agent({ id: 'a' })], pickCfg, T0)[0]).toMatchObject({
      agentId: null,
      note: expect.stringContaining('pick'),
    });
    const declined = item({
      id: 'j',
      declines: Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`x${n}`, 2])),
    });
    expect(assignCycle([declined], [agent({ id: 'a' })], cfg, T0)[0]).toMatchObject({
      agentId: null,
      note: expect.stringContaining('declined 100 times'),
    });
    expect(
      assignCycle([{ ...declined, declines: { ...declined.declines, x0: 1 } }], [agent({ id: 'a' })], cfg, T0)[0]!
        .agentId,
    ).toBe('a');
  });

  it('does not change the agents it was given', () => {
    const agents = [agent({ id: 'a' })];
    assignCycle([item({ id: 'i' })], agents, cfg, T0);
    expect(agents[0]!.usedCapacity).toBe(0);
    expect(agents[0]!.lastAssignedAt).toEqual({});
  });
});
