import type {
  ConversationEvent,
  ConversationLinks,
  Notification,
  NotificationClosed,
  Offer,
  OfferClosed,
  PendingTransfer,
  Presence,
  TransferClosed,
  WorkspaceChanges,
  SentimentAlert,
  SentimentLevel,
} from '@switchboard/protocol';
import type { AlertAudience } from './sentiment/audience.js';

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
  | { kind: 'transfer-requested'; orgId: string; agentId: string; transfer: PendingTransfer }
  | { kind: 'transfer-closed'; orgId: string; agentId: string; closed: TransferClosed }
  /** AG2: to every tab of the recipient; an alert's close follows its offer's or transfer's. */
  | { kind: 'notification-created'; orgId: string; recipientId: string; notification: Notification }
  | { kind: 'notification-closed'; orgId: string; recipientId: string; closed: NotificationClosed }
  /** The agent no longer works it (transferred on): their sockets leave its staff room. */
  | { kind: 'left'; orgId: string; conversationId: string; agentId: string }
  | { kind: 'presence-changed'; orgId: string; userId: string; presence: Presence }
  /** Replies were written to the outbox: send them now (CH5). */
  | { kind: 'outbox-ready'; orgId: string }
  /** A supervisor moved it to another queue (SV4), which its history does not record: the ongoing list shows it. */
  | { kind: 'queue-moved'; orgId: string; conversationId: string }
  /**
   * A conversation's customer sentiment moved to another level (SV8). `holder`: the agent who has
   * accepted it, told the level and whether it is at or below the admin's threshold (`low`).
   */
  | {
      kind: 'sentiment-changed';
      orgId: string;
      conversationId: string;
      level: SentimentLevel;
      holder: { agentId: string; low: boolean } | null;
    }
  /** It fell to the admin's threshold (SV8): the supervisors of its queue are alerted (audience.ts). */
  | { kind: 'sentiment-alert'; orgId: string; alert: SentimentAlert; audience: AlertAudience }
  /** A staff member's workspace changed (AG3): their other tabs and machines apply it. */
  | { kind: 'workspace-changed'; orgId: string; userId: string; version: number; changes: WorkspaceChanges }
  /** AG9: a conversation's contact, account or case link changed: its staff tabs show the new links. */
  | { kind: 'records-linked'; orgId: string; conversationId: string; links: ConversationLinks };

export type DomainEventListener = (event: DomainEvent) => void;
