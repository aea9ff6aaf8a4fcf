import { AUTO_CLOSE_STATES } from '../domain/conversation/lifecycle.js';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ConversationState, ConversationSummary } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversations, queues, users, workstreams } from './schema.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationWithNames = ConversationRow & { queueName: string | null; agentName: string | null };

const withNames = {
  conversation: conversations,
  queueName: queues.name,
  agentName: users.name,
};

// Names are joined only from the conversation's own organisation (X3): a stray link shows no name.
const sameOrg = {
  queue: and(eq(queues.id, conversations.queueId), eq(queues.orgId, conversations.orgId)),
  agent: and(eq(users.id, conversations.agentId), eq(users.orgId, conversations.orgId)),
};

function flatten(r: {
  conversation: ConversationRow;
  queueName: string | null;
  agentName: string | null;
}): ConversationWithNames {
  return { ...r.conversation, queueName: r.queueName, agentName: r.agentName };
}

export async function insertConversation(tx: Db, values: typeof conversations.$inferInsert): Promise<ConversationRow> {
  const [row] = await tx.insert(conversations).values(values).returning();
  return row!;
}

export async function getConversation(db: Db, orgId: string, id: string): Promise<ConversationWithNames | undefined> {
  const [row] = await db
    .select(withNames)
    .from(conversations)
    .leftJoin(queues, sameOrg.queue)
    .leftJoin(users, sameOrg.agent)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
  return row && flatten(row);
}

/**
 * Reads the conversation and holds its row lock until the transaction ends. A command that will
 * write to the agent's row locks it first: `lockConversationAndAgent` (locks.ts).
 */
export async function lockConversation(tx: Db, orgId: string, id: string): Promise<ConversationRow | undefined> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .for('no key update');
  return row;
}

export async function updateConversation(
  tx: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof conversations.$inferInsert>,
): Promise<void> {
  await tx
    .update(conversations)
    .set(patch)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
}

export async function listConversations(
  db: Db,
  orgId: string,
  filter: { agentId?: string; states: readonly ConversationState[]; ids?: string[]; limit?: number },
): Promise<ConversationWithNames[]> {
  const where = [eq(conversations.orgId, orgId), inArray(conversations.state, [...filter.states])];
  if (filter.agentId) where.push(eq(conversations.agentId, filter.agentId));
  if (filter.ids)
    where.push(inArray(conversations.id, filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']));
  const rows = await db
    .select(withNames)
    .from(conversations)
    .leftJoin(queues, sameOrg.queue)
    .leftJoin(users, sameOrg.agent)
    .where(and(...where))
    .orderBy(desc(conversations.updatedAt))
    .limit(filter.limit ?? 200);
  return rows.map(flatten);
}

export function toSummary(c: ConversationWithNames): ConversationSummary {
  return {
    id: c.id,
    channel: c.channel,
    channelId: c.channelId,
    customerAddress: c.customerAddress,
    state: c.state,
    queueId: c.queueId,
    queueName: c.queueName,
    agentId: c.agentId,
    agentName: c.agentName,
    customerName: c.customerName,
    customerEmail: c.customerEmail,
    firstMessage: c.firstMessage,
    createdAt: c.createdAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    lastSeq: c.lastSeq,
    callbackId: c.callbackId,
  };
}

/** Conversations whose wrap-up capacity is due back ("release after" blocking). */
export async function dueCapacityReleases(db: Db, now: Date): Promise<{ orgId: string; id: string }[]> {
  return db
    .select({ orgId: conversations.orgId, id: conversations.id })
    .from(conversations)
    .where(lte(conversations.releaseCapacityAt, now))
    .limit(100);
}

/**
 * Conversations idle past their workstream's "auto-close after inactivity" (RT1): waiting or in
 * wrap-up, untouched for that many minutes.
 */
export async function dueAutoClose(db: Db, now: Date): Promise<{ orgId: string; id: string }[]> {
  return db
    .select({ orgId: conversations.orgId, id: conversations.id })
    .from(conversations)
    .innerJoin(workstreams, eq(workstreams.id, conversations.workstreamId))
    .where(
      and(
        inArray(conversations.state, [...AUTO_CLOSE_STATES]),
        sql`(${workstreams.config}->>'autoCloseAfterMinutes') is not null`,
        sql`${conversations.updatedAt} <= ${now.toISOString()}::timestamptz - make_interval(mins => (${workstreams.config}->>'autoCloseAfterMinutes')::int)`,
      ),
    )
    .limit(100);
}
