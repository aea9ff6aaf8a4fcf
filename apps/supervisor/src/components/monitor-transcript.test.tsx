import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { renderDesk } from '../test/render';
import { badges, EVENTS, id } from '../test/transcript-fixtures';
import { MonitorTranscript } from './monitor-transcript';

describe('the monitor shows each customer message’s sentiment (SV8)', () => {
  afterEach(cleanup);

  it('beside each customer message, in words; none beside the agent’s messages and notes', () => {
    const sentiments = { [id(1)]: 'neutral', [id(3)]: 'very-negative', [id(2)]: 'positive' } as const;
    renderDesk(<MonitorTranscript events={EVENTS} sentiments={sentiments} />, vi.fn() as unknown as Call);
    expect(badges()).toEqual([
      ['customer', 'neutral', 'Neutral'],
      ['agent', null, null],
      ['customer', 'very-negative', 'Very negative'],
      ['note', null, null],
    ]);
    expect(screen.getAllByTestId('message-sentiment')[1]!.getAttribute('aria-label')).toBe(
      'Sentiment of this message: Very negative',
    );
  });

  it('shows no level where the server sent none', () => {
    renderDesk(<MonitorTranscript events={EVENTS} />, vi.fn() as unknown as Call);
    expect(screen.queryAllByTestId('message-sentiment')).toEqual([]);
  });
});
