import type { ConversationSummary } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { renderWithProviders } from '../test/render';
import { PICK_REFRESH_MS, PickList } from './pick-list';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const T0 = Date.parse('2025-01-01T10:00:00.000Z');

function item(n: number, overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: `00000000-0000-4000-9000-00000000000${n}`,
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'open',
    queueId: '00000000-0000-4000-8000-0000000000b1',
    queueName: 'Support',
    agentId: null,
    agentName: null,
    customerName: `Customer ${n}`,
    customerEmail: null,
    firstMessage: `Question ${n}`,
    createdAt: new Date(T0 - 75_000).toISOString(),
    acceptedAt: null,
    endedAt: null,
    closedAt: null,
    lastSeq: 1,
    callbackId: null,
    ...overrides,
  };
}

/** The server's pick list, one answer per call (the last one repeats). */
function serve(...lists: ConversationSummary[][]) {
  let i = 0;
  api.call.mockImplementation(async (name: string) => {
    if (name !== 'listPickable') throw new Error(`unexpected call ${name}`);
    const conversations = lists[Math.min(i++, lists.length - 1)]!;
    return { conversations, total: conversations.length, nextCursor: null };
  });
}
const listCalls = () => api.call.mock.calls.filter(([name]) => name === 'listPickable').length;
const shownIds = () => screen.queryAllByTestId('pick-item').map((el) => el.dataset.conversationId);

describe('PickList (AG10)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    api.call.mockReset();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('lists the open items with customer, queue, first message and time waiting', async () => {
    serve([
      item(1),
      item(2, { queueName: 'Billing', firstMessage: null, createdAt: new Date(T0 - 3_725_000).toISOString() }),
    ]);
    renderWithProviders(<PickList />, { pick: vi.fn() });
    await waitFor(() => expect(shownIds()).toEqual([item(1).id, item(2).id]));
    const [first, second] = screen.getAllByTestId('pick-item');
    expect(first!.textContent).toContain('Customer 1');
    expect(first!.textContent).toContain('Support');
    expect(first!.textContent).toContain('Question 1');
    expect(first!.textContent).toContain('Waiting 1:15');
    expect(second!.textContent).toContain('Billing');
    expect(second!.textContent).toContain('No message');
    expect(second!.textContent).toContain('Waiting 1:02:05');
    expect(screen.getAllByTestId('pick-button')).toHaveLength(2);
    expect(screen.getByTestId('pick-list')).toBeTruthy();
  });

  it('shows a short text instead of the list when there is nothing to pick', async () => {
    serve([]);
    renderWithProviders(<PickList />, { pick: vi.fn() });
    await screen.findByText('Nothing to pick right now.');
    expect(screen.queryByTestId('pick-list')).toBeNull();
  });

  it('picks an item: it leaves the list, and the list is fetched again', async () => {
    serve([item(1), item(2)], [item(2)]);
    const pick = vi.fn(async () => {});
    renderWithProviders(<PickList />, { pick });
    await waitFor(() => expect(shownIds()).toHaveLength(2));
    await act(async () => void fireEvent.click(screen.getAllByTestId('pick-button')[0]!));
    expect(pick).toHaveBeenCalledWith(item(1).id);
    await waitFor(() => expect(listCalls()).toBe(2));
    expect(shownIds()).toEqual([item(2).id]);
    expect(screen.queryByTestId('pick-error')).toBeNull();
  });

  it('on a 409 shows the server message and refreshes the list', async () => {
    serve([item(1), item(2)], [item(2)]);
    const pick = vi.fn(async () => {
      throw new ApiCallError(409, { message: 'this conversation was taken by someone else, or your capacity is full' });
    });
    renderWithProviders(<PickList />, { pick });
    await waitFor(() => expect(shownIds()).toHaveLength(2));
    await act(async () => void fireEvent.click(screen.getAllByTestId('pick-button')[0]!));
    expect(screen.getByTestId('pick-error').textContent).toContain(
      'this conversation was taken by someone else, or your capacity is full',
    );
    await waitFor(() => expect(shownIds()).toEqual([item(2).id]));
    expect(listCalls()).toBe(2);
  });

  it('disables the pick buttons while a pick is under way', async () => {
    serve([item(1), item(2)]);
    let finish!: () => void;
    const pick = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithProviders(<PickList />, { pick });
    await waitFor(() => expect(shownIds()).toHaveLength(2));
    act(() => void fireEvent.click(screen.getAllByTestId('pick-button')[1]!));
    const buttons = screen.getAllByTestId('pick-button') as HTMLButtonElement[];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    fireEvent.click(buttons[0]!);
    expect(pick).toHaveBeenCalledTimes(1);
    await act(async () => finish());
  });

  it('shows the total and fetches the next page with "Show more"', async () => {
    api.call.mockImplementation(async (name: string, input?: { query?: { cursor?: string } }) => {
      if (name !== 'listPickable') throw new Error(`unexpected call ${name}`);
      return input?.query?.cursor === 'page-2'
        ? { conversations: [item(3)], total: 3, nextCursor: null }
        : { conversations: [item(1), item(2)], total: 3, nextCursor: 'page-2' };
    });
    renderWithProviders(<PickList />, { pick: vi.fn() });
    await waitFor(() => expect(shownIds()).toEqual([item(1).id, item(2).id]));
    expect(screen.getByTestId('pick-list-total').textContent).toBe('2 of 3');
    await act(async () => void fireEvent.click(screen.getByTestId('pick-list-more')));
    await waitFor(() => expect(shownIds()).toEqual([item(1).id, item(2).id, item(3).id]));
    expect(api.call).toHaveBeenCalledWith('listPickable', { query: { cursor: 'page-2' } });
    expect(screen.getByTestId('pick-list-total').textContent).toBe('3 of 3');
    expect(screen.queryByTestId('pick-list-more')).toBeNull();
  });

  it(`refreshes every ${PICK_REFRESH_MS / 1000} s while the page is visible`, async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0);
    serve([], [item(3)]);
    renderWithProviders(<PickList />, { pick: vi.fn() });
    await act(async () => void (await vi.advanceTimersByTimeAsync(10)));
    expect(listCalls()).toBe(1);
    expect(screen.queryByTestId('pick-list')).toBeNull();
    await act(async () => void (await vi.advanceTimersByTimeAsync(PICK_REFRESH_MS)));
    expect(listCalls()).toBe(2);
    expect(shownIds()).toEqual([item(3).id]);
    // Hidden tab: no polling.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await act(async () => void (await vi.advanceTimersByTimeAsync(3 * PICK_REFRESH_MS)));
    expect(listCalls()).toBe(2);
    visibility.mockRestore();
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await act(async () => void (await vi.advanceTimersByTimeAsync(PICK_REFRESH_MS + 10)));
    expect(listCalls()).toBeGreaterThanOrEqual(3);
  });
});
