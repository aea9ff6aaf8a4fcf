import type { ConversationSummary, CustomerSentiment } from '@switchboard/protocol';
import { sequenceFrom } from '@switchboard/live';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../state/auth-store';
import { useSentiments } from '../state/sentiment-store';
import { useSessions } from '../state/sessions-store';
import { resetTimelines, useTimelines } from '../state/timelines-store';
import type { WorkspaceServices } from '../state/workspace-services';
import { alice } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { ConversationList } from './conversation-lists';
import { SessionArea } from './session-area';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const id = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const LOW: CustomerSentiment = { level: 'negative', low: true };

function conversation(n: number, over: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: id(n),
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'active',
    queueId: null,
    queueName: 'Support',
    agentId: alice.id,
    agentName: alice.name,
    customerName: `Customer ${n}`,
    customerEmail: null,
    firstMessage: null,
    createdAt: '2026-04-01T10:00:00.000Z',
    acceptedAt: '2026-04-01T10:00:00.000Z',
    endedAt: null,
    closedAt: null,
    lastSeq: 1,
    callbackId: null,
    ...over,
  };
}

const markOf = (testId: string, conversationId: string) => {
  const item = screen
    .getAllByTestId(testId)
    .find((el) => el.getAttribute('data-conversation-id') === conversationId) as HTMLElement;
  const container = testId === 'session-tab' ? (item.parentElement as HTMLElement) : item;
  return within(container).queryByTestId('sentiment-mark')?.getAttribute('data-level') ?? null;
};

beforeEach(() => {
  api.call.mockReset();
  useAuth.getState().signIn('token', alice);
  useSentiments.getState().clear();
});
afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
  resetTimelines();
});

describe('the agent sees when a customer of theirs is unhappy (SV8)', () => {
  it('marks my list item at or below the threshold, follows the pushes, never on a colleague’s', async () => {
    const mine = conversation(1, { customerSentiment: LOW });
    // One I consult on: a colleague holds it, and the server sends no sentiment for it.
    const theirs = conversation(2, { agentId: id(99), agentName: 'Ben' });
    api.call.mockResolvedValue({ conversations: [mine, theirs], total: 2, nextCursor: null });
    renderWithProviders(<ConversationList scope="ongoing" testId="ongoing-list" itemTestId="ongoing-item" />, {
      openSession: vi.fn(),
    });
    await waitFor(() => expect(markOf('ongoing-item', mine.id)).toBe('negative'));
    expect(screen.getByTestId('sentiment-mark').getAttribute('title')).toBe(
      'The customer’s sentiment is negative: at or below the alert threshold',
    );
    expect(markOf('ongoing-item', theirs.id)).toBeNull();

    act(() => useSentiments.getState().pushed({ conversationId: mine.id, level: 'very-negative', low: true }));
    expect(markOf('ongoing-item', mine.id)).toBe('very-negative');
    act(() => useSentiments.getState().pushed({ conversationId: theirs.id, level: 'very-negative', low: true }));
    expect(markOf('ongoing-item', theirs.id)).toBeNull();
    // Risen above the threshold: the mark goes.
    act(() => useSentiments.getState().pushed({ conversationId: mine.id, level: 'slightly-negative', low: false }));
    expect(markOf('ongoing-item', mine.id)).toBeNull();
  });

  it('marks the session tab of my conversation, and not once it went to a colleague or ended', async () => {
    api.call.mockResolvedValue({
      presence: 'busy',
      presenceName: null,
      capacity: { used: 1, total: 3 },
      sessions: { held: 1, limit: 4 },
      profiles: [],
      ongoing: 1,
      today: {
        since: '2026-12-03T00:00:00.000Z',
        offered: 0,
        accepted: 0,
        missed: 0,
        closed: 0,
        averageHandleSeconds: 0,
      },
    });
    const summary = conversation(3);
    const ready = (s: ConversationSummary) => ({
      status: 'ready' as const,
      summary: s,
      prechat: null,
      wrapUp: { dispositionCodeId: null, dispositionName: null, note: '' },
      callback: null,
      seq: sequenceFrom([]),
    });
    useTimelines.setState({ entries: { [summary.id]: ready(summary) } });
    useSessions.setState({ openIds: [summary.id], activeId: null });
    const services = { sync: { load: vi.fn() } } as unknown as Partial<WorkspaceServices>;
    renderWithProviders(<SessionArea />, services);
    expect(markOf('session-tab', summary.id)).toBeNull();

    act(() => useSentiments.getState().read(summary.id, LOW));
    expect(markOf('session-tab', summary.id)).toBe('negative');
    // The name on the tab stays the customer's: the mark sits beside it.
    expect(screen.getByTestId('session-tab').textContent).toBe('Customer 3');

    act(() => useTimelines.setState({ entries: { [summary.id]: ready({ ...summary, agentId: id(99) }) } }));
    expect(markOf('session-tab', summary.id)).toBeNull();
    act(() => useTimelines.setState({ entries: { [summary.id]: ready({ ...summary, state: 'wrap-up' }) } }));
    expect(markOf('session-tab', summary.id)).toBeNull();
  });
});
