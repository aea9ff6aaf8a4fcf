import type { ConversationEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { sessionTimer } from './session-timer';

const id = '00000000-0000-4000-8000-0000000000c1';
const actor = { type: 'agent' as const, id: null, name: 'Alice' };
let seq = 0;
const state = (from: string, to: string, at: string) =>
  ({ type: 'state', conversationId: id, seq: ++seq, at, from, to, reason: '', actor }) as ConversationEvent;
const accepted = (at: string) =>
  ({ type: 'accepted', conversationId: id, seq: ++seq, at, agentId: id, agentName: 'Alice' }) as ConversationEvent;

const base = { createdAt: '2026-04-01T10:00:00.000Z', acceptedAt: null, endedAt: null, closedAt: null };

describe('session timer (AG4)', () => {
  it('counts the session from the accept while active', () => {
    const events = [accepted('2026-04-01T10:01:00.000Z'), state('open', 'active', '2026-04-01T10:01:00.000Z')];
    expect(sessionTimer({ ...base, state: 'active', acceptedAt: '2026-04-01T10:01:00.000Z' }, events)).toEqual({
      phase: 'session',
      since: '2026-04-01T10:01:00.000Z',
      until: null,
    });
  });

  it('restarts at wrap-up and keeps counting wrap-up time', () => {
    const events = [accepted('2026-04-01T10:01:00.000Z'), state('active', 'wrap-up', '2026-04-01T10:09:00.000Z')];
    const summary = {
      ...base,
      state: 'wrap-up' as const,
      acceptedAt: '2026-04-01T10:01:00.000Z',
      endedAt: '2026-04-01T10:09:00.000Z',
    };
    expect(sessionTimer(summary, events)).toEqual({ phase: 'wrap-up', since: '2026-04-01T10:09:00.000Z', until: null });
    // Without the events (a partial timeline) the summary's end time is where wrap-up started.
    expect(sessionTimer(summary, [])).toEqual({ phase: 'wrap-up', since: '2026-04-01T10:09:00.000Z', until: null });
  });

  it('stops at close, showing the wrap-up time', () => {
    const events = [
      state('active', 'wrap-up', '2026-04-01T10:09:00.000Z'),
      state('wrap-up', 'closed', '2026-04-01T10:11:00.000Z'),
    ];
    const summary = {
      ...base,
      state: 'closed' as const,
      acceptedAt: '2026-04-01T10:01:00.000Z',
      endedAt: '2026-04-01T10:09:00.000Z',
      closedAt: '2026-04-01T10:11:00.000Z',
    };
    expect(sessionTimer(summary, events)).toEqual({
      phase: 'wrap-up',
      since: '2026-04-01T10:09:00.000Z',
      until: '2026-04-01T10:11:00.000Z',
    });
  });

  it('restarts when a closed conversation is reopened, though the summary still carries the old end', () => {
    const events = [
      state('active', 'wrap-up', '2026-04-01T10:09:00.000Z'),
      state('wrap-up', 'closed', '2026-04-01T10:11:00.000Z'),
      state('closed', 'open', '2026-04-02T08:00:00.000Z'),
      accepted('2026-04-02T08:02:00.000Z'),
      state('open', 'active', '2026-04-02T08:02:00.000Z'),
    ];
    const summary = {
      ...base,
      state: 'active' as const,
      acceptedAt: '2026-04-02T08:02:00.000Z',
      endedAt: '2026-04-01T10:09:00.000Z',
      closedAt: '2026-04-01T10:11:00.000Z',
    };
    expect(sessionTimer(summary, events)).toEqual({ phase: 'session', since: '2026-04-02T08:00:00.000Z', until: null });
  });
});
