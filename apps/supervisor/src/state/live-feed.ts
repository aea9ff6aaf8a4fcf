import {
  OngoingFeedMessage,
  OngoingSubscribed,
  SentimentAlert,
  SocketEvents,
  type OngoingSubscription,
} from '@switchboard/protocol';
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

/** What follows the ongoing list (SV1): each message of its feed in order, and when to read it again. */
export type OngoingWatch = {
  onMessage(message: OngoingFeedMessage): void;
  /** The feed (re)started, or a message was missed: the list is read again over REST. */
  onResync(): void;
};

export type LiveFeed = {
  follow(id: string): Promise<boolean>;
  /** Follows the ongoing list with these filters until the returned function is called; one at a time. */
  watchOngoing(subscription: OngoingSubscription, watch: OngoingWatch): () => void;
  /** Calls `listener` on each sentiment alert (SV8) until the returned function is called. */
  onAlert(listener: (alert: SentimentAlert) => void): () => void;
  close(): void;
};

/**
 * The supervisor's live feed (SV1, SV2): the ongoing list follows one feed of its filters, whose
 * messages carry the changed rows, numbered; the monitored conversation follows its staff room and
 * reads itself again on each event.
 */
export function connectLiveFeed(token: string, queryClient: QueryClient): LiveFeed {
  const socket: Socket = io(window.location.origin, {
    path: '/socket.io',
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  const followed = new Set<string>();
  const refreshers = new Map<string, () => void>();
  const ongoing = ongoingFeed(socket);
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
  // After a reconnect the rooms are new and so is the feed: follow again, and read what was missed.
  socket.on('ready', () => {
    for (const id of followed) void socket.emitWithAck('follow', id);
    ongoing.restart();
  });
  return {
    async follow(id) {
      followed.add(id);
      return socket.connected ? ((await socket.emitWithAck('follow', id)) as boolean) : true;
    },
    watchOngoing: ongoing.watch,
    onAlert(listener) {
      alertListeners.add(listener);
      return () => alertListeners.delete(listener);
    },
    close: () => socket.close(),
  };
}

/** A subscription unanswered this long (the socket went meanwhile) is given up; the next connect tries again. */
const SUBSCRIBE_TIMEOUT_MS = 10_000;

/**
 * The ongoing list's one feed on this socket: subscribed on each connect, its messages passed on in
 * `seq` order; a gap (or a new feed) asks for the list again. A refused subscription leaves the list
 * as REST shows it, without live rows.
 */
export function ongoingFeed(socket: Pick<Socket, 'on' | 'timeout' | 'connected'>) {
  let current: { subscription: OngoingSubscription; watch: OngoingWatch; feed: number | null; seq: number } | null =
    null;
  let attempt = 0;
  async function subscribe() {
    const mine = current;
    if (!mine || !socket.connected) return;
    const tried = ++attempt;
    mine.feed = null;
    const raw: unknown = await socket
      .timeout(SUBSCRIBE_TIMEOUT_MS)
      .emitWithAck(SocketEvents.ongoingSubscribe, mine.subscription)
      .catch(() => null);
    const answer = OngoingSubscribed.safeParse(raw);
    if (current !== mine || tried !== attempt || !answer.success || !answer.data.ok) return;
    mine.feed = answer.data.feed;
    mine.seq = 0;
    mine.watch.onResync();
  }
  socket.on(SocketEvents.ongoingPatch, (raw: unknown) => {
    const parsed = OngoingFeedMessage.safeParse(raw);
    if (!current || !parsed.success || parsed.data.feed !== current.feed || parsed.data.seq <= current.seq) return;
    const gap = parsed.data.seq !== current.seq + 1;
    current.seq = parsed.data.seq;
    current.watch.onMessage(parsed.data);
    if (gap) current.watch.onResync();
  });
  return {
    restart: () => void subscribe(),
    watch(subscription: OngoingSubscription, watch: OngoingWatch) {
      const mine = { subscription, watch, feed: null, seq: 0 };
      current = mine;
      void subscribe();
      return () => {
        if (current === mine) current = null;
      };
    },
  };
}
