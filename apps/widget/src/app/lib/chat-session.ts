import {
  ApiCallError,
  createApiClient,
  MAX_MESSAGE_BYTES,
  type ApiClient,
  type AttachmentRef,
  type ContextVariables,
  type ConversationEvent,
  type JourneyActionInput,
  type PrechatAnswers,
  type CallbackRequest,
  type VisitorCallback,
  type VisitorConversation,
} from '@switchboard/protocol';
import type { Locale } from '../../shared/locale.js';
import { newClientMessageId } from './client-id.js';
import {
  addToOutbox,
  applyEvents,
  backoffDelay,
  chatStatus,
  createOutboxRunner,
  emptySequence,
  isTransient,
  newOutboxEntry,
  outboxPortOver,
  reduceStatus,
  removeFromOutbox,
  sequenceFrom,
  unconfirmed,
  type ConnectionStatus,
  type ConversationStatus,
  type OutboxEntry,
  type OutboxRunner,
  type SequenceState,
} from '@switchboard/live';
import { ConversationFeed } from './conversation-feed.js';
import { connectRealtime, type Realtime, type RealtimeOptions } from './realtime.js';
import type { ChatStorage } from './storage.js';
import { createTypingSignal } from './typing-signal.js';
import type { SiteAuth } from './site-auth.js';
import type { OfflineMessageRequest, PostChatSurveyRequest, WidgetConfig } from '@switchboard/protocol';

export type ChatPhase = 'loading' | 'prechat' | 'chat';

/** The customer-visible events applied so far, in `seq` order without holes. */
type Timeline = SequenceState<ConversationEvent>;

export type ChatSnapshot = {
  phase: ChatPhase;
  /** The widget's title from its config; null until loaded. */
  title: string | null;
  /** The widget id is unknown to the server: no new chats. */
  widgetMissing: boolean;
  conversationId: string | null;
  status: ConversationStatus;
  timeline: Timeline;
  /** Customer messages the timeline does not hold yet: pending, or refused (with `error`). */
  outbox: OutboxEntry[];
  agentTyping: string | null;
  connection: ConnectionStatus;
  /** The queue offered a callback instead of a wait (AG11), and the request if one was made. */
  callback: VisitorCallback | null;
  /** CH1: the widget's config (looks, questions, hours, post-chat survey); null until loaded. */
  config: WidgetConfig | null;
};

export type SendResult = 'sent' | 'empty' | 'too-long' | 'ended';

