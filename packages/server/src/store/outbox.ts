import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { rowsOf } from './db.js';
import { outbox } from './schema.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

/** In the message's own transaction: the reply is durable the moment the message is. */
export async function insertOutbox(
  tx: Db,
  v: {
    orgId: string;
    channelId: string;
    conversationId: string;
    messageId: string;
    to: string;
    text: string;
    at: Date;
  },
): Promise<void> {
  await tx.insert(outbox).values({
    orgId: v.orgId,
    channelId: v.channelId,
    conversationId: v.conversationId,
    messageId: v.messageId,
    toAddress: v.to,
    text: v.text,
    status: 'pending',
    nextAttemptAt: v.at,
    createdAt: v.at,
    updatedAt: v.at,
  });
}

/**
 * Takes up to `limit` replies that are due, on any node, and marks them `sending` with a lease:
 * a claimed row is sent by one node only (SKIP LOCKED), and one whose node died while sending is
 * due again when the lease ends.
 */
export async function claimDueOutbox(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const result = await db.execute(sql`
    update outbox o set status = 'sending', attempts = o.attempts + 1, updated_at = ${now.toISOString()}::timestamptz,
      next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
    where o.id in (
      select id from outbox
      where status in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning o.id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.id, ids));
}

/** The outcome of a send, on the row this node claimed (still `sending`); false when it is no longer ours. */
export async function settleOutbox(
  tx: Db,
  id: string,
  attempts: number,
  v: Partial<Pick<OutboxRow, 'status' | 'providerMessageId' | 'lastError' | 'nextAttemptAt'>> & { updatedAt: Date },
): Promise<OutboxRow | undefined> {
  const [row] = await tx
    .update(outbox)
    .set(v)
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.attempts, attempts)))
    .returning();
  return row;
}

/** A provider's status callback finds its reply by the id the provider gave it. */
export async function outboxByProviderId(
  db: Db,
  channelId: string,
  providerMessageId: string,
): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.channelId, channelId), eq(outbox.providerMessageId, providerMessageId)));
  return row;
}

export async function setOutboxStatus(
  tx: Db,
  id: string,
  status: OutboxStatus,
  reason: string | null,
  at: Date,
): Promise<OutboxRow | undefined> {
  const [row] = await tx
    .update(outbox)
    .set({ status, lastError: reason, updatedAt: at })
    .where(eq(outbox.id, id))
    .returning();
  return row;
}

export async function listOutbox(db: Db, orgId: string, which: 'dead' | 'retrying'): Promise<OutboxRow[]> {
  const match =
    which === 'dead'
      ? eq(outbox.status, 'dead')
      : and(inArray(outbox.status, ['pending', 'sending']), sql`${outbox.attempts} > 0`);
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), match))
    .orderBy(desc(outbox.updatedAt))
    .limit(200);
}

/** A dead reply is due again now, its attempts counted afresh. */
export async function retryDeadOutbox(db: Db, orgId: string, id: string, now: Date): Promise<OutboxRow | undefined> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId), eq(outbox.status, 'dead')))
    .returning();
  return row;
}

export async function getOutbox(db: Db, orgId: string, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.orgId, orgId)));
  return row;
}

/** Replies of these messages, for the workspace's delivery marks. */
export async function outboxOfMessages(db: Db, orgId: string, conversationId: string): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.conversationId, conversationId)));
}
