import type { ConversationEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { canTransfer, waitingTransfer, type TransferEvent } from './transfer-status';

const ID = '00000000-0000-4000-8000-0000000000d1';
const ME = '00000000-0000-4000-8000-0000000000a1';
const at = '2025-01-01T10:00:00.000Z';
const step = (seq: number, s: TransferEvent['step']): ConversationEvent => ({
  type: 'transfer',
  conversationId: ID,
  seq,
  at,
  transferId: null,
  step: s,
  fromName: '',
  toName: 'Ben',
  note: '',
});

describe('transfer status', () => {
  it('lets only the primary agent of an accepted, active conversation transfer', () => {
    const c = { state: 'active' as const, acceptedAt: at, agentId: ME };
    expect(canTransfer(c, ME)).toBe(true);
    expect(canTransfer({ ...c, acceptedAt: null }, ME)).toBe(false);
    expect(canTransfer({ ...c, state: 'wrap-up' }, ME)).toBe(false);
    expect(canTransfer(c, '00000000-0000-4000-8000-0000000000a2')).toBe(false);
    expect(canTransfer(c, null)).toBe(false);
  });

  it('waits on the last asked transfer until its answer', () => {
    expect(waitingTransfer([])).toBeNull();
    expect(waitingTransfer([step(1, 'requested')])).toBe('Ben');
    expect(waitingTransfer([step(1, 'requested'), step(2, 'rejected')])).toBeNull();
    expect(waitingTransfer([step(1, 'requested'), step(2, 'timeout'), step(3, 'requested')])).toBe('Ben');
  });
});
