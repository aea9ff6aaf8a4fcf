import type { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import type { DomainEvent } from '../../domain/events.js';
import type { Db } from '../../store/db.js';
import { transaction } from '../../store/transaction.js';
import type { EventBus } from '../bus.js';
import type { ConversationKit } from '../conversation-kit.js';

export type RecordsDeps = {
  db: Db;
  clock: Clock;
  bus: EventBus;
  /** The part a staff member plays in a conversation (services/conversation-kit.ts). */
  partOf: ConversationKit['partOf'];
};

/** One transaction per use case (run again, whole, after a deadlock); its events go out after commit. */
export function recordsKit(deps: RecordsDeps) {
  async function command<T>(work: (tx: Db, events: DomainEvent[]) => Promise<T>): Promise<T> {
    let events: DomainEvent[] = [];
    const result = await transaction(deps.db, (tx) => work(tx, (events = [])));
    deps.bus.publish(events);
    return result;
  }
  return { ...deps, command };
}

export type RecordsKit = ReturnType<typeof recordsKit>;

// What the routes hand over: requests as parsed (defaults applied), not as a client writes them.
export type Parsed<S extends z.ZodType> = z.output<S>;
