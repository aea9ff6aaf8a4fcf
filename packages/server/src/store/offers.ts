import { and, asc, eq, lte } from 'drizzle-orm';
import { stateForOutcome } from '../domain/notifications/answers.js';
import type { Db } from './db.js';
import { closeBySubject } from './notifications.js';
import { conversations, offers, queues, users } from './schema.js';

export type OfferRow = typeof offers.$inferSelect;
export type OfferOutcome = 'accepted' | 'rejected' | 'timeout' | 'withdrawn';

export async function getOffer(db: Db, orgId: string, id: string): Promise<OfferRow | undefined> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.orgId, orgId), eq(offers.id, id)));
  return row;
}

/**
 * Closes a pending offer and its alert (AG2) in the caller's transaction; false when it was no
 * longer pending (someone else closed it first).
 */
export async function closeOffer(
  tx: Db,
  orgId: string,
  id: string,
  outcome: OfferOutcome,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(offers)
    .set({ status: outcome, closedAt: now })
    .where(and(eq(offers.orgId, orgId), eq(offers.id, id), eq(offers.status, 'pending')))
    .returning({ id: offers.id });
  if (rows.length === 1) await closeBySubject(tx, orgId, [id], stateForOutcome(outcome), now);
  return rows.length === 1;
}

export async function pendingOfferForConversation(
  db: Db,
  orgId: string,
  conversationId: string,
): Promise<OfferRow | undefined> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.orgId, orgId), eq(offers.conversationId, conversationId), eq(offers.status, 'pending')));
  return row;
}

export async function pendingOffersForAgent(db: Db, orgId: string, agentId: string) {
  return db
    .select({
      offer: offers,
      customerName: conversations.customerName,
      firstMessage: conversations.firstMessage,
      waitingSince: conversations.waitingSince,
      queueName: queues.name,
    })
    .from(offers)
    .innerJoin(conversations, and(eq(conversations.id, offers.conversationId), eq(conversations.orgId, offers.orgId)))
    .leftJoin(queues, and(eq(queues.id, conversations.queueId), eq(queues.orgId, conversations.orgId)))
    .where(and(eq(offers.orgId, orgId), eq(offers.agentId, agentId), eq(offers.status, 'pending')))
    .orderBy(asc(offers.offeredAt));
}

/** Pending offers of every organisation whose time is up; the sweeper closes them one by one. */
export async function expiredOffers(db: Db, now: Date, limit = 100): Promise<(OfferRow & { agentName: string })[]> {
  const rows = await db
    .select({ offer: offers, agentName: users.name })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.agentId))
    .where(and(eq(offers.status, 'pending'), lte(offers.expiresAt, now)))
    .orderBy(asc(offers.expiresAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.offer, agentName: r.agentName }));
}
