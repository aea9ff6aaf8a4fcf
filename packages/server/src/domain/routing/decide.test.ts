import { describe, expect, it } from 'vitest';
import { decideAssignment } from './decide.js';
import { eligibility, type AgentSnapshot, type RoutingItem } from './eligibility.js';

const item: RoutingItem = {
  conversationId: 'c1',
  queueId: 'support',
  capacityUnits: 1,
  allowedPresences: ['available', 'busy'],
  maxDeclines: 3,
  waitingSince: new Date('2026-01-01T10:00:00Z'),
};

const agent = (over: Partial<AgentSnapshot> & { id: string }): AgentSnapshot => ({
  name: over.id,
  presence: 'available',
  capacity: 3,
  usedCapacity: 0,
  queueIds: ['support'],
  lastAssignedAt: null,
  ...over,
});

describe('eligibility (SPEC RT4)', () => {
  it('accepts a member with an allowed presence and room left', () => {
    expect(eligibility(agent({ id: 'a' }), item, 0)).toEqual({ eligible: true });
  });
  it('refuses a non-member', () => {
    expect(eligibility(agent({ id: 'a', queueIds: ['sales'] }), item, 0)).toEqual({ eligible: false, reason: 'not a member of the queue' });
  });
  for (const presence of ['busy-dnd', 'away', 'offline'] as const) {
    it(`refuses presence ${presence}`, () => {
      expect(eligibility(agent({ id: 'a', presence }), item, 0)).toMatchObject({ eligible: false, reason: expect.stringContaining(presence) });
    });
  }
  it('allows busy when the workstream allows it', () => {
    expect(eligibility(agent({ id: 'a', presence: 'busy' }), item, 0).eligible).toBe(true);
  });
  it('refuses an agent whose capacity is used up, counting the units needed', () => {
    expect(eligibility(agent({ id: 'a', capacity: 2, usedCapacity: 2 }), item, 0).eligible).toBe(false);
    expect(eligibility(agent({ id: 'a', capacity: 3, usedCapacity: 2 }), { ...item, capacityUnits: 2 }, 0)).toEqual({
      eligible: false,
      reason: 'capacity 1 left, 2 needed',
    });
  });
  it('stops offering to an agent after the decline limit', () => {
    expect(eligibility(agent({ id: 'a' }), item, 2).eligible).toBe(true);
    expect(eligibility(agent({ id: 'a' }), item, 3)).toEqual({ eligible: false, reason: 'declined 3 times' });
  });
});

describe('decideAssignment', () => {
  it('picks the agent with the most capacity left and explains every agent', () => {
    const d = decideAssignment(item, [agent({ id: 'a', usedCapacity: 2 }), agent({ id: 'b', usedCapacity: 0 }), agent({ id: 'c', presence: 'away' })], new Map());
    expect(d.agentId).toBe('b');
    expect(d.considered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agentId: 'b', chosen: true }),
        expect.objectContaining({ agentId: 'a', chosen: false, reason: 'ranked lower' }),
        expect.objectContaining({ agentId: 'c', chosen: false, reason: 'presence away is not allowed' }),
      ]),
    );
  });
  it('breaks ties by the longest time since the last assignment', () => {
    const d = decideAssignment(
      item,
      [agent({ id: 'a', lastAssignedAt: new Date('2026-01-01T09:59:00Z') }), agent({ id: 'b', lastAssignedAt: new Date('2026-01-01T09:00:00Z') })],
      new Map(),
    );
    expect(d.agentId).toBe('b');
  });
  it('prefers an agent who has not declined the item over one who has', () => {
    const d = decideAssignment(item, [agent({ id: 'a' }), agent({ id: 'b', usedCapacity: 2 })], new Map([['a', 1]]));
    expect(d.agentId).toBe('b');
  });
  it('returns no agent when nobody is eligible', () => {
    const d = decideAssignment(item, [agent({ id: 'a', presence: 'offline' })], new Map());
    expect(d).toEqual({ agentId: null, considered: [expect.objectContaining({ agentId: 'a', chosen: false })] });
  });
});
