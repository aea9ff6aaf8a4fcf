import type { ContextVariables, JourneyKind } from '@switchboard/protocol';
import type { ApiEventName, PendingAction } from '../shared/api-messages.js';
import { BRIDGE_SOURCE } from '../shared/bridge.js';
import { createApiEvents, type ApiListener } from './api-events.js';
import { consumeResumeToken, installCarryLinks } from './carry.js';
import { createJourneyQueue, newAction } from './journey-queue.js';
import { BADGE_CSS, createLauncherAlerts } from './launcher-alerts.js';
import type { WidgetHost } from './widget-host.js';

/** The JavaScript API beside open/close/setContextProvider (CH1, docs/widget-api.md). */
export type HostApi = {
  startChat(options?: { customContext?: ContextVariables }): Promise<void>;
  endChat(): void;
  trackPageVisited(url?: string, title?: string): void;
  trackSearch(query: string, resultsCount?: number): void;
  trackArticleViewed(id: string, title: string): void;
  trackCustomAction(name: string, detail?: Record<string, unknown>): void;
  on(name: ApiEventName, fn: ApiListener): void;
  off(name: ApiEventName, fn: ApiListener): void;
  carryLinks(selector: string): void;
};

const localStore = (win: Window): Storage | null => {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
};

/**
 * The host page's side of the API. Tracking waits in the host page's storage until a chat
 * exists, goes with its start request, and during a chat is sent at once; events come from the
 * iframe, which alone talks to the server.
 */
export function createHostApi(
  host: WidgetHost,
  widgetId: string,
  win: Window,
  doc: Document,
): HostApi & { destroy(): void } {
  const events = createApiEvents(win);
  const queue = createJourneyQueue(widgetId, localStore(win));
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  doc.head.appendChild(style);
  const alerts = createLauncherAlerts(host.launcher, win, doc);
  let chatActive = false;
  const linkWaiters = new Map<string, (token: string | null) => void>();

  const post = host.post;
  const offerPending = () => post({ source: BRIDGE_SOURCE, type: 'journey', actions: queue.list() });

  function flushToChat() {
    const actions = queue.list();
    if (!actions.length) return;
    post({ source: BRIDGE_SOURCE, type: 'track', actions });
    queue.clear();
  }

  function track(kind: JourneyKind, name: unknown, detail: Record<string, unknown>) {
    const action = newAction(kind, name, detail, new Date());
    if (!action) return;
    if (chatActive) {
      post({ source: BRIDGE_SOURCE, type: 'track', actions: [action] });
      return;
    }
    queue.add(action);
    offerPending();
  }

  host.onFrameMessage((m) => {
    switch (m.type) {
      case 'ready':
        offerPending();
        events.emit('ready', {});
        return;
      case 'chat':
        chatActive = m.active;
        if (chatActive) flushToChat();
        return;
      case 'journey-taken':
        queue.remove(m.keys);
        return;
      case 'resume-link':
        linkWaiters.get(m.requestId)?.(m.token);
        linkWaiters.delete(m.requestId);
        return;
      case 'event':
        if (m.name === 'unreadCount') alerts.setUnread(Number(m.detail.count) || 0);
        events.emit(m.name, m.detail);
        return;
    }
  });

  function requestToken(): Promise<string | null> {
    const requestId = Math.random().toString(36).slice(2);
    return new Promise((resolve) => {
      linkWaiters.set(requestId, resolve);
      post({ source: BRIDGE_SOURCE, type: 'resume-link-request', requestId });
    });
  }
  const carry = installCarryLinks(doc, win, requestToken, () => chatActive);

  // Arrived through a carried link: the iframe exchanges the token for the same chat.
  const resume = consumeResumeToken(win);
  if (resume) post({ source: BRIDGE_SOURCE, type: 'resume', token: resume });

  const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

  return {
    async startChat(options = {}) {
      await host.setCustomContext(options.customContext ?? {});
      post({ source: BRIDGE_SOURCE, type: 'start-chat' });
      host.open();
    },
    endChat: () => post({ source: BRIDGE_SOURCE, type: 'end-chat' }),
    trackPageVisited(url, title) {
      const detail = title === undefined ? {} : { title: text(title) };
      track(
        'page-visited',
        text(url) || win.location.href,
        title === undefined && doc.title ? { title: doc.title } : detail,
      );
    },
    trackSearch(query, resultsCount) {
      track('search', text(query), typeof resultsCount === 'number' ? { resultsCount } : {});
    },
    trackArticleViewed(id, title) {
      track('article-viewed', text(title) || text(id), { id: text(id) });
    },
    trackCustomAction(name, detail) {
      track('custom', text(name), detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {});
    },
    on: events.on,
    off: events.off,
    carryLinks: carry.add,
    destroy() {
      carry.destroy();
      alerts.destroy();
      style.remove();
    },
  };
}

export type { PendingAction };
