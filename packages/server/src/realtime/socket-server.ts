import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { SocketEvents, TypingSignal, type Presence } from '@switchboard/protocol';
import type { TokenIssuer } from '../auth/tokens.js';
import type { DomainEvent } from '../domain/events.js';
import type { Identity } from '../services/identity.js';
import { stateForOutcome } from '../domain/notifications/answers.js';
import { opensEventSocket } from '../domain/users/route-access.js';
import { createOngoingFeeds, type OngoingReads } from './ongoing-feeds.js';
import { createPresenceFollower } from './presence-follower.js';
import { rooms } from './rooms.js';

/** How often open staff sockets have their session checked again (`recheckSessions`). */
const SESSION_RECHECK_MS = 15_000;

export type RealtimeDeps = {
  httpServer: HttpServer;
  tokens: TokenIssuer;
  log: Logger;
  redisUrl?: string;
  /** Conversation ids whose staff room this user joins on connect. */
  ongoingFor(orgId: string, userId: string): Promise<string[]>;
  canFollow(who: Extract<Identity, { kind: 'staff' }>, conversationId: string): Promise<boolean>;
  /** Whether a staff member's typing reaches the customer: the accepted primary or an allowed consultant (CV2). */
  mayTypeToCustomer(who: Extract<Identity, { kind: 'staff' }>, conversationId: string): Promise<boolean>;
  /** Whether a page of this origin may open this socket (X3: staff same-origin, visitors their widget's sites). */
  originAllowed(origin: string | undefined, host: string | undefined, who: Identity): Promise<boolean>;
  /** A staff member has sockets (connected) or none: presence follows; answers it for an agent (AG1). */
  onPresence(who: Extract<Identity, { kind: 'staff' }>, connected: boolean): Promise<Presence | void>;
  /** The ongoing list's reads for the supervisors' live feeds (SV1). */
  ongoing: OngoingReads;
};

/** Between nodes (a server-side event, carried by the Redis adapter): which conversations changed (SV1). */
const ONGOING_CHANGED = 'ongoing:changed';

/**
 * Socket.IO carries events only; commands go over REST. Staff sockets join their user room and
 * the rooms of the conversations they work; a visitor socket joins its one conversation's public room.
 */
