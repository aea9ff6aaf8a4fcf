import type { ConversationSummary } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ConversationList, ConversationLists } from './conversation-lists';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

function item(n: number): ConversationSummary {
  return {
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'closed',
    queueId: null,
    queueName: 'Support',
    agentId: null,
    agentName: null,
    customerName: `Customer ${n}`,
    customerEmail: null,
    firstMessage: null,
    createdAt: '2026-04-01T10:00:00.000Z',
    acceptedAt: null,
    endedAt: null,
    closedAt: null,
    lastSeq: 1,
    callbackId: null,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => item(from + i));

/** 120 closed conversations, served 50 at a time with an opaque cursor. */
function serve() {
  const all = range(1, 120);
  api.call.mockImplementation(async (name: string, input: { query: { scope: string; cursor?: string } }) => {
    if (name !== 'listConversations') throw new Error(`unexpected call ${name}`);
    const start = input.query.cursor ? Number(input.query.cursor.slice('after-'.length)) : 0;
    const page = all.slice(start, start + 50);
    const next = start + 50 < all.length ? `after-${start + 50}` : null;
    return { conversations: page, total: all.length, nextCursor: next };
  });
}

const shown = () => screen.queryAllByTestId('closed-item').map((el) => el.textContent);

describe("conversation lists page through the server's pages", () => {
  beforeEach(() => {
    api.call.mockReset();
  });
  afterEach(cleanup);

  it('show the total and load the next page with "Show more" until every row is shown once', async () => {
    serve();
    renderWithProviders(<ConversationList scope="closed" testId="closed-list" itemTestId="closed-item" />, {
      openSession: vi.fn(),
    });
    await waitFor(() => expect(shown()).toHaveLength(50));
    expect(screen.getByTestId('closed-list-total').textContent).toBe('50 of 120');

    await act(async () => void fireEvent.click(screen.getByTestId('closed-list-more')));
    await waitFor(() => expect(shown()).toHaveLength(100));
    expect(api.call).toHaveBeenLastCalledWith('listConversations', { query: { scope: 'closed', cursor: 'after-50' } });

    await act(async () => void fireEvent.click(screen.getByTestId('closed-list-more')));
    await waitFor(() => expect(shown()).toHaveLength(120));
    expect(new Set(shown()).size).toBe(120);
    expect(screen.getByTestId('closed-list-total').textContent).toBe('120 of 120');
    expect(screen.queryByTestId('closed-list-more')).toBeNull();
  });

  it('shows no total or button for a list that fits one page', async () => {
    api.call.mockResolvedValue({ conversations: range(1, 3), total: 3, nextCursor: null });
    renderWithProviders(<ConversationList scope="ongoing" testId="ongoing-list" itemTestId="ongoing-item" />, {
      openSession: vi.fn(),
    });
    await waitFor(() => expect(screen.getAllByTestId('ongoing-item')).toHaveLength(3));
    expect(screen.getByTestId('ongoing-list-total').textContent).toBe('3 of 3');
    expect(screen.queryByTestId('ongoing-list-more')).toBeNull();
  });
});

describe('the closed list searches by customer and days (AG10)', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(async (name: string, input: { query: Record<string, string> }) => {
      if (name === 'listPickable') return { conversations: [], total: 0, nextCursor: null };
      if (name !== 'listConversations') throw new Error(`unexpected call ${name}`);
      if (input.query.scope !== 'closed') return { conversations: [], total: 0, nextCursor: null };
      const found = input.query.customer ? [item(7)] : range(1, 3);
      return { conversations: found, total: found.length, nextCursor: null };
    });
  });
  afterEach(cleanup);

  const closedCalls = () =>
    api.call.mock.calls
      .filter(([name, input]) => name === 'listConversations' && input.query.scope === 'closed')
      .map(([, input]) => input.query);

  it('asks the server once the agent pauses typing, with the days as local midnights', async () => {
    renderWithProviders(<ConversationLists />, { openSession: vi.fn() });
    await waitFor(() => expect(shown()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('closed-search'), { target: { value: 'Cust' } });
    fireEvent.change(screen.getByTestId('closed-search'), { target: { value: 'Customer 7' } });
    fireEvent.change(screen.getByTestId('closed-from'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByTestId('closed-to'), { target: { value: '2026-04-02' } });
    await waitFor(() => expect(shown()).toEqual(['Customer 7ClosedSupport']));
    expect(closedCalls()).toEqual([
      { scope: 'closed', cursor: undefined },
      {
        scope: 'closed',
        cursor: undefined,
        customer: 'Customer 7',
        from: new Date(2026, 3, 1).toISOString(),
        to: new Date(2026, 3, 3).toISOString(),
      },
    ]);
  });

  it('says when the dates are the wrong way round and asks nothing', async () => {
    renderWithProviders(<ConversationLists />, { openSession: vi.fn() });
    await waitFor(() => expect(shown()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('closed-from'), { target: { value: '2026-04-05' } });
    fireEvent.change(screen.getByTestId('closed-to'), { target: { value: '2026-04-01' } });
    expect(screen.getByTestId('closed-dates-reversed').textContent).toContain('after the end date');
    await new Promise((r) => setTimeout(r, 500));
    expect(closedCalls()).toHaveLength(1);
  });
});
