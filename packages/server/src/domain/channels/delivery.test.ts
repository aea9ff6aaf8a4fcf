import { describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS, statusMovesOn, verdictOf } from './delivery.js';

const now = new Date('2026-12-02T10:00:00Z');

describe('outbox verdicts', () => {
  it('keeps what the provider accepted, with its id', () => {
    expect(verdictOf({ ok: true, providerMessageId: 'SM1', status: 'queued' }, 1, now)).toEqual({
      status: 'queued',
      providerMessageId: 'SM1',
    });
  });

  it('retries a provider that is down after growing delays, then gives up', () => {
    const down = { ok: false as const, retryable: true, reason: 'HTTP 503' };
    const delays = RETRY_DELAYS_MS.map((_d, i) => {
      const v = verdictOf(down, i + 1, now);
      return v.status === 'pending' ? v.nextAttemptAt.getTime() - now.getTime() : null;
    });
    expect(delays).toEqual([...RETRY_DELAYS_MS]);
    expect(verdictOf(down, RETRY_DELAYS_MS.length + 1, now)).toEqual({ status: 'dead', reason: 'HTTP 503' });
  });

  it('does not ask again a provider that refused the message', () => {
    expect(verdictOf({ ok: false, retryable: false, reason: 'not a mobile number' }, 1, now)).toEqual({
      status: 'dead',
      reason: 'not a mobile number',
    });
  });
});

describe('status callbacks', () => {
  it.each([
    ['queued', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'sent', false],
    ['delivered', 'read', true],
    ['sent', 'failed', true],
    ['failed', 'delivered', false],
    ['dead', 'sent', false],
    ['sending', 'delivered', true],
  ] as const)('%s then %s moves on: %s', (current, next, moves) => {
    expect(statusMovesOn(current, next)).toBe(moves);
  });
});