export async function createRealtime(deps: RealtimeDeps) {
  const io = new Server(deps.httpServer, { path: '/socket.io', cors: { origin: true }, serveClient: false });
  const redis: Redis[] = [];
  let closing = false;
  // Set just before Redis is quit: an emit after it would reject unhandled in the adapter's publish.
  let quitting = false;
  if (deps.redisUrl) {
    const pub = new Redis(deps.redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redis.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }

  // Each node filters for its own sockets: a change goes to every node, and each reads it for its feeds.
  const feeds = createOngoingFeeds({
    reads: deps.ongoing,
    log: deps.log,
    share: deps.redisUrl
      ? (batch) => {
          if (!quitting) io.serverSideEmit(ONGOING_CHANGED, batch);
        }
      : null,
  });
  io.on(ONGOING_CHANGED, (batch: unknown) => feeds.received(batch));

  // Presence follows the live socket count, settled one at a time per user (presence-follower.ts).
  const presence = createPresenceFollower<Extract<Identity, { kind: 'staff' }>>({
    countSockets: async (userId) =>
      (
        await io
          .in(rooms.user(userId))
          .fetchSockets()
          .catch(() => [{}])
      ).length,
    setConnected: (who, connected) => deps.onPresence(who, connected),
    push: (userId, value) => {
      if (!quitting) io.to(rooms.user(userId)).emit(SocketEvents.presence, { presence: value });
    },
    onError: (err) => deps.log.error({ msg: 'presence on connect or disconnect failed', err }),
  });

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const who = typeof token === 'string' ? await deps.tokens.verify(token) : null;
    if (!who) return next(new Error('unauthorized: a valid token is required'));
    if (who.kind === 'staff' && !opensEventSocket(who.role))
      return next(new Error('forbidden: an API key is for the REST API; events are for the staff apps'));
    socket.data.who = who;
    socket.data.token = token;
    next();
  });

  // After the token check: which page opened this socket? The same rule as the REST API's CORS (http/cors.ts).
  io.use(async (socket, next) => {
    const { origin, host } = socket.handshake.headers;
    const allowed = await deps.originAllowed(origin, host, socket.data.who as Identity).catch(() => false);
    next(allowed ? undefined : new Error(`forbidden: a page of ${origin} may not open this socket`));
  });

  io.on('connection', async (socket: Socket) => {
    const who = socket.data.who as Identity;
    if (who.kind === 'visitor') {
      await socket.join(rooms.customer(who.conversationId));
    } else {
      // Listened for first: a socket that goes while it is still joining must settle presence too.
      socket.on('disconnect', async () => {
        // A shutting-down node is not the agent leaving: they reconnect to this or another node.
        if (!closing) await presence.settle(who);
      });
      await socket.join([rooms.user(who.userId), rooms.org(who.orgId), rooms.session(who.sessionId)]);
      if (who.role === 'supervisor' || who.role === 'admin') await socket.join(rooms.oversight(who.orgId));
      const ongoing = await deps.ongoingFor(who.orgId, who.userId);
      await socket.join(ongoing.map(rooms.staff));
      // Settled before 'ready', and pushed to this socket too: the workspace shows it at once.
      await presence.settle(who);
    }
    socket.emit('ready');

    socket.on(SocketEvents.typing, async (raw: unknown) => {
      const parsed = TypingSignal.safeParse(raw);
      if (!parsed.success) return;
      const { conversationId, isTyping } = parsed.data;
      if (who.kind === 'visitor') {
        if (conversationId !== who.conversationId) return;
        socket
          .to(rooms.staff(conversationId))
          .emit(SocketEvents.typing, { conversationId, isTyping, from: 'customer', name: who.name });
      } else if (socket.rooms.has(rooms.staff(conversationId))) {
        // The staff room is not enough: a monitoring supervisor or an agent only offered it must not seem to answer.
        const may = await deps.mayTypeToCustomer(who, conversationId).catch((err: unknown) => {
          deps.log.error({ msg: 'typing check failed', err });
          return false;
        });
        const signal = { conversationId, isTyping, from: 'agent' as const, name: who.name };
        if (may) socket.to(rooms.customer(conversationId)).emit(SocketEvents.typing, signal);
      }
    });

    // Supervisors (and agents re-opening a tab) follow a conversation they are allowed to see.
    socket.on('follow', async (raw: unknown, ack?: (ok: boolean) => void) => {
      const id = typeof raw === 'string' ? raw : '';
      const allowed = who.kind === 'staff' && /^[0-9a-f-]{36}$/.test(id) && (await deps.canFollow(who, id));
      if (allowed) await socket.join(rooms.staff(id));
      ack?.(allowed);
    });

    // Supervisors follow the ongoing list as their desk filters it (SV1): ongoing-feeds.ts.
    socket.on(SocketEvents.ongoingSubscribe, (raw: unknown, ack?: unknown) => feeds.subscribe(socket, raw, ack));
    socket.on('disconnect', () => feeds.drop(socket));
  });

  /** Delivers domain events to the sockets that should see them, on every node. */
  function deliver(event: DomainEvent): void {
    if (quitting) return;
    feeds.note(event);
    switch (event.kind) {
      case 'conversation-event':
        io.to(rooms.staff(event.conversationId)).emit(SocketEvents.conversationEvent, event.staff);
        if (event.customer)
          io.to(rooms.customer(event.conversationId)).emit(SocketEvents.conversationEvent, event.customer);
        return;
      case 'assigned':
        io.in(rooms.user(event.agentId)).socketsJoin(rooms.staff(event.conversationId));
        return;
      case 'offer-created':
        io.to(rooms.user(event.agentId)).emit(SocketEvents.offer, event.offer);
        return;
      case 'offer-closed':
        io.to(rooms.user(event.agentId)).emit(SocketEvents.offerClosed, event.closed);
        // An alert has its offer's id and closed with it, in the offer's transaction (AG2).
        io.to(rooms.user(event.agentId)).emit(SocketEvents.notificationClosed, {
          id: event.closed.offerId,
          state: stateForOutcome(event.closed.outcome),
        });
        if (event.closed.outcome !== 'accepted')
          io.in(rooms.user(event.agentId)).socketsLeave(rooms.staff(event.closed.conversationId));
        return;
      case 'transfer-requested':
        io.to(rooms.user(event.agentId)).emit(SocketEvents.transfer, event.transfer);
        return;
      case 'transfer-closed':
        io.to(rooms.user(event.agentId)).emit(SocketEvents.transferClosed, event.closed);
        io.to(rooms.user(event.agentId)).emit(SocketEvents.notificationClosed, {
          id: event.closed.id,
          state: stateForOutcome(event.closed.outcome),
        });
        return;
      case 'notification-created':
        io.to(rooms.user(event.recipientId)).emit(SocketEvents.notification, event.notification);
        return;
      case 'notification-closed':
        io.to(rooms.user(event.recipientId)).emit(SocketEvents.notificationClosed, event.closed);
        return;
      case 'left':
        io.in(rooms.user(event.agentId)).socketsLeave(rooms.staff(event.conversationId));
        return;
      case 'presence-changed':
        io.to(rooms.user(event.userId)).emit(SocketEvents.presence, { presence: event.presence });
        return;
      case 'sentiment-changed': {
        const { conversationId, level, holder } = event;
        // The agent's user room, not the staff room: consultants and monitors must not get it (SV8).
        if (holder)
          io.to(rooms.user(holder.agentId)).emit(SocketEvents.customerSentiment, {
            conversationId,
            level,
            low: holder.low,
          });
        return;
      }
      case 'sentiment-alert': {
        // Rooms, not sockets: through the Redis adapter each node emits to its own sockets in them.
        const { audience } = event;
        const to = audience.kind === 'oversight' ? rooms.oversight(event.orgId) : audience.userIds.map(rooms.user);
        io.to(to).emit(SocketEvents.sentimentAlert, event.alert);
        return;
      }
      case 'records-linked':
        io.to(rooms.staff(event.conversationId)).emit(SocketEvents.recordsLinked, event.links);
        return;
      case 'workspace-changed':
        io.to(rooms.user(event.userId)).emit(SocketEvents.workspaceChanged, {
          version: event.version,
          changes: event.changes,
        });
        return;
    }
  }

  /**
   * A staff socket lives for hours on the token it connected with: every few seconds each one's
   * session is checked again (one shared lookup for all of them), so a sign-out elsewhere, a disabled
   * account or organisation ends its sockets, and a changed role holds for what the socket does next.
   */
  async function recheckSessions(): Promise<number> {
    const staff = [...io.of('/').sockets.values()].filter((s) => (s.data.who as Identity).kind === 'staff');
    let ended = 0;
    await Promise.all(
      staff.map(async (socket) => {
        const fresh = await deps.tokens.verify(socket.data.token as string).catch(() => undefined);
        if (fresh === undefined) return; // the database did not answer: decide next time
        const who = socket.data.who as Identity;
        if (fresh === null || fresh.kind !== 'staff' || who.kind !== 'staff') {
          socket.disconnect(true);
          ended += 1;
        } else Object.assign(who, { role: fresh.role, name: fresh.name });
      }),
    );
    return ended;
  }
  const recheck = setInterval(() => void recheckSessions(), SESSION_RECHECK_MS);
  recheck.unref();

  return {
    io,
    deliver,
    recheckSessions,
    /** Resolves once the changes noted so far have reached the ongoing lists' feeds. */
    feedsIdle: () => feeds.idle(),
    /** Closes every socket of a staff session, on every node (the Redis adapter carries it): sign-out. */
    endSession(sessionId: string) {
      if (!quitting) io.in(rooms.session(sessionId)).disconnectSockets(true);
    },
    async close() {
      closing = true;
      clearInterval(recheck);
      feeds.close();
      // No disconnectSockets(): a server-side disconnect tells clients not to reconnect, while
      // closing the transport lets them come back on their own to this or another node.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      quitting = true;
      await Promise.all(redis.map((r) => r.quit().catch(() => undefined)));
    },
  };
}

export type Realtime = Awaited<ReturnType<typeof createRealtime>>;
