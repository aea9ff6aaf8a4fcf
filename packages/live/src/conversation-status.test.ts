import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import {
  canAddNote,
  canClose,
  canEnd,
  canMessageCustomer,
  canPark,
  canReopen,
  canResume,
  chatStatus,
  foldSummary,
  reduceStatus,
  type ConversationStatus,
} from './conversation-status.js';

const ID = '11111111-1111-4111-8111-111111111111';
const AGENT = '22222222-2222-4222-8222-222222222222';
const at = (seq: number) => new Date(Date.UTC(2025, 0, 1, 10, 0, seq)).toISOString();

const accepted = (seq: number, agentName = 'Bob de Vries'): ConversationEvent => ({
  type: 'accepted',
  conversationId: ID,
  seq,
  at: at(seq),
  agentId: AGENT,
  agentName,
});
const moved = (seq: number, from: ConversationStatus['state'], to: ConversationStatus['state']): ConversationEvent => ({
  type: 'state',
  conversationId: ID,
  seq,
  at: at(seq),
  from,
  to,
  reason: 'test',
  actor: { type: 'agent', id: null, name: 'Bob de Vries' },
});
const message = (seq: number): ConversationEvent => ({
  type: 'message',
  conversationId: ID,
  seq,
  at: at(seq),
  message: {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kind: 'agent',
    text: 'hi',
    authorId: AGENT,
    authorName: 'Bob de Vries',
    clientMessageId: null,
    at: at(seq),
  },
});

const summary: ConversationSummary = {
  id: ID,
  channel: 'webchat',
  channelId: null,
  customerAddress: null,
  state: 'active',
  queueId: null,
  queueName: 'Support',
  agentId: AGENT,
  agentName: 'Bob de Vries',
  customerName: 'Emma',
  customerEmail: null,
  firstMessage: 'hello',
  createdAt: at(0),
  acceptedAt: null,
  endedAt: null,
  closedAt: null,
  lastSeq: 1,
  callbackId: null,
};

describe('the customer-facing status from events', () => {
  const waiting: ConversationStatus = { state: 'open', agentName: null };

  it('waits, connects when an agent accepts, and ends', () => {
    expect(chatStatus(waiting)).toBe('waiting');
    const joined = reduceStatus(waiting, accepted(2));
    expect(joined).toEqual({ state: 'active', agentName: 'Bob de Vries' });
    expect(chatStatus(joined)).toBe('connected');
    expect(chatStatus(reduceStatus(joined, message(3)))).toBe('connected');
    expect(chatStatus(reduceStatus(joined, moved(4, 'active', 'wrap-up')))).toBe('ended');
    expect(chatStatus({ state: 'closed', agentName: null })).toBe('ended');
  });

  it('waits again with nobody when the conversation goes back to the queue', () => {
    const joined = reduceStatus(waiting, accepted(2));
    expect(reduceStatus(joined, moved(3, 'active', 'open'))).toEqual(waiting);
  });

  it('leaves the status object alone for events that do not move it', () => {
    expect(reduceStatus(waiting, message(2))).toBe(waiting);
  });
});

describe('foldSummary', () => {
  it('records the acceptance: when, and by whom', () => {
    const s = foldSummary({ ...summary, agentId: null, agentName: null }, accepted(2, 'Ann'));
    expect(s).toMatchObject({ state: 'active', acceptedAt: at(2), agentId: AGENT, agentName: 'Ann', lastSeq: 2 });
  });

  it('records the end once and the close, and never moves lastSeq back', () => {
    const ended = foldSummary(summary, moved(5, 'active', 'wrap-up'));
    expect(ended).toMatchObject({ state: 'wrap-up', endedAt: at(5), closedAt: null, lastSeq: 5 });
    const closed = foldSummary(ended, moved(6, 'wrap-up', 'closed'));
    expect(closed).toMatchObject({ state: 'closed', endedAt: at(5), closedAt: at(6), lastSeq: 6 });
    expect(foldSummary(closed, message(3)).lastSeq).toBe(6);
  });

  it('forgets the agent when the conversation is back in the queue', () => {
    expect(foldSummary(summary, moved(2, 'active', 'open'))).toMatchObject({ agentId: null, agentName: null });
  });
});

describe('what an agent can do', () => {
  const active = { ...summary, acceptedAt: at(1) };
  const rows: [string, Partial<ConversationSummary>, [boolean, boolean, boolean, boolean]][] = [
    // [why, change, [message/end, note, close, park]]
    ['offered, not accepted yet', { acceptedAt: null }, [false, true, false, false]],
    ['accepted web chat', {}, [true, true, false, false]],
    ['accepted SMS: may wait', { channel: 'sms' }, [true, true, false, true]],
    ['in wrap-up', { state: 'wrap-up' }, [false, true, true, false]],
    ['closed', { state: 'closed' }, [false, false, false, false]],
    ['waiting SMS', { state: 'waiting', channel: 'sms' }, [false, true, false, false]],
  ];
  it.each(rows)('%s', (_why, change, [message, note, close, park]) => {
    const c = { ...active, ...change };
    expect([canMessageCustomer(c), canEnd(c), canAddNote(c), canClose(c), canPark(c)]).toEqual([
      message,
      message,
      note,
      close,
      park,
    ]);
  });

  it('resumes only a waiting conversation that is mine', () => {
    const parked = { ...active, state: 'waiting' as const, channel: 'sms' as const };
    expect(canResume(parked, AGENT)).toBe(true);
    expect(canResume(parked, 'someone-else')).toBe(false);
    expect(canResume(parked, null)).toBe(false);
    expect(canResume({ ...parked, agentId: null }, null)).toBe(false);
    expect(canResume(active, AGENT)).toBe(false);
  });
});

describe('who may reopen a closed conversation (AG10)', () => {
  const closedSms = { state: 'closed', agentId: AGENT, channel: 'sms', callbackId: null } as const;
  it.each([
    ['my closed SMS conversation', closedSms, AGENT, true],
    ["someone else's", closedSms, 'someone-else', false],
    ['signed out', closedSms, null, false],
    ['a live chat', { ...closedSms, channel: 'webchat' }, AGENT, false],
    ['a callback', { ...closedSms, callbackId: ID }, AGENT, false],
    ['one still in wrap-up', { ...closedSms, state: 'wrap-up' }, AGENT, false],
  ] as const)('%s: %s', (_name, c, me, may) => {
    expect(canReopen(c, me)).toBe(may);
  });
});
