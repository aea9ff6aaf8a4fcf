import type { Notification, Offer } from '@switchboard/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { ApiCallError, call } from '../api/api';
import { createOutboxRunner, isTransientForStaff, newOutboxEntry } from '@switchboard/live';
import { connectRealtime } from '../realtime/realtime';
import { useAuth } from './auth-store';
import { useConnection } from './connection-store';
import { useNotifications } from './notifications-store';
import { outboxPort, useOutbox, type AgentMessage } from './outbox-store';
import { presencePushed, resetPresenceSync } from './presence-sync';
import { bindSessions, showWorkspace, useSessions } from './sessions-store';
import { browserChannel } from './workspace-channel';
import { createWorkspaceSync } from './workspace-sync';
import { createTimelineSync } from './timeline-sync';
import { resetTimelines, timelinesPort } from './timelines-store';
import { createConsultServices } from './consult-services';
import { createTransferServices } from './transfer-services';
import { useSentiments } from './sentiment-store';
import { useTransfers } from './transfers-store';
import { useWorkspaceRefusals } from './workspace-refusals';
import { refreshRecords } from '../hooks/use-records';

export const conversationsKey = ['conversations'] as const;
/** Under the lists' key: whatever changes a list refreshes the home view's counts too (AG10). */
export const homeKey = [...conversationsKey, 'home'] as const;
/** Open items of pick workstreams (AG10): polled, so kept apart from my own lists. */
export const pickableKey = ['pickable'] as const;

/**
 * Everything the signed-in workspace runs: the realtime connection, history sync, the outbox,
 * offers, transfers and consults. Components reach it through ServicesContext; stop() tears it
 * all down.
 */
