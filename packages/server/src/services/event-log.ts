import type { DomainEvent } from '../domain/events.js';
import type { Db } from '../store/db.js';
import { appendEvent, toWireEvent, type EventRow, type NewEvent } from '../store/events.js';

/**
 * Appends events inside a transaction and remembers what to publish once it commits:
 * nothing reaches a socket before it is durable.
 */
export class EventLog {
  readonly pending: DomainEvent[] = [];

  async append(tx: Db, e: NewEvent): Promise<EventRow> {
    const row = await appendEvent(tx, e);
    this.pending.push({
      kind: 'conversation-event',
      orgId: e.orgId,
      conversationId: e.conversationId,
      staff: toWireEvent(row, 'staff'),
      customer: e.public ? toWireEvent(row, 'customer') : null,
    });
    return row;
  }

  add(event: DomainEvent): void {
    this.pending.push(event);
  }
}
