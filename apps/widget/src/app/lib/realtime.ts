import { io } from 'socket.io-client';
import { ConversationEvent, SocketEvents, TypingEvent } from '@switchboard/protocol';

export type RealtimeOptions = {
  url: string;
  path: string;
  token: string;
  onEvent(event: ConversationEvent): void;
  onTyping(event: TypingEvent): void;
  onConnect(): void;
  onDisconnect(): void;
  /** The server turned the token down: the conversation may be gone. */
  onRefused(): void;
};

export type Realtime = {
  emitTyping(conversationId: string, isTyping: boolean): void;
  close(): void;
};

/**
 * The visitor's socket. Socket.IO reconnects by itself after network failures, but not after
 * the server disconnected it (as a restarting server does), so that case reconnects by hand.
 */
export function connectRealtime(opts: RealtimeOptions): Realtime {
  const socket = io(opts.url, { path: opts.path, auth: { token: opts.token } });
  socket.on('connect', opts.onConnect);
  socket.on('disconnect', (reason) => {
    opts.onDisconnect();
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', () => {
    // `active` false: refused by the server's auth middleware, and no retry is planned.
    if (socket.active) opts.onDisconnect();
    else opts.onRefused();
  });
  socket.on(SocketEvents.conversationEvent, (raw: unknown) => {
    const parsed = ConversationEvent.safeParse(raw);
    if (parsed.success) opts.onEvent(parsed.data);
  });
  socket.on(SocketEvents.typing, (raw: unknown) => {
    const parsed = TypingEvent.safeParse(raw);
    if (parsed.success) opts.onTyping(parsed.data);
  });
  return {
    emitTyping(conversationId, isTyping) {
      // Typing is ephemeral: never buffer it for later.
      if (socket.connected) socket.volatile.emit(SocketEvents.typing, { conversationId, isTyping });
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
