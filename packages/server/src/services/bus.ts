import type { DomainEvent, DomainEventListener } from '../domain/events.js';

export type EventBus = {
  publish(events: readonly DomainEvent[]): void;
  subscribe(listeners: readonly DomainEventListener[]): void;
};

/** In-process fan-out to listeners; a failing listener is logged and never breaks the others. */
export function createEventBus(onError: (err: unknown) => void): EventBus {
  const listeners: DomainEventListener[] = [];
  return {
    publish(events) {
      for (const event of events) {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (err) {
            onError(err);
          }
        }
      }
    },
    subscribe(more) {
      listeners.push(...more);
    },
  };
}
