import type { OutboundJob, OutboundRecipientResult } from '@switchboard/protocol';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboundJob } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { OUTBOUND_POLL_MS, OutboundProgress } from './outbound-progress';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const emma = { to: '+31612345678', name: 'Emma Janssen', reason: null };
const daan = { to: '+31687654321', name: null, reason: null };
const bad: OutboundRecipientResult = { to: '12', name: null, status: 'invalid', reason: 'not a phone number' };
const at = (done: number, failed: number, recipients: OutboundRecipientResult[]) =>
  outboundJob({ total: 3, done, failed, recipients });

/** getOutbound answers these in turn (the last one repeats). */
function serve(...answers: OutboundJob[]) {
  let i = 0;
  api.call.mockImplementation(async (name: string, input: { params: { id: string } }) => {
    if (name !== 'getOutbound' || input.params.id !== outboundJob().id) throw new Error(`unexpected call ${name}`);
    return answers[Math.min(i++, answers.length - 1)];
  });
}
const polls = () => api.call.mock.calls.length;
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
const progress = () => screen.getByTestId('outbound-progress');
const rows = () =>
  screen.getAllByTestId('outbound-result').map((r) => [r.dataset.to, r.dataset.status, r.dataset.failed]);

describe('OutboundProgress (CH6)', () => {
  beforeEach(() => {
    api.call.mockReset();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('asks every second until every recipient is done, showing counts and each result', async () => {
    const started = at(1, 1, [{ ...emma, status: 'pending' }, { ...daan, status: 'pending' }, bad]);
    serve(
      at(2, 1, [{ ...emma, status: 'queued' }, { ...daan, status: 'sending' }, bad]),
      at(3, 2, [
        { ...emma, status: 'delivered' },
        { ...daan, status: 'failed', reason: '30006: landline or unreachable carrier' },
        bad,
      ]),
    );
    renderWithProviders(<OutboundProgress job={started} />);
    expect([progress().dataset.done, progress().dataset.total, progress().dataset.finished]).toEqual([
      '1',
      '3',
      'false',
    ]);
    expect(progress().textContent).toContain('1 of 3 done');
    expect(screen.getByTestId('outbound-failed').textContent).toBe('1 failed');
    expect(rows()).toEqual([
      ['+31612345678', 'pending', 'false'],
      ['+31687654321', 'pending', 'false'],
      ['12', 'invalid', 'true'],
    ]);
    expect(screen.getAllByTestId('outbound-result')[2]!.textContent).toBe('12Invalid numbernot a phone number');
    // The answer to the start is fresh: the first read comes a second later.
    expect(polls()).toBe(0);

    // A little past the second: the query cache tells the component on a timer of its own.
    await advance(OUTBOUND_POLL_MS + 10);
    expect(polls()).toBe(1);
    expect(progress().dataset.done).toBe('2');
    expect(rows().map(([, status]) => status)).toEqual(['queued', 'sending', 'invalid']);

    await advance(OUTBOUND_POLL_MS);
    expect(polls()).toBe(2);
    expect([progress().dataset.done, progress().dataset.finished]).toEqual(['3', 'true']);
    expect(progress().textContent).toContain('Finished: 3 of 3');
    expect(screen.getByTestId('outbound-failed').textContent).toBe('2 failed');
    expect(rows()).toEqual([
      ['+31612345678', 'delivered', 'false'],
      ['+31687654321', 'failed', 'true'],
      ['12', 'invalid', 'true'],
    ]);
    expect(screen.getAllByTestId('outbound-result')[1]!.textContent).toBe(
      '+31687654321Not delivered30006: landline or unreachable carrier',
    );

    await advance(5 * OUTBOUND_POLL_MS);
    expect(polls()).toBe(2);
  });

  it('does not ask at all for a job that was done when it started', async () => {
    serve(at(3, 3, []));
    renderWithProviders(<OutboundProgress job={at(3, 3, [bad, { ...bad, to: '34' }, { ...bad, to: '56' }])} />);
    expect(progress().dataset.finished).toBe('true');
    expect(screen.getByTestId('outbound-failed').textContent).toBe('3 failed');
    expect(screen.queryByText('Closing this window does not stop the sending.')).toBeNull();
    await advance(3 * OUTBOUND_POLL_MS);
    expect(polls()).toBe(0);
  });
});
