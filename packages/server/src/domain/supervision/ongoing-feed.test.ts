import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '@switchboard/protocol';
import { feedPatches, inFilter, ongoingChangeOf, type OngoingKeys } from './ongoing-feed.js';

const support = 'a0000000-0000-4000-8000-000000000001';
const billing = 'a0000000-0000-4000-8000-000000000002';
const ann = 'b0000000-0000-4000-8000-000000000001';
const keys = (over: Partial<OngoingKeys> = {}): OngoingKeys => ({
  state: 'open',
  queueId: support,
  channel: 'webchat',
  agentId: null,
  ...over,
});
const row = (id: string, over: Partial<OngoingKeys> = {}) => ({ id, ...keys(over) });

describe('which rows a feed is sent (SV1)', () => {
  it('a filter narrows by each of its fields; a row not in progress is in no list', () => {
    expect(inFilter({}, keys())).toBe(true);
    expect(inFilter({ queueId: support, channel: 'webchat', state: 'open' }, keys())).toBe(true);
    expect(inFilter({ queueId: billing }, keys())).toBe(false);
    expect(inFilter({ channel: 'sms' }, keys())).toBe(false);
    expect(inFilter({ state: 'active' }, keys())).toBe(false);
    expect(inFilter({ agentId: ann }, keys())).toBe(false);
    expect(inFilter({ agentId: ann }, keys({ agentId: ann }))).toBe(true);
    expect(inFilter({}, null)).toBe(false);
  });

  it('sends what the list holds now, removes what it held and lost, and says nothing of the rest', () => {
    const changes = [
      { id: 'new', before: null, after: row('new') },
      { id: 'changed', before: keys(), after: row('changed', { agentId: ann }) },
      { id: 'moved-out', before: keys(), after: row('moved-out', { queueId: billing }) },
      { id: 'closed', before: keys(), after: null },
      { id: 'elsewhere', before: keys({ queueId: billing }), after: row('elsewhere', { queueId: billing }) },
      { id: 'moved-in', before: keys({ queueId: billing }), after: row('moved-in') },
    ];
    const { patches, delta } = feedPatches({ queueId: support }, changes);
    expect(patches).toEqual([
      { op: 'upsert', row: row('new') },
      { op: 'upsert', row: row('changed', { agentId: ann }) },
      { op: 'remove', id: 'moved-out' },
      { op: 'remove', id: 'closed' },
      { op: 'upsert', row: row('moved-in') },
    ]);
    expect(delta).toBe(2 - 2);
    expect(feedPatches({ queueId: billing }, changes)).toEqual({
      patches: [
        { op: 'upsert', row: row('moved-out', { queueId: billing }) },
        { op: 'upsert', row: row('elsewhere', { queueId: billing }) },
        { op: 'remove', id: 'moved-in' },
      ],
      delta: 0,
    });
    expect(feedPatches({ state: 'active' }, changes)).toEqual({ patches: [], delta: 0 });
  });

  it('hears of a start, a state, an offer, its answer, a hand-over, a move and a sentiment; not of messages', () => {
    const base = { conversationId: support, at: '2026-04-01T10:00:00Z' };
    const event = (staff: Partial<ConversationEvent>) =>
      ({ kind: 'conversation-event', orgId: billing, conversationId: support, staff, customer: null }) as never;
    const heard = { orgId: billing, conversationId: support };
    expect(ongoingChangeOf(event({ ...base, seq: 1, type: 'message' }))).toEqual(heard);
    expect(ongoingChangeOf(event({ ...base, seq: 7, type: 'message' }))).toBeNull();
    expect(ongoingChangeOf(event({ ...base, seq: 7, type: 'consult' }))).toBeNull();
    for (const type of ['state', 'offered', 'declined', 'accepted', 'transfer'] as const)
      expect(ongoingChangeOf(event({ ...base, seq: 7, type }))).toEqual(heard);
    expect(ongoingChangeOf({ kind: 'queue-moved', orgId: billing, conversationId: support })).toEqual(heard);
    expect(ongoingChangeOf({ kind: 'outbox-ready', orgId: billing })).toBeNull();
  });
});
