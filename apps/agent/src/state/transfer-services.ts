import type { ConversationSummary, PendingTransfer, TransferClosed, TransferRequest } from '@switchboard/protocol';
import { call } from '../api/api';
import type { TransferEvent } from '../lib/transfer-status';
import type { TimelineSync } from './timeline-sync';
import { useTransfers } from './transfers-store';

export type TransferDeps = {
  userId: string;
  sync: TimelineSync;
  /** The open session's summary as its timeline has it (before the event being handled). */
  summaryOf(conversationId: string): ConversationSummary | undefined;
  openSession(conversationId: string): void;
  closeSession(conversationId: string): void;
  invalidateLists(): void;
};

/** What answering a transfer needs: its id and conversation (a notification carries both). */
type Subject = Pick<PendingTransfer, 'id' | 'conversationId'>;

/**
 * Transfer (AG5) in the workspace: asking (the primary agent), answering (the receiver), and what
 * the asker's view does once the conversation is no longer theirs: its session closes, the lists refresh.
 */
export function createTransferServices(deps: TransferDeps) {
  const { userId, sync, summaryOf, openSession, closeSession, invalidateLists } = deps;
  /** Conversations I asked to hand on, with the customer's name, until the answer comes. */
  const asked = new Map<string, string>();

  return {
    /** A transfer asked of me closed (its notification goes by notification:closed). */
    closed(closed: TransferClosed) {
      if (closed.outcome === 'accepted') invalidateLists();
    },
    /** A live 'transfer' event, seen before its timeline applies it. */
    observed(event: TransferEvent) {
      const id = event.conversationId;
      const summary = summaryOf(id);
      const mine = asked.has(id) || summary?.agentId === userId;
      if (event.step === 'requested' || !mine) return;
      const customerName = summary?.customerName ?? asked.get(id) ?? '';
      asked.delete(id);
      // To a queue it is gone; to a colleague who accepted, I stay as a consultant until I leave.
      if (event.step === 'to-queue') closeSession(id);
      if (event.step === 'accepted' || event.step === 'to-queue') invalidateLists();
      if (event.step === 'accepted' || event.step === 'rejected' || event.step === 'timeout')
        useTransfers.getState().notify({ kind: 'transfer', step: event.step, toName: event.toName, customerName });
    },
    commands: {
      /** Throws the server's refusal (403/409 …) to the dialog, which shows it. */
      async transfer(conversationId: string, body: TransferRequest) {
        await call('transferConversation', { params: { id: conversationId }, body });
        if (body.kind === 'queue') {
          // Routing has it now; it is no longer mine.
          closeSession(conversationId);
          invalidateLists();
          return;
        }
        asked.set(conversationId, summaryOf(conversationId)?.customerName ?? '');
        await sync.catchUp(conversationId);
      },
      async acceptTransfer(transfer: Subject) {
        await call('acceptTransfer', { params: { id: transfer.id }, body: {} });
        openSession(transfer.conversationId);
        invalidateLists();
      },
      rejectTransfer: (transfer: Subject) => call('rejectTransfer', { params: { id: transfer.id }, body: {} }),
    },
  };
}

export type TransferServices = ReturnType<typeof createTransferServices>;
