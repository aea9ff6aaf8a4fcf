import {
  createApiClient,
  MAX_JOURNEY_ACTIONS,
  type ApiClient,
  type ContextVariables,
  type ConversationEvent,
  type JourneyActionInput,
} from '@switchboard/protocol';
import { chatStatus } from '@switchboard/live';
import { toJourneyInput, type ApiFrameToHost, type PendingAction } from '../../shared/api-messages.js';
import { BRIDGE_SOURCE, type HostToFrame } from '../../shared/bridge.js';
import type { ChatSession, ChatSnapshot } from './chat-session.js';
import type { HostBridge } from './host-bridge.js';
import { validatePrechat } from './prechat-validation.js';
import { setPrefill } from './prefill.js';
import type { ChatStorage } from './storage.js';

type Send = (message: ApiFrameToHost, opts?: { secret?: boolean }) => boolean;

export type PageApiDeps = {
  widgetId: string;
  storage: ChatStorage;
  send: Send;
  fetch?: typeof fetch;
};

/** Messages a visitor gets told about: not their own, never internal notes. */
const fromOthers = (e: ConversationEvent) =>
  e.type === 'message' && e.message.kind !== 'customer' && e.message.kind !== 'note';
const answersFrom = (ctx: ContextVariables) => {
  const pick = (k: string) => {
    const v = ctx[k] ?? ctx[k[0]!.toUpperCase() + k.slice(1)];
    return typeof v === 'string' ? v : '';
  };
  return { name: pick('name'), email: pick('email'), question: pick('question') };
};

/**
 * The iframe's side of the host page's JavaScript API (CH1, docs/widget-api.md): commands from
 * the loader (start, end, tracking, a carried chat) and the events it hears, read from the
 * session's snapshots: chatStarted, chatEnded, messageReceived, unreadCount.
 */
