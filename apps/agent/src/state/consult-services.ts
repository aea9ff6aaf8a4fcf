import type { ConsultRequest, ConversationSummary } from '@switchboard/protocol';
import { call } from '../api/api';
import type { ConsultEvent } from '../lib/consult-status';
import type { TimelineSync } from './timeline-sync';
import { useTransfers } from './transfers-store';

export type ConsultDeps = {
  userId: string;
  sync: TimelineSync;
  /** The open session's summary as its timeline has it. */
  summaryOf(conversationId: string): ConversationSummary | undefined;
  closeSession(conversationId: string): void;
  invalidateLists(): void;
};

/**
 * Consult (AG5) in the workspace. The request reaches the consultant as a transfer does (its alert,
 * accept and reject are the transfer services'); here: asking, the permission, and leaving.
 */
export function createConsultServices(deps: ConsultDeps) {
  const { userId, sync, summaryOf, closeSession, invalidateLists } = deps;
  return {
    /** A live 'consult' event: the primary agent is told the answer to a request, once. */
    observed(event: ConsultEvent) {
      const summary = summaryOf(event.conversationId);
      if (!summary || summary.agentId !== userId) return;
      if (event.step === 'accepted' || event.step === 'rejected' || event.step === 'timeout')
        useTransfers.getState().notify({
          kind: 'consult',
          step: event.step,
          toName: event.toName,
          customerName: summary.customerName,
        });
    },
    commands: {
      /** Throws the server's refusal (403/409 …) to the dialog, which shows it. */
      async consult(conversationId: string, body: ConsultRequest) {
        await call('consultConversation', { params: { id: conversationId }, body });
        await sync.catchUp(conversationId);
      },
      async setConsultantPermission(conversationId: string, consultantId: string, mayMessageCustomer: boolean) {
        await call('setConsultantPermission', {
          params: { id: conversationId, userId: consultantId },
          body: { mayMessageCustomer },
        });
        await sync.catchUp(conversationId);
      },
      /** Done consulting: the conversation is no longer my work, so its session closes. */
      async leaveConsult(conversationId: string) {
        await call('leaveConversation', { params: { id: conversationId }, body: {} });
        closeSession(conversationId);
        invalidateLists();
      },
    },
  };
}

export type ConsultServices = ReturnType<typeof createConsultServices>;
