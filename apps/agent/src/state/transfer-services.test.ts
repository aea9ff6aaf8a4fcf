import type { ConversationSummary } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { id } from '../test/outbound-fixtures';
import { BEN, BILLING, CONVERSATION, pendingTransfer, transferEvent } from '../test/transfer-fixtures';
import type { TimelineSync } from './timeline-sync';
import { createTransferServices } from './transfer-services';
import { useTransfers } from './transfers-store';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const ME = id(11);
const summary = (agentId: string) => ({ id: CONVERSATION, agentId, customerName: 'Eve' }) as ConversationSummary;

/** The transfer services with the workspace around them faked; `primary` is who the open session shows as agent. */
function setUp(primary: string | null = ME) {
  const deps = {
    userId: ME,
    sync: { catchUp: vi.fn(async () => {}) } as unknown as TimelineSync,
    summaryOf: vi.fn((cid: string) => (primary && cid === CONVERSATION ? summary(primary) : undefined)),
    openSession: vi.fn(),
    closeSession: vi.fn(),
    invalidateLists: vi.fn(),
  };
  return { deps, services: createTransferServices(deps) };
}

describe('transfer services (AG5)', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockResolvedValue({ ok: true });
    useTransfers.getState().clear();
  });
  afterEach(() => useTransfers.getState().clear());

  it('sent to a queue, the conversation leaves my sessions and lists at once', async () => {
    const { deps, services } = setUp();
    await services.commands.transfer(CONVERSATION, { kind: 'queue', queueId: BILLING, note: 'invoice' });
    expect(api.call).toHaveBeenCalledWith('transferConversation', {
      params: { id: CONVERSATION },
      body: { kind: 'queue', queueId: BILLING, note: 'invoice' },
    });
    expect(deps.closeSession).toHaveBeenCalledWith(CONVERSATION);
    expect(deps.invalidateLists).toHaveBeenCalled();
  });

  it('asked of an agent, it stays; once they accept I consult on it (the session stays) and am told', async () => {
    const { deps, services } = setUp();
    await services.commands.transfer(CONVERSATION, { kind: 'agent', agentId: BEN, note: '' });
    expect(deps.sync.catchUp).toHaveBeenCalledWith(CONVERSATION);
    services.observed(transferEvent(5, 'requested'));
    expect(deps.closeSession).not.toHaveBeenCalled();
    services.observed(transferEvent(6, 'accepted'));
    expect(deps.closeSession).not.toHaveBeenCalled();
    expect(deps.invalidateLists).toHaveBeenCalled();
    expect(useTransfers.getState().notices).toMatchObject([
      { step: 'accepted', toName: 'Ben Okafor', customerName: 'Eve' },
    ]);
  });

  it('rejected, it stays with me and I am told; a transfer between others closes nothing', () => {
    const mine = setUp();
    mine.services.observed(transferEvent(6, 'rejected'));
    expect(mine.deps.closeSession).not.toHaveBeenCalled();
    expect(useTransfers.getState().notices.map((n) => n.step)).toEqual(['rejected']);

    useTransfers.getState().clear();
    // A supervisor following someone else's conversation.
    const watching = setUp(id(12));
    watching.services.observed(transferEvent(6, 'accepted'));
    expect(watching.deps.closeSession).not.toHaveBeenCalled();
    expect(useTransfers.getState().notices).toEqual([]);
  });

  it('accepting opens the conversation and refreshes my lists; a refusal is thrown', async () => {
    const { deps, services } = setUp(null);
    await services.commands.acceptTransfer(pendingTransfer(1));
    expect(api.call).toHaveBeenCalledWith('acceptTransfer', { params: { id: pendingTransfer(1).id }, body: {} });
    expect(deps.openSession).toHaveBeenCalledWith(pendingTransfer(1).conversationId);
    expect(deps.invalidateLists).toHaveBeenCalled();

    api.call.mockRejectedValueOnce(new ApiCallError(409, { message: 'this transfer has expired' }));
    await expect(services.commands.rejectTransfer(pendingTransfer(2))).rejects.toThrow('this transfer has expired');
  });

  it('a transfer asked of me that closes refreshes my lists only when accepted', () => {
    const { deps, services } = setUp(null);
    const { id: transferId, conversationId } = pendingTransfer(1);
    services.closed({ id: transferId, conversationId, outcome: 'timeout' });
    expect(deps.invalidateLists).not.toHaveBeenCalled();
    services.closed({ id: transferId, conversationId, outcome: 'accepted' });
    expect(deps.invalidateLists).toHaveBeenCalledTimes(1);
  });
});