export function connectPageApi(session: ChatSession, deps: PageApiDeps) {
  const api: ApiClient = createApiClient({ baseUrl: '', getToken: () => deps.storage.read().token, fetch: deps.fetch });
  let context: ContextVariables = {};
  let pending: PendingAction[] = [];
  let open = deps.storage.read().open;
  let unread = 0;
  let active: boolean | null = null;
  let seen: { conversationId: string | null; lastSeq: number; phase: ChatSnapshot['phase']; ended: boolean } = {
    conversationId: null,
    lastSeq: 0,
    phase: 'loading',
    ended: false,
  };

  const emit = (name: Extract<ApiFrameToHost, { type: 'event' }>['name'], detail: Record<string, unknown>) =>
    deps.send({ source: BRIDGE_SOURCE, type: 'event', name, detail });
  const setUnread = (n: number) => {
    if (n === unread) return;
    unread = n;
    emit('unreadCount', { count: n });
  };

  /** The start request carries the waiting actions; the loader forgets the ones it sent. */
  const journey = {
    pending: (): JourneyActionInput[] => pending.slice(-MAX_JOURNEY_ACTIONS).map(toJourneyInput),
    sent(actions: JourneyActionInput[]) {
      if (!actions.length) return;
      const keys = pending.slice(-MAX_JOURNEY_ACTIONS).map((a) => a.key);
      pending = [];
      deps.send({ source: BRIDGE_SOURCE, type: 'journey-taken', keys });
    },
  };

  function observe(snap: ChatSnapshot) {
    const ended = chatStatus(snap.status) === 'ended';
    const id = snap.conversationId;
    if (snap.phase === 'chat' && id) {
      if (id !== seen.conversationId) {
        // A chat shown for the first time here: its history is no news. Only a start from the form is "started".
        if (seen.phase === 'prechat') emit('chatStarted', { conversationId: id });
        setUnread(0);
      } else {
        const fresh = snap.timeline.events.filter((e) => e.seq > seen.lastSeq && fromOthers(e));
        for (const e of fresh) {
          if (e.type !== 'message') continue;
          const m = e.message;
          emit('messageReceived', {
            conversationId: id,
            kind: m.kind,
            text: m.text,
            authorName: m.authorName,
            at: m.at,
          });
        }
        if (!open && fresh.length) setUnread(unread + fresh.length);
        if (ended && !seen.ended) emit('chatEnded', { conversationId: id });
      }
    }
    const nowActive = snap.phase === 'chat' && !!id && !ended;
    if (nowActive !== active && snap.phase !== 'loading') {
      active = nowActive;
      deps.send({ source: BRIDGE_SOURCE, type: 'chat', active });
    }
    seen = { conversationId: id, lastSeq: snap.timeline.lastSeq, phase: snap.phase, ended };
  }
  const unsubscribe = session.subscribe(() => observe(session.getSnapshot()));

  async function sendTracked(actions: PendingAction[]) {
    const id = session.getSnapshot().conversationId;
    if (!id || !deps.storage.read().token) return;
    for (let i = 0; i < actions.length; i += MAX_JOURNEY_ACTIONS) {
      const chunk = actions.slice(i, i + MAX_JOURNEY_ACTIONS).map(toJourneyInput);
      await api.call('visitorJourney', { params: { id }, body: { actions: chunk } }).catch((err: unknown) => {
        console.warn('[switchboard] a tracked action was not stored', err);
      });
    }
  }

  /** The stored chat is still being reloaded: wait for it, or a second chat would start beside it. */
  const settled = () =>
    new Promise<ChatSnapshot>((resolve) => {
      if (session.getSnapshot().phase !== 'loading') return resolve(session.getSnapshot());
      const stop = session.subscribe(() => {
        if (session.getSnapshot().phase === 'loading') return;
        stop();
        resolve(session.getSnapshot());
      });
    });

  async function startChat() {
    const snap = await settled();
    if (snap.phase === 'chat' && chatStatus(snap.status) !== 'ended') return;
    if (snap.phase === 'chat') session.newChat();
    const values = answersFrom(context);
    const checked = validatePrechat(values);
    if (!checked.ok) return setPrefill(values);
    try {
      await session.startChat(checked.answers);
    } catch (err) {
      setPrefill(values);
      emit('error', { code: 'start-failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function resume(token: string) {
    try {
      const res = await api.call('resumeChat', { params: { widgetId: deps.widgetId }, body: { token } });
      await session.takeOver(res.token, res.conversation.id);
    } catch (err) {
      emit('error', { code: 'resume-failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function resumeLink(requestId: string) {
    const id = session.getSnapshot().conversationId;
    let token: string | null = null;
    if (id && deps.storage.read().token) {
      token = await api
        .call('visitorResumeLink', { params: { id }, body: {} })
        .then((r) => r.token)
        .catch(() => null);
    }
    // Only to the host page the browser named: a token must never go to `*`.
    if (!deps.send({ source: BRIDGE_SOURCE, type: 'resume-link', requestId, token }, { secret: true }) && token) {
      deps.send({ source: BRIDGE_SOURCE, type: 'resume-link', requestId, token: null });
    }
  }

  return {
    journey,
    /** True when the message was one of the API's; `context`, `open` and `close` are seen and passed on. */
    handle(message: HostToFrame): boolean {
      switch (message.type) {
        case 'context':
          context = message.context;
          return false;
        case 'open':
        case 'close':
          this.setOpen(message.type === 'open');
          return false;
        case 'journey':
          pending = message.actions;
          return true;
        case 'track':
          void sendTracked(message.actions);
          return true;
        case 'start-chat':
          void startChat();
          return true;
        case 'end-chat':
          void session.end().catch(() => undefined);
          return true;
        case 'resume':
          void resume(message.token);
          return true;
        case 'resume-link-request':
          void resumeLink(message.requestId);
          return true;
      }
    },
    setOpen(isOpen: boolean) {
      open = isOpen;
      if (isOpen) setUnread(0);
    },
    dispose: unsubscribe,
  };
}

export type PageApi = ReturnType<typeof connectPageApi>;
export type { HostBridge };
