import type { ConversationEvent } from '@switchboard/protocol';
import { backoffDelay, isRetryable, markFailed, nextToSend, removeFromOutbox, type OutboxItem } from './outbox.js';
import type { ChatStorage } from './storage.js';

export type OutboxSenderDeps = {
  storage: ChatStorage;
  conversationId: string;
  send(item: OutboxItem): Promise<ConversationEvent>;
  /** The server stored it; the item has left the outbox. */
  onSent(item: OutboxItem, event: ConversationEvent): void;
  /** The server refused it (4xx); the item stays, marked with the reason. */
  onFailed(item: OutboxItem, message: string): void;
  /** A retryable failure; the sender waits and tries again. */
  onTrouble?(err: unknown): void;
  delay?: (attempt: number) => number;
};

/**
 * Sends the persisted outbox of one conversation, one message at a time so that they arrive
 * in order, retrying network and server failures with backoff until they get through.
 */
export class OutboxSender {
  private running = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(private readonly deps: OutboxSenderDeps) {}

  /** Starts sending, or cuts a backoff wait short (after a reconnect, or a new message). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wake?.();
      return;
    }
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const { storage, conversationId } = this.deps;
    const delay = this.deps.delay ?? backoffDelay;
    let attempt = 0;
    try {
      while (!this.stopped) {
        // Re-read every time: another tab, or the user, may have changed the outbox.
        const item = nextToSend(storage.read().outbox, conversationId);
        if (!item) return;
        try {
          const event = await this.deps.send(item);
          if (this.stopped) return;
          storage.update((s) => ({ ...s, outbox: removeFromOutbox(s.outbox, item.clientMessageId) }));
          attempt = 0;
          this.deps.onSent(item, event);
        } catch (err) {
          if (this.stopped) return;
          if (isRetryable(err)) {
            this.deps.onTrouble?.(err);
            await this.sleep(delay(attempt++));
          } else {
            const message = err instanceof Error ? err.message : String(err);
            storage.update((s) => ({ ...s, outbox: markFailed(s.outbox, item.clientMessageId, message) }));
            this.deps.onFailed(item, message);
          }
        }
      }
    } finally {
      // Synchronous with the last outbox check, so a kick() never finds a loop that is about to end.
      this.running = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
