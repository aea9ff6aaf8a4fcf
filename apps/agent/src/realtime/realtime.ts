import {
  ConversationEvent,
  ConversationLinks,
  CustomerSentimentChanged,
  Notification,
  NotificationClosed,
  OfferClosed,
  PresenceEvent,
  SocketEvents,
  TransferClosed,
  TypingEvent,
  WorkspaceChanged,
  type Presence as PresenceValue,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';

export type RealtimeHandlers = {
  onStatus(status: 'online' | 'reconnecting'): void;
  /** After every (re)connect, once the server has joined us to our conversations' rooms. */
  onReady(): void;
  onConversationEvent(event: ConversationEvent): void;
  onOfferClosed(closed: OfferClosed): void;
  /** A notification for me (AG2), and its end in any tab (answered, dismissed, run out). */
  onNotification(n: Notification): void;
  onNotificationClosed(closed: NotificationClosed): void;
  /** The end of a transfer asked of me (AG5): answered, run out. */
  onTransferClosed(closed: TransferClosed): void;
  onPresence(presence: PresenceValue): void;
  onTyping(typing: TypingEvent): void;
  /** My workspace changed in another tab or on another machine (AG3). */
  onWorkspaceChanged(changed: WorkspaceChanged): void;
  /** The customer sentiment of a conversation I hold moved (SV8). */
  onCustomerSentiment(changed: CustomerSentimentChanged): void;
  /** A conversation I follow was linked to or unlinked from a record (AG9): its summary reads again. */
  onRecordsLinked?(links: ConversationLinks): void;
  onUnauthorized(): void;
};

/** The protocol's schemas validate what arrives; anything malformed is dropped. */
type Schema<T> = { safeParse(raw: unknown): { success: true; data: T } | { success: false } };

/** Socket.IO carries events only; it reconnects by itself and every command goes over REST. */
export function connectRealtime(token: string, handlers: RealtimeHandlers) {
  const socket: Socket = io(window.location.origin, {
    path: '/socket.io',
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const reconnectSoon = () => {
    clearTimeout(retry);
    retry = setTimeout(() => !closed && !socket.connected && socket.connect(), 1000);
  };

  function on<T>(event: string, schema: Schema<T>, handle: (value: T) => void) {
    socket.on(event, (raw: unknown) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) handle(parsed.data);
    });
  }

  socket.on('connect', () => handlers.onStatus('online'));
  socket.on('ready', () => handlers.onReady());
  socket.on('disconnect', (reason) => {
    handlers.onStatus('reconnecting');
    // A server that shuts down disconnects us on purpose; Socket.IO then does not reconnect by itself.
    if (reason === 'io server disconnect') reconnectSoon();
  });
  socket.on('connect_error', (err) => {
    handlers.onStatus('reconnecting');
    if (socket.active) return;
    if (err.message.startsWith('unauthorized')) handlers.onUnauthorized();
    else reconnectSoon();
  });
  on(SocketEvents.conversationEvent, ConversationEvent, handlers.onConversationEvent);
  on(SocketEvents.notification, Notification, handlers.onNotification);
  on(SocketEvents.notificationClosed, NotificationClosed, handlers.onNotificationClosed);
  on(SocketEvents.offerClosed, OfferClosed, handlers.onOfferClosed);
  on(SocketEvents.transferClosed, TransferClosed, handlers.onTransferClosed);
  on(SocketEvents.presence, PresenceEvent, (p) => handlers.onPresence(p.presence));
  on(SocketEvents.typing, TypingEvent, handlers.onTyping);
  on(SocketEvents.workspaceChanged, WorkspaceChanged, handlers.onWorkspaceChanged);
  on(SocketEvents.customerSentiment, CustomerSentimentChanged, handlers.onCustomerSentiment);
  on(SocketEvents.recordsLinked, ConversationLinks, (links) => handlers.onRecordsLinked?.(links));

  return {
    emitTyping(conversationId: string, isTyping: boolean) {
      if (socket.connected) socket.emit(SocketEvents.typing, { conversationId, isTyping });
    },
    /** Joins a conversation's room (the server checks the agent may see it). */
    follow(conversationId: string) {
      if (socket.connected) socket.emit('follow', conversationId);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

export type RealtimeConnection = ReturnType<typeof connectRealtime>;
