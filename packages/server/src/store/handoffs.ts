import { aliasedTable, and, asc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { PendingTransfer, TransferOutcome } from '@switchboard/protocol';
import { stateForOutcome } from '../domain/notifications/answers.js';
import type { Db } from './db.js';
import { closeBySubject } from './notifications.js';
import { conversations, handoffs, queues, users } from './schema.js';

export type HandoffRow = typeof handoffs.$inferSelect;

export async function insertHandoff(
  tx: Db,
  h: {
    kind: 'transfer' | 'consult';
    orgId: string;
    conversationId: string;
    fromUserId: string;
    toUserId: string | null;
    toQueueId: string | null;
    note: string;
    at: Date;
    expiresAt: Date;
    status?: 'pending' | 'accepted';
  },
): Promise<HandoffRow> {
  const [row] = await tx
    .insert(handoffs)
    .values({
      orgId: h.orgId,
      conversationId: h.conversationId,
      kind: h.kind,
      fromUserId: h.fromUserId,
      toUserId: h.toUserId,
      toQueueId: h.toQueueId,
      status: h.status ?? 'pending',
      note: h.note,
      requestedAt: h.at,
      expiresAt: h.expiresAt,
      closedAt: h.status === 'accepted' ? h.at : null,
    })
    .returning();
  return row!;
}

export async function getHandoff(db: Db, orgId: string, id: string): Promise<HandoffRow | undefined> {
  const [row] = await db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id)));
  return row;
}

export async function pendingTransferOf(tx: Db, orgId: string, conversationId: string) {
  const [row] = await tx
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        eq(handoffs.conversationId, conversationId),
        eq(handoffs.kind, 'transfer'),
        eq(handoffs.status, 'pending'),
      ),
    );
  return row;
}

/** Pending → `outcome`, only if still pending: of two answers racing, one wins. Its alert closes with it. */
export async function closeHandoff(
  tx: Db,
  orgId: string,
  id: string,
  outcome: TransferOutcome,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(handoffs)
    .set({ status: outcome, closedAt: at })
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id), eq(handoffs.status, 'pending')))
    .returning({ id: handoffs.id });
  if (rows.length > 0) await closeBySubject(tx, orgId, [id], stateForOutcome(outcome), at);
  return rows.length > 0;
}

const asker = aliasedTable(users, 'asker');
const receiver = aliasedTable(users, 'receiver');

/** Consults of the conversation still waiting for an answer. */
export async function pendingConsultsOf(tx: Db, orgId: string, conversationId: string) {
  return tx
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        eq(handoffs.conversationId, conversationId),
        eq(handoffs.kind, 'consult'),
        eq(handoffs.status, 'pending'),
      ),
    );
}

/** Pending transfers whose time ran out, every organisation's (the sweep), with the receiving agent's name. */
export async function dueHandoffs(db: Db, now: Date, limit = 200) {
  return db
    .select({ h: handoffs, toName: receiver.name })
    .from(handoffs)
    .innerJoin(receiver, eq(receiver.id, handoffs.toUserId))
    .where(and(eq(handoffs.status, 'pending'), lte(handoffs.expiresAt, now)))
    .orderBy(asc(handoffs.expiresAt))
    .limit(limit);
}

/** The transfers and consults waiting for this agent's answer, with what their notification shows. */
export async function pendingTransfersFor(db: Db, orgId: string, userId: string): Promise<PendingTransfer[]> {
  const rows = await db
    .select({ h: handoffs, c: conversations, fromName: asker.name, queueName: queues.name })
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .innerJoin(asker, eq(asker.id, handoffs.fromUserId))
    .leftJoin(queues, eq(queues.id, conversations.queueId))
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.toUserId, userId), eq(handoffs.status, 'pending')))
    .orderBy(asc(handoffs.requestedAt));
  return rows.map((r) => pendingView(r.h, r.c, r.fromName, r.queueName));
}

export function pendingView(
  h: HandoffRow,
  c: { customerName: string; firstMessage: string | null; waitingSince: Date },
  fromName: string,
  queueName: string | null,
): PendingTransfer {
  return {
    id: h.id,
    kind: h.kind,
    conversationId: h.conversationId,
    customerName: c.customerName,
    firstMessage: c.firstMessage,
    queueName,
    fromName,
    note: h.note,
    waitingSince: c.waitingSince.toISOString(),
    requestedAt: h.requestedAt.toISOString(),
    expiresAt: h.expiresAt.toISOString(),
  };
}

/** Every request of the conversation still waiting is withdrawn (it left the agent who asked). */
export async function withdrawPending(tx: Db, orgId: string, conversationId: string, at: Date) {
  const rows = await tx
    .update(handoffs)
    .set({ status: 'withdrawn', closedAt: at })
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.conversationId, conversationId), eq(handoffs.status, 'pending')))
    .returning({ id: handoffs.id, toUserId: handoffs.toUserId });
  await closeBySubject(
    tx,
    orgId,
    rows.map((r) => r.id),
    'withdrawn',
    at,
  );
  return rows;
}

/**
 * Of these open conversations, those a colleague sent to their queue (a transfer to a queue since
 * they last entered it): routing's offer of one is an escalation (AG2). One statement per block.
 */
export async function escalatedAmong(db: Db, orgId: string, conversationIds: readonly string[]): Promise<Set<string>> {
  if (conversationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: handoffs.conversationId })
    .from(handoffs)
    .innerJoin(conversations, and(eq(conversations.id, handoffs.conversationId), eq(conversations.orgId, orgId)))
    .where(
      and(
        eq(handoffs.orgId, orgId),
        inArray(handoffs.conversationId, [...conversationIds]),
        isNotNull(handoffs.toQueueId),
        eq(handoffs.toQueueId, conversations.queueId),
        gte(handoffs.requestedAt, conversations.routingAge),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
