import { createCatchUp, isTransient, type ConnectionStatus } from '@switchboard/live';
import type { ApiClient, ConversationEvent, TypingEvent } from '@switchboard/protocol';
import type { Realtime, RealtimeOptions } from './realtime.js';

export type FeedOptions = {
  api: ApiClient;
  conversationId: string;
  token: string;
  socketUrl: string;
  socketPath: string;
  connect: (opts: RealtimeOptions) => Realtime;
  /** The last `seq` the timeline applied. */
  lastSeq(): number;
  onEvents(events: ConversationEvent[]): void;
  onAgentTyping(name: string | null): void;
  onConnection(state: ConnectionStatus): void;
  /** The socket is back: a good moment to retry what failed. */
  onReconnected(): void;
  /** The server no longer knows this conversation or token. */
  onGone(): void;
};

const AGENT_TYPING_TIMEOUT_MS = 10_000;
const REFETCH_RETRY_MS = 3000;
const REFUSED_RETRY_MS = 5000;

/**
 * The incoming side of one conversation: its socket, and the REST refetch that fills gaps
 * and covers every reconnect. Closing it silences every callback, so a feed for a
 * conversation the user has left can never touch the current one.
 */
export class ConversationFeed {
  private closed = false;
  private realtime: Realtime | null = null;
  private readonly catchUp = createCatchUp({
    fetchMissed: () => this.fetchMissed(),
    onError: (err) => {
      if (isTransient(err)) this.later(() => void this.refetch(), REFETCH_RETRY_MS);
    },
  });
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: FeedOptions) {
    this.connect();
  }

  emitTyping(isTyping: boolean): void {
    this.realtime?.emitTyping(this.o.conversationId, isTyping);
  }

  /** Fetches the events after the last applied one; one request at a time, repeated if asked meanwhile. */
  async refetch(): Promise<void> {
    if (!this.closed) await this.catchUp(this.o.conversationId);
  }

  private async fetchMissed(): Promise<void> {
    if (this.closed) return;
    const { events } = await this.o.api.call('visitorEvents', {
      params: { id: this.o.conversationId },
      query: { after: this.o.lastSeq() },
    });
    if (!this.closed) this.o.onEvents(events);
  }

  close(): void {
    this.closed = true;
    this.realtime?.close();
    this.realtime = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.typingTimer);
  }

  private later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(t);
  }

  private connect() {
    const o = this.o;
    this.realtime = o.connect({
      url: o.socketUrl,
      path: o.socketPath,
      token: o.token,
      onEvent: (event) => !this.closed && o.onEvents([event]),
      onTyping: (event) => this.onTyping(event),
      onConnect: () => {
        if (this.closed) return;
        o.onConnection('online');
        // Whatever happened while we were away, or before the socket joined its room.
        void this.refetch();
        o.onReconnected();
      },
      onDisconnect: () => {
        if (this.closed) return;
        o.onConnection('reconnecting');
        this.setAgentTyping(null);
      },
      onRefused: () => void this.onRefused(),
    });
  }

  /** The socket was turned away: find out whether the conversation is still ours. */
  private async onRefused() {
    if (this.closed) return;
    this.o.onConnection('reconnecting');
    try {
      await this.o.api.call('visitorConversation', { params: { id: this.o.conversationId } });
    } catch (err) {
      if (!this.closed && !isTransient(err)) return this.o.onGone();
    }
    this.later(() => {
      this.realtime?.close();
      this.connect();
    }, REFUSED_RETRY_MS);
  }

  private onTyping(event: TypingEvent) {
    if (this.closed || event.from !== 'agent' || event.conversationId !== this.o.conversationId) return;
    this.setAgentTyping(event.isTyping ? event.name : null);
    // A lost "stopped typing" must not leave the indicator on for good.
    if (event.isTyping) this.typingTimer = setTimeout(() => this.setAgentTyping(null), AGENT_TYPING_TIMEOUT_MS);
  }

  private setAgentTyping(name: string | null) {
    clearTimeout(this.typingTimer);
    this.o.onAgentTyping(name);
  }

  /** An agent message ends the typing indicator. */
  agentSpoke(): void {
    clearTimeout(this.typingTimer);
  }
}
