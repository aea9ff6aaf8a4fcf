import type { OngoingRow, SupervisorSwitches } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { renderDesk } from '../test/render';
import { Desk } from './desk';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ON: SupervisorSwitches = { monitor: true, assign: true, transfer: true, 'force-close': true };

function row(n: number, over: Partial<OngoingRow> = {}): OngoingRow {
  return {
    id: id(n),
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'active',
    queueId: id(90),
    queueName: 'Support',
    agentId: id(80),
    agentName: 'Bob Jansen',
    customerName: `Customer ${n}`,
    customerEmail: null,
    firstMessage: 'hi',
    createdAt: new Date(Date.now() - 120_000).toISOString(),
    acceptedAt: new Date(Date.now() - 60_000).toISOString(),
    endedAt: null,
    closedAt: null,
    lastSeq: 3,
    callbackId: null,
    waitingSince: new Date(Date.now() - 120_000).toISOString(),
    sentiment: 'slightly-negative',
    ...over,
  };
}

function fakeCall(switches: SupervisorSwitches = ON) {
  const calls: { name: string; input: unknown }[] = [];
  const call = vi.fn(async (name: string, input?: { query?: Record<string, unknown>; params?: { id: string } }) => {
    calls.push({ name, input });
    if (name === 'listQueues') return { queues: [{ id: id(90), name: 'Support' }] };
    if (name === 'searchAgents') return { agents: [{ id: id(80), name: 'Bob Jansen', presence: 'busy' }] };
    if (name === 'listOngoing') {
      const rows =
        input?.query?.state === 'open'
          ? [row(2, { state: 'open', agentId: null, agentName: null, acceptedAt: null })]
          : [row(1)];
      return { conversations: rows, total: rows.length, nextCursor: null, switches };
    }
    if (name === 'getConversation')
      return { ...row(1), participants: [], prechat: null, context: {}, events: [], wrapUp: null, callback: null };
    throw new Error(`unexpected call ${name}`);
  });
  return { call: call as unknown as Call, calls };
}

describe("the supervisor's desk (SV1)", () => {
  afterEach(cleanup);

  it('lists the conversations in progress with their agent, state, wait and handle time', async () => {
    const { call } = fakeCall();
    renderDesk(<Desk />, call);
    const cells = await screen.findAllByTestId('ongoing-row');
    expect(cells).toHaveLength(1);
    expect(cells[0]!.textContent).toMatch(/^Customer 1ChatSupportBob JansenActive1:00(0:59|1:0\d)Slightly negative$/);
  });

  it('sends each filter to the server and shows what it answers', async () => {
    const { call, calls } = fakeCall();
    renderDesk(<Desk />, call);
    await screen.findAllByTestId('ongoing-row');
    await act(async () => void fireEvent.change(screen.getByTestId('filter-state'), { target: { value: 'open' } }));
    await waitFor(() => expect(screen.getByTestId('ongoing-row').textContent).toContain('Customer 2'));
    await act(async () => void fireEvent.change(screen.getByTestId('filter-queue'), { target: { value: id(90) } }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'listOngoing').at(-1)!.input).toEqual({
        query: { state: 'open', queueId: id(90), sort: 'newest', direction: 'desc', cursor: undefined },
      }),
    );
    expect(screen.getByTestId('ongoing-row').textContent).toContain('–');
  });

  it('offers monitor and force close only as the switches allow', async () => {
    const { call } = fakeCall({ ...ON, monitor: false });
    renderDesk(<Desk />, call);
    fireEvent.click((await screen.findAllByTestId('ongoing-row'))[0]!);
    await screen.findByTestId('monitor-pane');
    expect(screen.queryByTestId('monitor-start')).toBeNull();
    expect(screen.getByTestId('force-close')).toBeTruthy();
  });
});
