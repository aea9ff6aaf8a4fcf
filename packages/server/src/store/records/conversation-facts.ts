import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { conversations, queues, skills, users } from '../schema.js';

// What the records module reads of conversations: timeline items (CV4) and the summary (AG6).

export async function conversationItems(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: conversations.id,
      channel: conversations.channel,
      state: conversations.state,
      queueName: queues.name,
      agentName: users.name,
      customerName: conversations.customerName,
      firstMessage: conversations.firstMessage,
      createdAt: conversations.createdAt,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .leftJoin(queues, and(eq(queues.id, conversations.queueId), eq(queues.orgId, orgId)))
    .leftJoin(users, and(eq(users.id, conversations.agentId), eq(users.orgId, orgId)))
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, ids)));
}

/** The conversation as the customer summary shows it, with its queue's name. */
export async function summaryFacts(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ c: conversations, queueName: queues.name })
    .from(conversations)
    .leftJoin(queues, and(eq(queues.id, conversations.queueId), eq(queues.orgId, orgId)))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .limit(1);
  return row;
}

/** The names of the organisation's skills among `ids`. */
export async function skillNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(and(eq(skills.orgId, orgId), inArray(skills.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
