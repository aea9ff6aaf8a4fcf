import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';

export type TransferEvent = Extract<ConversationEvent, { type: 'transfer' }>;

/** Only the primary agent of an accepted, active conversation may hand it on (as domain/conversation/transfer.ts). */
export const canTransfer = (c: Pick<ConversationSummary, 'state' | 'acceptedAt' | 'agentId'>, me: string | null) =>
  c.state === 'active' && c.acceptedAt !== null && me !== null && c.agentId === me;

/**
 * Who a transfer asked in this history still waits on, or null: the server keeps one pending
 * transfer per conversation, so the button waits for the answer instead of being refused.
 */
export function waitingTransfer(events: readonly ConversationEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (e.type === 'transfer') return e.step === 'requested' ? e.toName : null;
  }
  return null;
}
