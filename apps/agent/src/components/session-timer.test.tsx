import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { SessionTimer } from './conversation-panel';

const id = '00000000-0000-4000-8000-0000000000c1';
const actor = { type: 'agent' as const, id: null, name: 'Alice' };
const summary: ConversationSummary = {
  id,
  channel: 'webchat',
  channelId: null,
  customerAddress: null,
  state: 'active',
  queueId: null,
  queueName: 'Support',
  agentId: null,
  agentName: 'Alice',
  customerName: 'Eve',
  customerEmail: null,
  firstMessage: null,
  createdAt: '2026-04-01T10:00:00.000Z',
  acceptedAt: '2026-04-01T10:00:00.000Z',
  endedAt: null,
  closedAt: null,
  lastSeq: 1,
  callbackId: null,
};
const state = (seq: number, from: string, to: string, at: string) =>
  ({ type: 'state', conversationId: id, seq, at, from, to, reason: '', actor }) as ConversationEvent;

const timer = () => screen.getByTestId('session-timer');

describe("the conversation panel's session timer (AG4)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-04-01T10:05:00.000Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('counts the session, restarts at wrap-up and counts wrap-up time, and stops at close', () => {
    const { rerender } = renderWithProviders(<SessionTimer summary={summary} events={[]} />);
    expect(timer().textContent).toBe('Session time: 5:00');
    act(() => void vi.advanceTimersByTime(2_000));
    expect(timer().textContent).toBe('Session time: 5:02');

    // The agent ends at 10:05:02: the timer restarts and keeps running through wrap-up.
    const ended = [state(2, 'active', 'wrap-up', '2026-04-01T10:05:02.000Z')];
    rerender(
      <SessionTimer summary={{ ...summary, state: 'wrap-up', endedAt: '2026-04-01T10:05:02.000Z' }} events={ended} />,
    );
    expect(timer().textContent).toBe('Wrap-up time: 0:00');
    expect(timer().dataset.phase).toBe('wrap-up');
    act(() => void vi.advanceTimersByTime(45_000));
    expect(timer().textContent).toBe('Wrap-up time: 0:45');

    const closed = [...ended, state(3, 'wrap-up', 'closed', '2026-04-01T10:06:00.000Z')];
    rerender(
      <SessionTimer
        summary={{
          ...summary,
          state: 'closed',
          endedAt: '2026-04-01T10:05:02.000Z',
          closedAt: '2026-04-01T10:06:00.000Z',
        }}
        events={closed}
      />,
    );
    act(() => void vi.advanceTimersByTime(10_000));
    expect(timer().textContent).toBe('Wrap-up time: 0:58');
    expect(timer().dataset.running).toBe('false');
  });

  it('restarts when the conversation is reopened', () => {
    vi.setSystemTime(new Date('2026-04-02T08:00:30.000Z'));
    const events = [
      state(2, 'active', 'wrap-up', '2026-04-01T10:05:00.000Z'),
      state(3, 'wrap-up', 'closed', '2026-04-01T10:06:00.000Z'),
      state(4, 'closed', 'open', '2026-04-02T08:00:00.000Z'),
    ];
    const reopened = {
      ...summary,
      state: 'open' as const,
      endedAt: '2026-04-01T10:05:00.000Z',
      closedAt: '2026-04-01T10:06:00.000Z',
    };
    renderWithProviders(<SessionTimer summary={reopened} events={events} />);
    expect(timer().textContent).toBe('Session time: 0:30');
    expect(timer().dataset.running).toBe('true');
  });
});
