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
    this.appended(row);
    return row;
  }

  /** An event another statement already stored (the routing claim writes its own). */
  appended(row: EventRow): void {
    this.pending.push({
      kind: 'conversation-event',
      orgId: row.orgId,
      conversationId: row.conversationId,
      staff: toWireEvent(row, 'staff'),
      customer: row.publicSeq !== null ? toWireEvent(row, 'customer') : null,
    });
  }

  add(event: DomainEvent): void {
    this.pending.push(event);
  }
}
