import type { ConversationEvent, PendingTransfer, TransferOptions } from '@switchboard/protocol';
import type { TransferEvent } from '../lib/transfer-status';
import { id } from './outbound-fixtures';

export const CONVERSATION = id(101);
export const BEN = id(21);
export const CY = id(22);
export const BILLING = id(31);
export const NIGHT = id(32);

/** What transferOptions answers: Ben can take it, Cy is away; Billing is open, Night shift closed. */
export const OPTIONS: TransferOptions = {
  agents: [
    { agentId: BEN, name: 'Ben Okafor', presence: 'available', freeUnits: 2, available: true, reason: null },
    {
      agentId: CY,
      name: 'Cy Laurent',
      presence: 'away',
      freeUnits: 3,
      available: false,
      reason: 'Cy Laurent is away: the workstream gives no work then',
    },
  ],
  queues: [
    { queueId: BILLING, name: 'Billing', open: true },
    { queueId: NIGHT, name: 'Night shift', open: false },
  ],
};

export const T0 = Date.parse('2025-01-01T10:00:00.000Z');

/** A transfer asked of me at T0, answerable for 60 s; the customer has waited 95 s. */
export function pendingTransfer(n: number, overrides: Partial<PendingTransfer> = {}): PendingTransfer {
  return {
    id: id(200 + n),
    kind: 'transfer',
    conversationId: id(300 + n),
    customerName: `Customer ${n}`,
    firstMessage: `Question ${n}`,
    queueName: 'Support',
    fromName: 'Alice Martin',
    note: 'Billing question, you know this one',
    waitingSince: new Date(T0 - 95_000).toISOString(),
    requestedAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 60_000).toISOString(),
    ...overrides,
  };
}

export function transferEvent(seq: number, step: TransferEvent['step'], overrides: Partial<TransferEvent> = {}) {
  return {
    type: 'transfer',
    conversationId: CONVERSATION,
    seq,
    at: new Date(T0).toISOString(),
    transferId: id(201),
    step,
    fromName: step === 'requested' || step === 'to-queue' ? 'Alice Martin' : '',
    toName: step === 'to-queue' ? 'Billing' : 'Ben Okafor',
    note: '',
    ...overrides,
  } satisfies ConversationEvent;
}
