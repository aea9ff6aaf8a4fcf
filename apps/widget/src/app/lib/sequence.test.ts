import { describe, expect, it } from 'vitest';
import { acceptedEvent, endedEvent, messageEvent } from '../../test-support/events.js';
import { chatStatus, reduceStatus, type ConversationStatus } from './conversation-status.js';
import { applyEvents, emptyTimeline, timelineFrom } from './sequence.js';

const seqs = (events: readonly { seq: number }[]) => events.map((e) => e.seq);

describe('applying events by sequence number', () => {
  it('applies the next number and keeps the last one', () => {
    const r = applyEvents(emptyTimeline, [messageEvent(1, 'customer', 'hi')]);
    expect(r.timeline.lastSeq).toBe(1);
    expect(r.gap).toBe(false);
    const r2 = applyEvents(r.timeline, [messageEvent(2, 'agent', 'hello')]);
    expect(seqs(r2.timeline.events)).toEqual([1, 2]);
  });

  it('ignores numbers already applied (socket and REST both deliver)', () => {
    const t = timelineFrom([messageEvent(1, 'customer', 'a'), messageEvent(2, 'agent', 'b')]);
    const r = applyEvents(t, [messageEvent(2, 'agent', 'b'), messageEvent(1, 'customer', 'a')]);
    expect(r.applied).toEqual([]);
    expect(r.gap).toBe(false);
    expect(r.timeline).toBe(t);
  });

  it('reports a gap and does not apply past it', () => {
    const t = timelineFrom([messageEvent(1, 'customer', 'a')]);
    const r = applyEvents(t, [messageEvent(3, 'agent', 'c')]);
    expect(r.gap).toBe(true);
    expect(r.timeline.lastSeq).toBe(1);
    expect(seqs(r.timeline.events)).toEqual([1]);
  });

  it('applies what comes before a gap, then stops', () => {
    const t = timelineFrom([messageEvent(1, 'customer', 'a')]);
    const r = applyEvents(t, [messageEvent(2, 'agent', 'b'), messageEvent(4, 'agent', 'd')]);
    expect(seqs(r.applied)).toEqual([2]);
    expect(r.gap).toBe(true);
    expect(r.timeline.lastSeq).toBe(2);
  });

  it('sorts a refetched batch before applying it', () => {
    const t = timelineFrom([messageEvent(1, 'customer', 'a')]);
    const r = applyEvents(t, [messageEvent(4, 'agent', 'd'), messageEvent(2, 'agent', 'b'), messageEvent(3, 'customer', 'c')]);
    expect(seqs(r.timeline.events)).toEqual([1, 2, 3, 4]);
    expect(r.gap).toBe(false);
  });
});

describe('conversation status from events', () => {
  const waiting: ConversationStatus = { state: 'open', agentName: null };

  it('waits, connects when an agent accepts, and ends', () => {
    expect(chatStatus(waiting)).toBe('waiting');
    const joined = reduceStatus(waiting, acceptedEvent(2, 'Bob de Vries'));
    expect(joined).toEqual({ state: 'active', agentName: 'Bob de Vries' });
    expect(chatStatus(joined)).toBe('connected');
    expect(chatStatus(reduceStatus(joined, messageEvent(3, 'agent', 'hi')))).toBe('connected');
    expect(chatStatus(reduceStatus(joined, endedEvent(4)))).toBe('ended');
    expect(chatStatus({ state: 'closed', agentName: null })).toBe('ended');
  });
});
