import { SentimentAlert, SocketEvents } from '@switchboard/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';

export const ongoingKey = ['ongoing'] as const;
export const conversationKey = (id: string) => ['conversation', id] as const;

/** Runs `fn` at most once per `ms`, the last call of a burst included. */
function throttled(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;
  return () => {
    if (timer) {
      due = true;
      return;
    }
    fn();
    timer = setTimeout(function again() {
      timer = undefined;
      if (due) {
        due = false;
        fn();
        timer = setTimeout(again, ms);
      }
    }, ms);
  };
}

export type LiveFeed = {
  follow(id: string): Promise<boolean>;
  /** Calls `listener` on each sentiment alert (SV8) until the returned function is called. */
  onAlert(listener: (alert: SentimentAlert) => void): () => void;
  close(): void;
};

/**
 * The supervisor's live feed (SV1, SV2): the server says which conversation changed; the ongoing
 * list reads its pages again at most once a second, however many change; the monitored
 * conversation follows its staff room and reads itself again on each event.
 */
export function connectLiveFeed(token: string, queryClient: QueryClient): LiveFeed {
  const socket: Socket = io(window.location.origin, {
    path: '/socket.io',
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  const followed = new Set<string>();
  const refreshList = throttled(() => void queryClient.invalidateQueries({ queryKey: ongoingKey }), 1000);
  const refreshers = new Map<string, () => void>();
  socket.on(SocketEvents.supervisionChanged, refreshList);
  socket.on(SocketEvents.conversationEvent, (e: { conversationId?: unknown }) => {
    const id = typeof e?.conversationId === 'string' ? e.conversationId : null;
    if (!id || !followed.has(id)) return;
    let refresh = refreshers.get(id);
    if (!refresh) {
      refresh = throttled(() => void queryClient.invalidateQueries({ queryKey: conversationKey(id) }), 300);
      refreshers.set(id, refresh);
    }
    refresh();
  });
  const alertListeners = new Set<(alert: SentimentAlert) => void>();
  socket.on(SocketEvents.sentimentAlert, (raw: unknown) => {
    const parsed = SentimentAlert.safeParse(raw);
    if (parsed.success) for (const listener of alertListeners) listener(parsed.data);
  });
  // After a reconnect the rooms are new: follow again, and read what was missed.
  socket.on('ready', () => {
    for (const id of followed) void socket.emitWithAck('follow', id);
    refreshList();
  });
  return {
    async follow(id) {
      followed.add(id);
      return socket.connected ? ((await socket.emitWithAck('follow', id)) as boolean) : true;
    },
    onAlert(listener) {
      alertListeners.add(listener);
      return () => alertListeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
