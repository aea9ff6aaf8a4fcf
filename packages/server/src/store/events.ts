import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { ConversationEvent } from '@switchboard/protocol';
import { rowsOf, type Db } from './db.js';
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

/**
 * Who may append a message on the one-statement path, and in which states (the same rules the
 * services check on their full path): the customer until the conversation ends; the primary
 * agent to the customer while accepted and active, or a note until it is closed.
 */
export type MessageGate = { kind: 'customer' } | { kind: 'primary-agent'; userId: string; internal: boolean };

type RawEvent = {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  public_seq: number | null;
  type: string;
  payload: Record<string, unknown> | string;
  client_id: string | null;
  created_at: Date | string;
};

/**
 * A message in one statement, without a transaction around it: the UPDATE numbers it (taking the
 * conversation's row lock, as `appendEvent` does) only when the gate holds and no event has its
 * client key yet, and the INSERT stores it with those numbers; a customer's message also stamps
 * `last_customer_message_at` and takes the customer name as its author. Undefined when nothing
 * matched: the caller then takes its full path, which says why (or returns the stored retry). A
 * concurrent retry with the same key makes the INSERT fail on the unique index; the statement
 * rolls back whole, so no number is lost.
 */
export async function appendMessageIfClear(
  db: Db,
  e: NewEvent & { clientId: string },
  gate: MessageGate,
): Promise<EventRow | undefined> {
  const { type, ...payload } = e.body;
  const at = e.at.toISOString();
  const allowed =
    gate.kind === 'customer'
      ? sql`c.state not in ('wrap-up', 'closed')`
      : gate.internal
        ? sql`c.agent_id = ${gate.userId}::uuid and c.state <> 'closed'`
        : sql`c.agent_id = ${gate.userId}::uuid and c.state = 'active' and c.accepted_at is not null`;
  const stamp = gate.kind === 'customer' ? sql`, last_customer_message_at = ${at}::timestamptz` : sql``;
  const body =
    gate.kind === 'customer'
      ? sql`jsonb_set(${JSON.stringify(payload)}::jsonb, '{message,authorName}', to_jsonb(n.customer_name))`
      : sql`${JSON.stringify(payload)}::jsonb`;
  const result = await db.execute(sql`
    with n as (
      update conversations c
      set last_seq = c.last_seq + 1, last_public_seq = c.last_public_seq + ${e.public ? 1 : 0}, updated_at = ${at}::timestamptz${stamp}
      where c.id = ${e.conversationId}::uuid and c.org_id = ${e.orgId}::uuid and ${allowed}
        and not exists (
          select 1 from conversation_events x where x.conversation_id = c.id and x.client_id = ${e.clientId}
        )
      returning c.last_seq, c.last_public_seq, c.customer_name
    )
    insert into conversation_events (org_id, conversation_id, seq, public_seq, type, payload, client_id, created_at)
    select ${e.orgId}::uuid, ${e.conversationId}::uuid, n.last_seq, ${e.public ? sql`n.last_public_seq` : sql`null::integer`},
      ${type}, ${body}, ${e.clientId}, ${at}::timestamptz
    from n
    returning id, org_id, conversation_id, seq, public_seq, type, payload, client_id, created_at`);
  const [row] = rowsOf<RawEvent>(result);
  if (!row) return undefined;
  return {
    id: row.id,
    orgId: row.org_id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    publicSeq: row.public_seq === null ? null : Number(row.public_seq),
    type: row.type,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    clientId: row.client_id,
    createdAt: new Date(row.created_at),
  };
}
