import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from './search.js';
import type { Channel, ConversationState } from '@switchboard/protocol';
import type { ConversationCursor, PickCursor } from '../domain/paging/cursor.js';
import type { Db } from './db.js';
import type { ConversationWithNames } from './conversations.js';
import { conversationParticipants, conversations, queues, users } from './schema.js';

/** A timestamp as UTC text with microseconds: what a cursor carries, so no row is lost to rounding. */
const micros = (column: SQL | typeof conversations.createdAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type Page<K> = { rows: (ConversationWithNames & { key: K })[]; total: number; more: boolean };

export type StaffListFilter = {
  agentId?: string;
  states: readonly ConversationState[];
  /** Ongoing work only: an assigned conversation not yet accepted is an offer, not work. */
  acceptedOnly?: boolean;
  /** With `agentId`: also the conversations that agent consults on now (AG5). */
  withConsults?: boolean;
  /** Search (AG10): part of the customer's name, email or number. */
  customer?: string;
  /** Started at or after `from`, before `to`. */
  from?: Date;
  to?: Date;
  /** The ongoing list's filters (SV1). */
  queueId?: string;
  channel?: Channel;
};

function staffWhere(orgId: string, f: StaffListFilter): SQL {
  const where = [eq(conversations.orgId, orgId), inArray(conversations.state, [...f.states])];
  if (f.agentId && f.withConsults) {
    const p = conversationParticipants;
    const consulting = sql`exists (select 1 from ${p} where ${p.conversationId} = ${conversations.id}
      and ${p.orgId} = ${orgId}::uuid and ${p.userId} = ${f.agentId}::uuid and ${p.role} = 'consultant'
      and ${p.leftAt} is null)`;
    where.push(or(eq(conversations.agentId, f.agentId), consulting)!);
  } else if (f.agentId) where.push(eq(conversations.agentId, f.agentId));
  if (f.acceptedOnly) where.push(or(ne(conversations.state, 'active'), isNotNull(conversations.acceptedAt))!);
  if (f.customer) {
    const like = containsPattern(f.customer);
    const c = conversations;
    where.push(or(ilike(c.customerName, like), ilike(c.customerEmail, like), ilike(c.customerAddress, like))!);
  }
  if (f.queueId) where.push(eq(conversations.queueId, f.queueId));
  if (f.channel) where.push(eq(conversations.channel, f.channel));
  if (f.from) where.push(gte(conversations.createdAt, f.from));
  if (f.to) where.push(lt(conversations.createdAt, f.to));
  return and(...where)!;
}

const selectWithNames = (db: Db) =>
  db
    .select({
      conversation: conversations,
      queueName: queues.name,
      agentName: users.name,
      createdKey: micros(conversations.createdAt),
      ageKey: micros(conversations.routingAge),
    })
    .from(conversations)
    .leftJoin(queues, eq(queues.id, conversations.queueId))
    .leftJoin(users, eq(users.id, conversations.agentId));

async function count(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(where);
  return Number(row?.n ?? 0);
}

/** Staff lists, newest first by (created_at, id) (index conversations_org_created_idx), after `cursor`. */
export async function pageStaffConversations(
  db: Db,
  orgId: string,
  filter: StaffListFilter,
  cursor: ConversationCursor | null,
  limit: number,
): Promise<Page<ConversationCursor>> {
  const where = staffWhere(orgId, filter);
  const after = cursor
    ? sql`(${conversations.createdAt}, ${conversations.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
    : undefined;
  const [rows, total] = await Promise.all([
    selectWithNames(db)
      .where(and(where, after))
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(limit + 1),
    count(db, where),
  ]);
  return {
    rows: rows.slice(0, limit).map((r) => ({
      ...r.conversation,
      queueName: r.queueName,
      agentName: r.agentName,
      key: { createdAt: r.createdKey, id: r.conversation.id },
    })),
    total,
    more: rows.length > limit,
  };
}

/** Open items of these queues and workstreams in pick order (AG10), after `cursor`. */
export async function pagePickable(
  db: Db,
  orgId: string,
  scope: { queueIds: string[]; workstreamIds: string[] },
  cursor: PickCursor | null,
  limit: number,
): Promise<Page<PickCursor>> {
  if (!scope.queueIds.length || !scope.workstreamIds.length) return { rows: [], total: 0, more: false };
  const where = and(
    eq(conversations.orgId, orgId),
    eq(conversations.state, 'open'),
    inArray(conversations.queueId, scope.queueIds),
    inArray(conversations.workstreamId, scope.workstreamIds),
  )!;
  const after = cursor
    ? sql`(${conversations.queuePriority}, ${conversations.priority}, ${conversations.routingAge}, ${conversations.id})
        > (${cursor.queuePriority}::int, ${cursor.priority}::int,
           ${cursor.routingAge}::timestamptz, ${cursor.id}::uuid)`
    : undefined;
  const [rows, total] = await Promise.all([
    selectWithNames(db)
      .where(and(where, after))
      .orderBy(
        asc(conversations.queuePriority),
        asc(conversations.priority),
        asc(conversations.routingAge),
        asc(conversations.id),
      )
      .limit(limit + 1),
    count(db, where),
  ]);
  return {
    rows: rows.slice(0, limit).map((r) => ({
      ...r.conversation,
      queueName: r.queueName,
      agentName: r.agentName,
      key: {
        queuePriority: r.conversation.queuePriority,
        priority: r.conversation.priority,
        routingAge: r.ageKey,
        id: r.conversation.id,
      },
    })),
    total,
    more: rows.length > limit,
  };
}
