import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './db.js';
import { RetryTransaction } from './transaction.js';
import { conversations, users } from './schema.js';

// The lock order every transaction follows (docs/architecture.md, "Lock order"): agents' users
// rows first, in id order; then conversations, in id order; then what hangs off them (offers,
// capacity profiles, events). Locks are FOR NO KEY UPDATE: exclusive among writers, but they do
// not conflict with the FOR KEY SHARE a foreign-key check takes, so inserting an event or a
// participant that refers to a locked row never waits, and never turns into a lock upgrade.

/** Locks the agents' rows, in id order, until the transaction ends. */
export async function lockAgents(tx: Db, orgId: string, agentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(agentIds)].sort();
  if (ids.length === 0) return;
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)))
    .orderBy(users.id)
    .for('no key update');
}

/**
 * Locks a conversation in the lock order: its agent first (read before locking), then the
 * conversation. If the conversation changed agent in between, the transaction starts again
 * (`RetryTransaction`, which `transaction()` catches), since locking the new agent now would
 * take the agent after the conversation. `alsoAgentIds` are locked with it (the agent accepting or
 * declining). Returns the locked row, or undefined when there is none.
 */
export async function lockConversationAndAgent(
  tx: Db,
  orgId: string,
  id: string,
  alsoAgentIds: readonly string[] = [],
) {
  const [seen] = await tx
    .select({ agentId: conversations.agentId })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
  if (!seen) return undefined;
  await lockAgents(tx, orgId, seen.agentId ? [seen.agentId, ...alsoAgentIds] : alsoAgentIds);
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .for('no key update');
  if (row?.agentId && row.agentId !== seen.agentId) {
    throw new RetryTransaction('the conversation changed agent while it was being locked');
  }
  return row;
}

/** Locks conversations in id order (a claim batch), after their agents. */
export async function lockConversations(tx: Db, orgId: string, ids: readonly string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, sorted)))
    .orderBy(conversations.id)
    .for('no key update');
}