export function startWorkspace(token: string, userId: string, queryClient: QueryClient) {
  // Sessions, drafts and scroll live on the server (AG3): the same in every tab and on every machine.
  const workspace = createWorkspaceSync({
    load: () => call('getWorkspace'),
    write: (baseVersion, changes) => call('writeWorkspace', { body: { baseVersion, changes } }),
    channel: browserChannel(`switchboard.workspace.${userId}`),
    show: showWorkspace,
    isRefusal: (err) => err instanceof ApiCallError && err.status < 500,
    refused: (err) => useWorkspaceRefusals.getState().refused(err instanceof Error ? err.message : String(err)),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  bindSessions(workspace);
  useOutbox.getState().hydrate(userId);
  useConnection.getState().reset();
  useNotifications.getState().clear();
  useTransfers.getState().clear();
  resetPresenceSync();
  resetTimelines();
  useSentiments.getState().clear();

  const invalidateLists = () => void queryClient.invalidateQueries({ queryKey: conversationsKey });
  const sync = createTimelineSync(
    {
      async getConversation(id) {
        const detail = await call('getConversation', { params: { id } });
        useSentiments.getState().read(id, detail.customerSentiment);
        return detail;
      },
      listEvents: async (id, after) => (await call('listEvents', { params: { id }, query: { after } })).events,
    },
    timelinesPort,
    (err) => console.warn('catching up on events failed', err),
  );

  const outbox = createOutboxRunner({
    store: outboxPort,
    retryable: isTransientForStaff,
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

  /**
   * My pending notifications (AG2), after every (re)connect; answers how far this browser's clock
   * is ahead of the server's, as the answer showed it.
   */
  async function refreshNotifications(): Promise<number> {
    const requestedAt = Date.now();
    try {
      const { notifications, serverTime } = await call('listNotifications');
      const answeredAt = Date.now();
      useNotifications.getState().sync(notifications, requestedAt, serverTime, answeredAt);
      return answeredAt - Date.parse(serverTime);
    } catch (err) {
      console.warn('loading notifications failed', err);
      return 0;
    }
  }

  const openSession = (id: string) => {
    useSessions.getState().open(id, summaryOf(id)?.customerName);
    realtime.follow(id);
  };
  const closeSession = (id: string) => {
    useSessions.getState().close(id);
    sync.drop(id);
  };
  function summaryOf(id: string) {
    const entry = timelinesPort.get(id);
    return entry?.status === 'ready' ? entry.summary : undefined;
  }
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
  const refreshAlerts = () => void refreshNotifications();

  const realtime = connectRealtime(token, {
    onStatus: (status) => useConnection.getState().setStatus(status),
    onReady() {
      void workspace.refresh().catch((err: unknown) => console.warn('reading the workspace failed', err));
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
    onOfferClosed(closed) {
      if (closed.outcome === 'accepted') invalidateLists();
    },
    onNotification(n) {
      useNotifications.getState().add(n);
      // Auto-accepted work is mine already: it shows in my list at once.
      if (n.scenario === 'assigned') invalidateLists();
    },
    onNotificationClosed: (closed) => useNotifications.getState().remove(closed.id),
    onTransferClosed: (closed) => transfers.closed(closed),
    onPresence: (presence) => presencePushed(presence),
    onTyping(typing) {
      if (typing.from === 'customer')
        useConnection.getState().setTyping(typing.conversationId, typing.name, typing.isTyping);
    },
    onWorkspaceChanged: (changed) => void workspace.received(changed),
    onCustomerSentiment: (changed) => useSentiments.getState().pushed(changed),
    onRecordsLinked: () => void refreshRecords(queryClient),
    onUnauthorized: () => useAuth.getState().signOut('expired'),
  });

  const onOnline = () => outbox.retryNow();
  window.addEventListener('online', onOnline);
  // A draft typed just before a reload or a closed tab still reaches the server.
  const onHide = () => workspace.flushNow();
  window.addEventListener('pagehide', onHide);
  refreshAlerts();
  outbox.kick();

  type Subject = Pick<Offer, 'id' | 'conversationId'>;

  /**
   * The one way a notification is answered (AG2): an alert's Accept or Reject goes to its offer's
   * or transfer's route, a toast is opened or dismissed. A refusal (4xx) means it is gone; on a
   * network error it stays.
   */
  async function answerNotification(n: Notification, answer: 'accept' | 'reject' | 'open' | 'dismiss') {
    try {
      if ((answer === 'accept' || answer === 'reject') && n.subject) {
        const subject = { id: n.subject.id, conversationId: n.conversationId ?? '' };
        if (n.subject.type === 'offer') await (answer === 'accept' ? accept(subject) : reject(subject));
        else await transfers.commands[answer === 'accept' ? 'acceptTransfer' : 'rejectTransfer'](subject);
      } else if (answer === 'open') {
        await call('openNotification', { params: { id: n.id }, body: {} });
        if (n.conversationId) openSession(n.conversationId);
      } else await call('dismissNotification', { params: { id: n.id }, body: {} });
      useNotifications.getState().remove(n.id);
    } catch (err) {
      if (err instanceof ApiCallError && err.status < 500) useNotifications.getState().remove(n.id);
      throw err;
    }
  }

  async function accept(offer: Subject) {
    await call('acceptOffer', { params: { id: offer.id }, body: {} });
    useSessions.getState().open(offer.conversationId);
    realtime.follow(offer.conversationId);
    invalidateLists();
  }
  const reject = (offer: Subject) => call('rejectOffer', { params: { id: offer.id }, body: {} });

  const services = {
    sync,
    send(input: Omit<AgentMessage, 'clientMessageId'>) {
      useOutbox.getState().add(newOutboxEntry({ ...input, clientMessageId: crypto.randomUUID() }, Date.now()));
      outbox.kick();
    },
    retrySend: (clientMessageId: string) => outbox.retryFailed(clientMessageId),
    discardSend: (clientMessageId: string) => outboxPort.remove(clientMessageId),
    emitTyping: realtime.emitTyping,
    answerNotification,
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
    /** Takes a closed SMS conversation up again (AG10): it is mine, accepted, and opens as a session. */
    async reopenConversation(id: string) {
      await call('reopenConversation', { params: { id }, body: {} });
      useSessions.getState().open(id);
      realtime.follow(id);
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
    /** Resolves once the stored workspace was read (the page waits for it, so nothing flashes empty). */
    ready: workspace.start().catch((err: unknown) => console.warn('reading the workspace failed', err)),
    stop() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pagehide', onHide);
      workspace.stop();
      bindSessions(null);
      outbox.stop();
      realtime.close();
    },
  };
}

export type WorkspaceServices = ReturnType<typeof startWorkspace>['services'];
