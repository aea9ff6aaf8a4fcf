import { describe, expect, it } from 'vitest';
import { sentimentMark } from './sentiment-mark';

describe('the sentiment mark on my conversation (SV8)', () => {
  const low = { level: 'negative', low: true } as const;
  const fine = { level: 'slightly-negative', low: false } as const;
  it.each([
    ['at or below the threshold, mine, active', { agentId: 'me', state: 'active' }, low, low],
    ['mine, waiting', { agentId: 'me', state: 'waiting' }, low, low],
    ['above the threshold: none', { agentId: 'me', state: 'active' }, fine, null],
    ['nothing heard: none', { agentId: 'me', state: 'active' }, undefined, null],
    ['someone else’s: none', { agentId: 'ben', state: 'active' }, low, null],
    ['in wrap-up: none', { agentId: 'me', state: 'wrap-up' }, low, null],
    ['closed: none', { agentId: 'me', state: 'closed' }, low, null],
  ] as const)('%s', (_, c, heard, mark) => {
    expect(sentimentMark(c, heard, 'me')).toEqual(mark);
  });

  it('shows nothing before I am known', () => {
    expect(sentimentMark({ agentId: 'me', state: 'active' }, low, undefined)).toBeNull();
  });
});
