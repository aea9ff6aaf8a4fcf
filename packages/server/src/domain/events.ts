import type { ConversationEvent, Offer, OfferClosed, Presence } from '@switchboard/protocol';

/** What happened, published after the transaction commits. Listeners (realtime, metrics) subscribe in main. */
export type DomainEvent =
  | {
      kind: 'conversation-event';
      orgId: string;
      conversationId: string;
      staff: ConversationEvent;
      /** The same event numbered for the customer, when the customer may see it. */
      customer: ConversationEvent | null;
    }
  | { kind: 'assigned'; orgId: string; conversationId: string; agentId: string }
  | { kind: 'offer-created'; orgId: string; agentId: string; offer: Offer }
  | { kind: 'offer-closed'; orgId: string; agentId: string; closed: OfferClosed }
  | { kind: 'presence-changed'; orgId: string; userId: string; presence: Presence }
  /** Replies were written to the outbox: send them now (CH5). */
  | { kind: 'outbox-ready'; orgId: string };

export type DomainEventListener = (event: DomainEvent) => void;
