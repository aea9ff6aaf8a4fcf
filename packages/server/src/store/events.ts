import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { ConversationEvent } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversationEvents, conversations } from './schema.js';

export type EventRow = typeof conversationEvents.$inferSelect;
export type Audience = 'staff' | 'customer';

export type NewEvent = {
  orgId: string;
  conversationId: string;
  /** The wire event without its envelope (conversationId, seq, at). */
  body: DistributiveOmit<ConversationEvent, 'conversationId' | 'seq' | 'at'>;
  public: boolean;
  clientId?: string;
  at: Date;
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Appends one event and numbers it. The UPDATE takes the conversation's row lock, so events
 * of one conversation are numbered one at a time, without gaps, on every node.
 */
export async function appendEvent(tx: Db, e: NewEvent): Promise<EventRow> {
  const [counters] = await tx
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + 1`,
      lastPublicSeq: e.public ? sql`${conversations.lastPublicSeq} + 1` : conversations.lastPublicSeq,
      updatedAt: e.at,
    })
    .where(and(eq(conversations.id, e.conversationId), eq(conversations.orgId, e.orgId)))
    .returning({ seq: conversations.lastSeq, publicSeq: conversations.lastPublicSeq });
  if (!counters) throw new Error(`conversation ${e.conversationId} vanished while appending an event`);
  const { type, ...payload } = e.body;
  const [row] = await tx
    .insert(conversationEvents)
    .values({
      orgId: e.orgId,
      conversationId: e.conversationId,
      seq: counters.seq,
      publicSeq: e.public ? counters.publicSeq : null,
      type,
      payload,
      clientId: e.clientId ?? null,
      createdAt: e.at,
    })
    .returning();
  return row!;
}

/**
 * What `client_id` stores for a message: the client's id scoped to its author, so retries dedupe
 * while a visitor's id can never match an agent's message or internal note (X3).
 */
export const clientKey = (author: { kind: 'customer' } | { kind: 'staff'; userId: string }, clientMessageId: string) =>
  author.kind === 'customer' ? `customer:${clientMessageId}` : `staff:${author.userId}:${clientMessageId}`;

/** By conversation alone: callers pass a conversation they have already locked within their organisation. */
export async function findEventByClientId(
  db: Db,
  conversationId: string,
  clientId: string,
): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.clientId, clientId)));
  return row;
}

export async function listEvents(
  db: Db,
  orgId: string,
  conversationId: string,
  audience: Audience,
  after = 0,
): Promise<EventRow[]> {
  const scope = and(eq(conversationEvents.orgId, orgId), eq(conversationEvents.conversationId, conversationId));
  if (audience === 'staff') {
    return db
      .select()
      .from(conversationEvents)
      .where(and(scope, gt(conversationEvents.seq, after)))
      .orderBy(asc(conversationEvents.seq));
  }
  return db
    .select()
    .from(conversationEvents)
    .where(and(scope, isNotNull(conversationEvents.publicSeq), gt(conversationEvents.publicSeq, after)))
    .orderBy(asc(conversationEvents.publicSeq));
}

/** The wire form of a stored event, numbered for its audience. */
export function toWireEvent(row: EventRow, audience: Audience): ConversationEvent {
  const seq = audience === 'staff' ? row.seq : row.publicSeq;
  if (seq === null) throw new Error(`event ${row.id} is not visible to customers`);
  return {
    ...row.payload,
    type: row.type,
    conversationId: row.conversationId,
    seq,
    at: row.createdAt.toISOString(),
  } as ConversationEvent;
}
