import type { Callback } from '@switchboard/protocol';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from './db.js';
import { callbacks, queues } from './schema.js';

export type CallbackRow = typeof callbacks.$inferSelect;

export async function insertCallback(tx: Db, values: typeof callbacks.$inferInsert): Promise<CallbackRow> {
  const [row] = await tx.insert(callbacks).values(values).returning();
  return row!;
}

/** The request a chat made, if any: one per chat (a unique index keeps it so). */
export async function callbackOfSource(db: Db, orgId: string, conversationId: string) {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.sourceConversationId, conversationId)));
  return row;
}

export async function getCallback(
  db: Db,
  orgId: string,
  id: string,
): Promise<(CallbackRow & { queueName: string | null }) | undefined> {
  const [row] = await db
    .select({ callback: callbacks, queueName: queues.name })
    .from(callbacks)
    .leftJoin(queues, and(eq(queues.id, callbacks.queueId), eq(queues.orgId, callbacks.orgId)))
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, id)));
  return row && { ...row.callback, queueName: row.queueName };
}

/**
 * Scheduled requests whose time has come, locked so two sweeps (two servers) never make two work
 * items of one: the second skips the rows the first holds.
 */
export async function lockDueCallbacks(tx: Db, now: Date, limit: number): Promise<CallbackRow[]> {
  return tx
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.state, 'scheduled'), lte(callbacks.dueAt, now)))
    .orderBy(asc(callbacks.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** The request became this work item; only a scheduled one does (the condition makes it happen once). */
export async function markQueued(tx: Db, orgId: string, id: string, workConversationId: string): Promise<boolean> {
  const rows = await tx
    .update(callbacks)
    .set({ state: 'queued', workConversationId })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, id), eq(callbacks.state, 'scheduled')))
    .returning({ id: callbacks.id });
  return rows.length === 1;
}

export function toCallback(r: CallbackRow & { queueName: string | null }): Callback {
  return {
    id: r.id,
    queueId: r.queueId,
    queueName: r.queueName,
    name: r.name,
    phone: r.phone,
    email: r.email,
    note: r.note,
    preferredAt: r.preferredAt?.toISOString() ?? null,
    dueAt: r.dueAt.toISOString(),
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    sourceConversationId: r.sourceConversationId,
    workConversationId: r.workConversationId,
  };
}

export async function cancelCallback(tx: Db, orgId: string, id: string): Promise<void> {
  await tx
    .update(callbacks)
    .set({ state: 'cancelled' })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, id), eq(callbacks.state, 'scheduled')));
}
