import type { ConsultOptions, ConversationEvent, ConversationSummary, StaffUser } from '@switchboard/protocol';
import type { ConsultEvent } from '../lib/consult-status';
import { alice, id } from './outbound-fixtures';
import { BEN, CONVERSATION, OPTIONS, T0 } from './transfer-fixtures';

export const SUE = id(23);

/** Ben Okafor, who consults on Alice's conversations in these tests. */
export const ben: StaffUser = { ...alice, id: BEN, email: 'ben@contoso.example', name: 'Ben Okafor' };

/** What consultOptions answers: Ben has room, Cy is away (as for a transfer); Sue supervises. */
export const CONSULT_OPTIONS: ConsultOptions = {
  agents: OPTIONS.agents,
  supervisors: [{ userId: SUE, name: 'Sue Supervisor', presence: 'busy' }],
};

export function consultEvent(seq: number, step: ConsultEvent['step'], overrides: Partial<ConsultEvent> = {}) {
  return {
    type: 'consult',
    conversationId: CONVERSATION,
    seq,
    at: new Date(T0).toISOString(),
    consultId: step === 'requested' || step === 'accepted' ? id(401) : null,
    step,
    fromName: step === 'requested' ? 'Alice Martin' : '',
    toName: 'Ben Okafor',
    note: '',
    ...overrides,
  } satisfies ConversationEvent;
}

/** Alice's accepted, active chat with Eve. */
export const SUMMARY: ConversationSummary = {
  id: CONVERSATION,
  channel: 'webchat',
  channelId: null,
  customerAddress: null,
  state: 'active',
  queueId: id(30),
  queueName: 'Support',
  agentId: alice.id,
  agentName: alice.name,
  customerName: 'Eve',
  customerEmail: 'eve@customer.example',
  firstMessage: 'My invoice is wrong',
  createdAt: new Date(T0 - 60_000).toISOString(),
  acceptedAt: new Date(T0 - 50_000).toISOString(),
  endedAt: null,
  closedAt: null,
  lastSeq: 0,
  callbackId: null,
};
