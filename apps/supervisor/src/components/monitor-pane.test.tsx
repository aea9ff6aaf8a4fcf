import type { ConversationDetail, ConversationState, SupervisorSwitches } from '@switchboard/protocol';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { renderDesk } from '../test/render';
import { MonitorPane } from './monitor-pane';
import { badges, EVENTS, id } from '../test/transcript-fixtures';

const ON: SupervisorSwitches = { monitor: true, assign: true, transfer: true, 'force-close': true };

function detail(over: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: id(50),
    channel: 'sms',
    channelId: id(70),
    customerAddress: '+31612345678',
    state: 'active',
    queueId: id(90),
    queueName: 'Support',
    agentId: id(80),
    agentName: 'Ann',
    customerName: 'Karel',
    customerEmail: null,
    firstMessage: 'Where is my order?',
    createdAt: '2026-05-01T10:00:00.000Z',
    acceptedAt: '2026-05-01T10:00:00.000Z',
    endedAt: null,
    closedAt: null,
    lastSeq: 4,
    callbackId: null,
    participants: [],
    prechat: null,
    context: {},
    events: EVENTS,
    wrapUp: { dispositionCodeId: null, dispositionName: null, note: '' },
    callback: null,
    ...over,
  };
}

function pane(c: ConversationDetail) {
  const call = vi.fn(async (name: string) => {
    if (name === 'getConversation') return c;
    if (name === 'monitorConversation' || name === 'stopMonitoring') return { ok: true };
    throw new Error(`unexpected call ${name}`);
  });
  return renderDesk(<MonitorPane id={c.id} switches={ON} />, call as unknown as Call);
}

describe('the monitor pane', () => {
  afterEach(cleanup);

  it('shows the levels the server sent with the conversation beside its customer messages (SV8)', async () => {
    pane(detail({ messageSentiments: { [id(1)]: 'neutral', [id(3)]: 'negative' } }));
    fireEvent.click(await screen.findByTestId('monitor-start'));
    await screen.findByTestId('monitor-transcript');
    expect(badges().map(([, level]) => level)).toEqual(['neutral', null, 'negative', null]);
  });

  it.each<[ConversationState, string | null, boolean]>([
    ['active', '2026-05-01T10:00:00.000Z', true],
    ['waiting', '2026-05-01T10:00:00.000Z', true],
    ['active', null, false],
    ['wrap-up', '2026-05-01T10:00:00.000Z', false],
  ])('offers a transfer (SV5) on a conversation that is %s (accepted at %s): %s', async (state, acceptedAt, shown) => {
    pane(detail({ state, acceptedAt }));
    await screen.findByTestId('monitor-pane');
    expect(screen.queryByTestId('transfer-open') !== null).toBe(shown);
  });
});
