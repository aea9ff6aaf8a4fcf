import type { ConversationSummary } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consultEvent, SUE } from '../test/consult-fixtures';
import { id } from '../test/outbound-fixtures';
import { BEN, CONVERSATION } from '../test/transfer-fixtures';
import { createConsultServices } from './consult-services';
import type { TimelineSync } from './timeline-sync';
import { useTransfers } from './transfers-store';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const ME = id(11);
const summary = (agentId: string) => ({ id: CONVERSATION, agentId, customerName: 'Eve' }) as ConversationSummary;

/** The consult services with the workspace around them faked; `primary` is who the open session shows as agent. */
function setUp(primary: string = ME) {
  const deps = {
    userId: ME,
    sync: { catchUp: vi.fn(async () => {}) } as unknown as TimelineSync,
    summaryOf: vi.fn((cid: string) => (cid === CONVERSATION ? summary(primary) : undefined)),
    closeSession: vi.fn(),
    invalidateLists: vi.fn(),
  };
  return { deps, services: createConsultServices(deps) };
}

describe('consult services (AG5)', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockResolvedValue({ ok: true });
    useTransfers.getState().clear();
  });
  afterEach(() => useTransfers.getState().clear());

  it('asks, and changes a permission, then reads the history so its line shows', async () => {
    const { deps, services } = setUp();
    await services.commands.consult(CONVERSATION, { userId: SUE, note: 'refund?' });
    expect(api.call).toHaveBeenCalledWith('consultConversation', {
      params: { id: CONVERSATION },
      body: { userId: SUE, note: 'refund?' },
    });
    await services.commands.setConsultantPermission(CONVERSATION, BEN, true);
    expect(api.call).toHaveBeenLastCalledWith('setConsultantPermission', {
      params: { id: CONVERSATION, userId: BEN },
      body: { mayMessageCustomer: true },
    });
    expect(deps.sync.catchUp).toHaveBeenCalledTimes(2);
    expect(deps.closeSession).not.toHaveBeenCalled();
  });

  it('a consultant who leaves no longer has the session, and the lists refresh', async () => {
    const { deps, services } = setUp(id(12));
    await services.commands.leaveConsult(CONVERSATION);
    expect(api.call).toHaveBeenCalledWith('leaveConversation', { params: { id: CONVERSATION }, body: {} });
    expect(deps.closeSession).toHaveBeenCalledWith(CONVERSATION);
    expect(deps.invalidateLists).toHaveBeenCalled();
  });

  it('a refused leave keeps the session', async () => {
    api.call.mockRejectedValue(new Error('you are not consulting on this conversation'));
    const { deps, services } = setUp(id(12));
    await expect(services.commands.leaveConsult(CONVERSATION)).rejects.toThrow('not consulting');
    expect(deps.closeSession).not.toHaveBeenCalled();
  });

  it('tells the primary agent the answer to a request, once, and nobody else', () => {
    const { services } = setUp();
    services.observed(consultEvent(1, 'requested'));
    services.observed(consultEvent(2, 'accepted'));
    services.observed(consultEvent(3, 'may-message-customer'));
    services.observed(consultEvent(4, 'rejected', { toName: 'Sue Supervisor' }));
    expect(useTransfers.getState().notices).toMatchObject([
      { kind: 'consult', step: 'accepted', toName: 'Ben Okafor', customerName: 'Eve' },
      { kind: 'consult', step: 'rejected', toName: 'Sue Supervisor', customerName: 'Eve' },
    ]);
    useTransfers.getState().clear();
    setUp(id(12)).services.observed(consultEvent(5, 'timeout'));
    expect(useTransfers.getState().notices).toEqual([]);
  });
});
