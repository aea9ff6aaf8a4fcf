import type { Offer } from '@switchboard/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { ApiCallError, call } from '../api/api';
import { createOutboxRunner, newOutboxEntry, type OutboxInput } from '../lib/outbox';
import { connectRealtime } from '../realtime/realtime';
import { useAuth } from './auth-store';
import { useConnection } from './connection-store';
import { useOffers } from './offers-store';
import { outboxPort, useOutbox } from './outbox-store';
import { presencePushed, resetPresenceSync } from './presence-sync';
import { useSessions } from './sessions-store';
import { createTimelineSync } from './timeline-sync';
import { resetTimelines, timelinesPort } from './timelines-store';
import { createConsultServices } from './consult-services';
import { createTransferServices } from './transfer-services';
import { useTransfers } from './transfers-store';

export const conversationsKey = ['conversations'] as const;
/** Open items of pick workstreams (AG10): polled, so kept apart from my own lists. */
export const pickableKey = ['pickable'] as const;

/**
 * Everything the signed-in workspace runs: the realtime connection, history sync, the outbox,
 * offers, transfers and consults. Components reach it through ServicesContext; stop() tears it
 * all down.
 */
export function startWorkspace(token: string, userId: string, queryClient: QueryClient) {
  useSessions.getState().hydrate(userId);
  useOutbox.getState().hydrate(userId);
  useConnection.getState().reset();
  useOffers.getState().clear();
  useTransfers.getState().clear();
  resetPresenceSync();
  resetTimelines();

  const invalidateLists = () => void queryClient.invalidateQueries({ queryKey: conversationsKey });
  const sync = createTimelineSync(
    {
      getConversation: (id) => call('getConversation', { params: { id } }),
      listEvents: async (id, after) => (await call('listEvents', { params: { id }, query: { after } })).events,
    },
    timelinesPort,
    (err) => console.warn('catching up on events failed', err),
  );

  const outbox = createOutboxRunner({
    store: outboxPort,
    send: (e) =>
      call('sendMessage', {
        params: { id: e.conversationId },
        body: {
          clientMessageId: e.clientMessageId,
          text: e.text,
          internal: e.internal,
          attachmentIds: (e.attachments ?? []).map((a) => a.id),
        },
      }),
    onSent: (_entry, event) => sync.receive(event),
    now: Date.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });

  /** Answers how far this browser's clock is ahead of the server's, as the answer showed it. */
  async function refreshOffers(): Promise<number> {
    const requestedAt = Date.now();
    try {
      const { offers, serverTime } = await call('listOffers');
      const answeredAt = Date.now();
      useOffers.getState().sync(offers, requestedAt, serverTime, answeredAt);
      return answeredAt - Date.parse(serverTime);
    } catch (err) {
      console.warn('loading offers failed', err);
      return 0;
    }
  }

  const openSession = (id: string) => {
    useSessions.getState().open(id);
    realtime.follow(id);
  };
  const closeSession = (id: string) => {
    useSessions.getState().close(id);
    sync.drop(id);
  };
  const summaryOf = (id: string) => {
    const entry = timelinesPort.get(id);
    return entry?.status === 'ready' ? entry.summary : undefined;
  };
  const transfers = createTransferServices({
    userId,
    sync,
    summaryOf,
    openSession,
    closeSession,
    invalidateLists,
  });
  const consults = createConsultServices({
    userId,
    sync,
    summaryOf,
    closeSession,
    invalidateLists,
  });
  const refreshAlerts = () => void refreshOffers().then((skewMs) => transfers.refresh(skewMs));

  const realtime = connectRealtime(token, {
    onStatus: (status) => useConnection.getState().setStatus(status),
    onReady() {
      refreshAlerts();
      void sync.catchUpAll();
      for (const id of useSessions.getState().openIds) realtime.follow(id);
      invalidateLists();
      void queryClient.invalidateQueries({ queryKey: pickableKey });
      outbox.retryNow();
    },
    onConversationEvent(event) {
      if (event.type === 'transfer') transfers.observed(event);
      if (event.type === 'consult') consults.observed(event);
      void sync.receive(event);
      if (event.type === 'state' || event.type === 'accepted') invalidateLists();
      if (event.type === 'message' && event.message.kind === 'customer')
        useConnection.getState().setTyping(event.conversationId, '', false);
    },
    onOffer: (offer) => useOffers.getState().add(offer),
    onOfferClosed(closed) {
      useOffers.getState().remove(closed.offerId);
      if (closed.outcome === 'accepted') invalidateLists();
    },
    onTransfer: (transfer) => transfers.pushed(transfer),
    onTransferClosed: (closed) => transfers.closed(closed),
    onPresence: (presence) => presencePushed(presence),
    onTyping(typing) {
      if (typing.from === 'customer')
        useConnection.getState().setTyping(typing.conversationId, typing.name, typing.isTyping);
    },
    onUnauthorized: () => useAuth.getState().signOut('expired'),
  });

  const onOnline = () => outbox.retryNow();
  window.addEventListener('online', onOnline);
  refreshAlerts();
  outbox.kick();

  /** Accept/reject: a refusal (4xx) means the offer is gone; on a network error it stays. */
  async function answer(offer: Offer, route: 'acceptOffer' | 'rejectOffer') {
    try {
      await call(route, { params: { id: offer.id }, body: {} });
      useOffers.getState().remove(offer.id);
    } catch (err) {
      if (err instanceof ApiCallError && err.status < 500) useOffers.getState().remove(offer.id);
      throw err;
    }
  }

  const services = {
    sync,
    send(input: Omit<OutboxInput, 'clientMessageId'>) {
      useOutbox.getState().add(newOutboxEntry({ ...input, clientMessageId: crypto.randomUUID() }, Date.now()));
      outbox.kick();
    },
    retrySend: (clientMessageId: string) => outbox.retryFailed(clientMessageId),
    discardSend: (clientMessageId: string) => outboxPort.remove(clientMessageId),
    emitTyping: realtime.emitTyping,
    async accept(offer: Offer) {
      await answer(offer, 'acceptOffer');
      useSessions.getState().open(offer.conversationId);
      realtime.follow(offer.conversationId);
      invalidateLists();
    },
    reject: (offer: Offer) => answer(offer, 'rejectOffer'),
    ...transfers.commands,
    ...consults.commands,
    /**
     * Takes an open item (AG10): accepted at once, so it joins my list and opens as a session.
     * A refusal (409: taken by someone else, or my capacity is full) is thrown to the caller.
     */
    async pick(id: string) {
      await call('pickConversation', { params: { id }, body: {} });
      useSessions.getState().open(id);
      realtime.follow(id);
      invalidateLists();
    },
    async endConversation(id: string) {
      await call('endConversation', { params: { id }, body: {} });
      await sync.catchUp(id);
      invalidateLists();
    },
    async parkConversation(id: string) {
      await call('parkConversation', { params: { id }, body: {} });
      await sync.catchUp(id);
      invalidateLists();
    },
    async resumeConversation(id: string) {
      await call('resumeConversation', { params: { id }, body: {} });
      await sync.catchUp(id);
      invalidateLists();
    },
    async closeConversation(id: string) {
      await call('closeConversation', { params: { id }, body: {} });
      await sync.catchUp(id);
      invalidateLists();
    },
    openSession,
    closeSession,
  };

  return {
    services,
    stop() {
      window.removeEventListener('online', onOnline);
      outbox.stop();
      realtime.close();
    },
  };
}

export type WorkspaceServices = ReturnType<typeof startWorkspace>['services'];