export type ChatSessionDeps = {
  widgetId: string;
  locale: Locale;
  storage: ChatStorage;
  fetch?: typeof fetch;
  connect?: (opts: RealtimeOptions) => Realtime;
  /** Where the socket connects: the iframe's own origin, which is Switchboard's. */
  socketUrl?: string;
  /** How long to wait after the nth failure in a row (1, 2, ...). */
  retryDelay?: (attempt: number) => number;
  /** CH1: what the host page tracked before the chat, sent with the start (lib/page-api.ts). */
  journey?: { pending(): JourneyActionInput[]; sent(actions: JourneyActionInput[]): void };
  /** CH1, CH5: gets the site's sign-in token from the host page when the widget requires it (lib/site-auth.ts). */
  siteAuth?: Pick<SiteAuth, 'start'>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

const initial: ChatSnapshot = {
  phase: 'loading',
  title: null,
  widgetMissing: false,
  conversationId: null,
  status: { state: 'open', agentName: null },
  timeline: emptySequence(),
  outbox: [],
  agentTyping: null,
  connection: 'reconnecting',
  callback: null,
  config: null,
};

/**
 * The customer's chat, outside React: REST commands, the socket, the ordered event timeline,
 * the persisted outbox. Components read `getSnapshot()` through useSyncExternalStore.
 * `gen` numbers the conversation being shown; work started for an older one is dropped.
 */
export class ChatSession {
  private snap: ChatSnapshot = initial;
  private readonly listeners = new Set<() => void>();
  private readonly api: ApiClient;
  private readonly delay: (attempt: number) => number;
  private token: string | null = null;
  private gen = 0;
  private context: ContextVariables = {};
  private socketPath = '/socket.io';
  /** The widget's config says a chat starts only with the site's token (CH1). */
  private signInRequired = false;
  /** Socket and refetch, sender and typing signal of the conversation shown; replaced together. */
  private feed: ConversationFeed | null = null;
  private sender: OutboxRunner | null = null;
  private typingSignal: ReturnType<typeof createTypingSignal> | null = null;

  constructor(private readonly deps: ChatSessionDeps) {
    this.api = createApiClient({ baseUrl: '', getToken: () => this.token, fetch: deps.fetch });
    // Jittered, so that widgets on many pages do not all come back at once.
    this.delay = deps.retryDelay ?? ((attempt) => backoffDelay(attempt, Math.random));
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snap;

  async start(): Promise<void> {
    void this.loadConfig();
    const stored = this.deps.storage.read();
    if (stored.token && stored.conversationId) await this.restore(stored.token, stored.conversationId);
    else this.set({ phase: 'prechat' });
  }

  setContext(context: ContextVariables): void {
    this.context = context;
  }

  isOpenStored = () => this.deps.storage.read().open;

  setOpen(open: boolean): void {
    this.deps.storage.update((s) => ({ ...s, open }));
  }

  /** CH1: outside the widget's hours, a left message: a conversation answered later, kept like a chat. */
  async leaveMessage(body: OfflineMessageRequest): Promise<void> {
    const res = await this.api.call('leaveOfflineMessage', { params: { widgetId: this.deps.widgetId }, body });
    this.gen++;
    this.token = res.token;
    this.deps.storage.update((s) => ({ ...s, token: res.token, conversationId: res.conversation.id, outbox: [] }));
    this.adopt(res.conversation);
  }

  /** CH1: the post-chat survey, once the chat ended. */
  rate = (body: PostChatSurveyRequest) =>
    this.api.call('visitorSurvey', { params: { id: this.snap.conversationId ?? '' }, body });

  /** CH1: this chat's transcript as a text file. */
  transcript = () => this.api.download('visitorTranscript', { params: { id: this.snap.conversationId ?? '' } });

  /** Starts a conversation; errors go to the pre-chat form. */
  async startChat(prechat: PrechatAnswers): Promise<void> {
    const { widgetId, locale } = this.deps;
    const journey = this.deps.journey?.pending() ?? [];
    const body = { prechat, context: this.context, locale, ...(journey.length ? { journey } : {}) };
    const call = (authToken?: string) =>
      this.api.call('startChat', { params: { widgetId }, body: authToken ? { ...body, authToken } : body });
    const res = this.signInRequired && this.deps.siteAuth ? await this.deps.siteAuth.start(call) : await call();
    this.deps.journey?.sent(journey);
    this.gen++;
    this.token = res.token;
    this.deps.storage.update((s) => ({
      ...s,
      token: res.token,
      conversationId: res.conversation.id,
      lastSeq: res.conversation.lastSeq,
      outbox: [],
    }));
    this.adopt(res.conversation);
  }

  send(text: string, attachments: AttachmentRef[] = []): SendResult {
    const trimmed = text.trim();
    const id = this.snap.conversationId;
    if (!trimmed && attachments.length === 0) return 'empty';
    if (utf8Bytes(trimmed) > MAX_MESSAGE_BYTES) return 'too-long';
    if (!id || chatStatus(this.snap.status) === 'ended') return 'ended';
    const files = attachments.length ? { attachments } : {};
    const item = newOutboxEntry(
      { clientMessageId: newClientMessageId(), conversationId: id, text: trimmed, ...files },
      Date.now(),
    );
    this.deps.storage.update((s) => ({ ...s, outbox: addToOutbox(s.outbox, item) }));
    this.typingSignal?.stop();
    this.set({ outbox: this.outboxFor(this.snap.timeline) });
    // Someone is typing, so a wait for an earlier message's retry is not worth keeping.
    this.sender?.retryNow();
    return 'sent';
  }

  /**
   * Uploads a file for the next message (AG4). The server checks its size, type and bytes now, so a
   * refusal shows beside the file, before anything is sent.
   */
  async upload(file: File): Promise<{ ok: true; ref: AttachmentRef } | { ok: false; message: string }> {
    const id = this.snap.conversationId;
    if (!id) return { ok: false, message: 'no chat' };
    try {
      const up = await this.api.upload('visitorUpload', { params: { id }, query: { name: file.name } }, file);
      return { ok: true, ref: { id: up.id, name: up.name, contentType: up.contentType, size: up.size } };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** A file of this chat as bytes, fetched with the visitor's token (it never goes in a URL). */
  fileBlob = async (attachmentId: string): Promise<Blob> => {
    const id = this.snap.conversationId;
    if (!id) throw new Error('no chat');
    return this.api.download('visitorDownload', { params: { id, attachmentId } });
  };

  /** Drops a message the server refused. */
  dismiss(clientMessageId: string): void {
    this.deps.storage.update((s) => ({ ...s, outbox: removeFromOutbox(s.outbox, clientMessageId) }));
    this.set({ outbox: this.outboxFor(this.snap.timeline) });
  }

  /** Asks to be called back; the server's 4xx (a bad number, a past time) is thrown for the form to show. */
  async requestCallback(body: CallbackRequest): Promise<void> {
    const id = this.snap.conversationId;
    if (!id) return;
    const callback = await this.api.call('visitorCallback', { params: { id }, body });
    if (id === this.snap.conversationId) this.set({ callback });
  }

  typing(): void {
    this.typingSignal?.input();
  }

  async end(): Promise<void> {
    const id = this.snap.conversationId;
    if (!id) return;
    try {
      await this.api.call('visitorEnd', { params: { id }, body: {} });
    } catch (err) {
      // Already ended (by the agent, or in another tab): just catch up.
      if (!(err instanceof ApiCallError && err.status === 409)) throw err;
    }
    await this.feed?.refetch();
  }

  /** Forgets the conversation, here and in storage, and shows the pre-chat survey again. */
  newChat(): void {
    this.deps.storage.clearConversation();
    this.reset('prechat');
  }

  /** CH1: a chat carried from another site (a resume link): this token opens it here from now on. */
  async takeOver(token: string, conversationId: string): Promise<void> {
    this.deps.storage.update((s) => ({ ...s, token, conversationId, lastSeq: 0, outbox: [] }));
    await this.restore(token, conversationId);
  }

  /** Another tab of the same site changed the stored chat. */
  syncFromStorage(): void {
    const stored = this.deps.storage.read();
    if (stored.conversationId === this.snap.conversationId) {
      this.set({ outbox: this.outboxFor(this.snap.timeline) });
    } else if (stored.token && stored.conversationId) {
      void this.restore(stored.token, stored.conversationId);
    } else if (this.snap.phase !== 'prechat') {
      this.reset('prechat');
    }
  }

  dispose(): void {
    this.gen++;
    this.teardown();
    this.listeners.clear();
  }

  private set(patch: Partial<ChatSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private reset(phase: ChatPhase) {
    this.gen++;
    this.teardown();
    this.token = null;
    this.set({
      ...initial,
      phase,
      title: this.snap.title,
      widgetMissing: this.snap.widgetMissing,
      config: this.snap.config,
    });
  }

  private teardown() {
    this.typingSignal?.stop();
    this.typingSignal = null;
    this.feed?.close();
    this.feed = null;
    this.sender?.stop();
    this.sender = null;
  }

  private async loadConfig(): Promise<void> {
    for (let attempt = 1; attempt <= 6; attempt++) {
      try {
        const config = await this.api.call('widgetConfig', { params: { widgetId: this.deps.widgetId } });
        this.socketPath = config.socketPath;
        this.set({ title: config.title, config });
        this.signInRequired = config.signInRequired === true;
        return;
      } catch (err) {
        if (!isTransient(err)) return this.set({ widgetMissing: true });
        await wait(this.delay(attempt));
      }
    }
  }

  /** Reloads a stored conversation: after a navigation, a reload, or from another tab. */
  private async restore(token: string, conversationId: string): Promise<void> {
    this.gen++;
    const gen = this.gen;
    this.teardown();
    this.token = token;
    this.set({ phase: 'loading', conversationId });
    for (let attempt = 1; ; attempt++) {
      try {
        const view = await this.api.call('visitorConversation', { params: { id: conversationId } });
        if (gen === this.gen) this.adopt(view);
        return;
      } catch (err) {
        if (gen !== this.gen) return;
        if (!isTransient(err)) {
          // Expired token or deleted conversation: start over rather than show an error forever.
          this.newChat();
          return;
        }
        this.set({ connection: 'reconnecting' });
        await wait(this.delay(attempt));
        if (gen !== this.gen) return;
      }
    }
  }

  private adopt(view: VisitorConversation) {
    this.teardown();
    const id = view.id;
    const timeline = sequenceFrom(view.events);
    this.deps.storage.update((s) => ({ ...s, lastSeq: timeline.lastSeq }));
    this.set({
      phase: 'chat',
      conversationId: id,
      status: { state: view.state, agentName: view.agentName },
      timeline,
      outbox: this.outboxFor(timeline, id),
      agentTyping: null,
      callback: view.callback,
    });
    this.feed = new ConversationFeed({
      api: this.api,
      conversationId: id,
      token: this.token!,
      socketUrl: this.deps.socketUrl ?? location.origin,
      socketPath: this.socketPath,
      connect: this.deps.connect ?? connectRealtime,
      lastSeq: () => this.snap.timeline.lastSeq,
      onEvents: (events) => this.receive(events),
      onAgentTyping: (agentTyping) =>
        this.set({ agentTyping: chatStatus(this.snap.status) === 'ended' ? null : agentTyping }),
      onConnection: (connection) => this.set({ connection }),
      onReconnected: () => this.sender?.retryNow(),
      onGone: () => this.newChat(),
    });
    this.typingSignal = createTypingSignal({ emit: (isTyping) => this.feed?.emitTyping(isTyping) });
    // This conversation's part of the stored outbox, read again on every step (other tabs write it too).
    const storage = this.deps.storage;
    const store = outboxPortOver(
      () => storage.read().outbox.filter((e) => e.conversationId === id),
      (edit) => void storage.update((s) => ({ ...s, outbox: edit(s.outbox) })),
    );
    this.sender = createOutboxRunner({
      store,
      backoff: this.delay,
      send: (item) =>
        this.api.call('visitorSend', {
          params: { id },
          body: {
            clientMessageId: item.clientMessageId,
            text: item.text,
            attachmentIds: (item.attachments ?? []).map((a) => a.id),
          },
        }),
      onSent: (_item, event) => this.receive([event]),
      onFailed: () => this.set({ outbox: this.outboxFor(this.snap.timeline) }),
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    this.sender.kick();
  }

  private receive(events: ConversationEvent[]) {
    const id = this.snap.conversationId;
    const {
      state: timeline,
      applied,
      gap,
    } = applyEvents(
      this.snap.timeline,
      events.filter((e) => e.conversationId === id),
    );
    if (applied.length) {
      const status = applied.reduce(reduceStatus, this.snap.status);
      const agentSpoke = applied.some((e) => e.type === 'message' && e.message.kind !== 'customer');
      this.deps.storage.update((s) => (s.conversationId === id ? { ...s, lastSeq: timeline.lastSeq } : s));
      if (agentSpoke) this.feed?.agentSpoke();
      // A message from the agent, or the end of the chat, ends the typing indicator.
      const typingOver = agentSpoke || chatStatus(status) === 'ended';
      this.set({
        timeline,
        status,
        outbox: this.outboxFor(timeline),
        agentTyping: typingOver ? null : this.snap.agentTyping,
      });
    } else if (events.some((e) => e.type === 'message')) {
      this.set({ outbox: this.outboxFor(this.snap.timeline) });
    }
    if (gap) void this.feed?.refetch();
  }

  private outboxFor(timeline: Timeline, id = this.snap.conversationId): OutboxEntry[] {
    return id ? unconfirmed(this.deps.storage.read().outbox, timeline.events, id) : [];
  }
}
