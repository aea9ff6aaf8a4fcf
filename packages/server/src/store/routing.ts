import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Presence } from '@switchboard/protocol';
import type { AgentSnapshot, RoutingItem } from '../domain/routing/eligibility.js';
import type { Db } from './db.js';
import { conversations, offers, queueMembers, users, workstreams } from './schema.js';

/** Open items of an organisation, oldest wait first, with what routing needs from their workstream. */
export async function openItems(db: Db, orgId: string, limit = 100): Promise<(RoutingItem & { offerTimeoutSeconds: number | null })[]> {
  const rows = await db
    .select({
      conversationId: conversations.id,
      queueId: conversations.queueId,
      capacityUnits: conversations.capacityUnits,
      allowedPresences: workstreams.allowedPresences,
      maxDeclines: workstreams.maxDeclines,
      waitingSince: conversations.waitingSince,
      offerTimeoutSeconds: workstreams.offerTimeoutSeconds,
    })
    .from(conversations)
    .innerJoin(workstreams, eq(workstreams.id, conversations.workstreamId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.state, 'open')))
    .orderBy(asc(conversations.waitingSince), asc(conversations.id))
    .limit(limit);
  return rows.flatMap((r) =>
    r.queueId ? [{ ...r, queueId: r.queueId, allowedPresences: r.allowedPresences as Presence[] }] : [],
  );
}

export async function agentSnapshots(db: Db, orgId: string): Promise<AgentSnapshot[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      presence: users.presence,
      capacity: users.capacity,
      usedCapacity: users.usedCapacity,
      lastAssignedAt: users.lastAssignedAt,
      queueIds: sql<string[]>`coalesce(array_agg(${queueMembers.queueId}) filter (where ${queueMembers.queueId} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(queueMembers, eq(queueMembers.userId, users.id))
    .where(and(eq(users.orgId, orgId), eq(users.role, 'agent')))
    .groupBy(users.id);
  return rows;
}

/** How many times each agent declined each of these conversations. */
export async function declineCounts(db: Db, orgId: string, conversationIds: string[]): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  if (conversationIds.length === 0) return result;
  const rows = await db
    .select({ conversationId: offers.conversationId, agentId: offers.agentId, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(
      and(eq(offers.orgId, orgId), inArray(offers.conversationId, conversationIds), inArray(offers.status, ['rejected', 'timeout'])),
    )
    .groupBy(offers.conversationId, offers.agentId);
  for (const r of rows) {
    const perAgent = result.get(r.conversationId) ?? new Map<string, number>();
    perAgent.set(r.agentId, r.n);
    result.set(r.conversationId, perAgent);
  }
  return result;
}

export type Claim = {
  orgId: string;
  conversationId: string;
  agentId: string;
  units: number;
  allowedPresences: readonly Presence[];
  now: Date;
  expiresAt: Date;
};

const NOT_CLAIMED = Symbol('not claimed');

/**
 * Assigns an open conversation to an agent as one conditional write: the agent's capacity is
 * charged only if it still fits and their presence still allows it, and the conversation only
 * moves if it is still open and unassigned. Under concurrency at most one claim wins per
 * conversation and no agent goes over capacity. Returns the new offer, or null when it lost.
 */
export async function claimConversation(
  db: Db,
  c: Claim,
  /** Runs inside the claim's transaction, e.g. to record the offer as a conversation event. */
  andThen?: (tx: Db, offer: typeof offers.$inferSelect) => Promise<void>,
): Promise<typeof offers.$inferSelect | null> {
  try {
    return await db.transaction(async (tx) => {
      const charged = await tx
        .update(users)
        .set({ usedCapacity: sql`${users.usedCapacity} + ${c.units}`, lastAssignedAt: c.now })
        .where(
          and(
            eq(users.id, c.agentId),
            eq(users.orgId, c.orgId),
            lte(sql`${users.usedCapacity} + ${c.units}`, users.capacity),
            inArray(users.presence, [...c.allowedPresences]),
          ),
        )
        .returning({ id: users.id });
      if (charged.length === 0) throw NOT_CLAIMED;
      const moved = await tx
        .update(conversations)
        .set({ state: 'active', agentId: c.agentId, chargedUnits: c.units, acceptedAt: null, updatedAt: c.now })
        .where(
          and(
            eq(conversations.id, c.conversationId),
            eq(conversations.orgId, c.orgId),
            eq(conversations.state, 'open'),
            isNull(conversations.agentId),
          ),
        )
        .returning({ id: conversations.id });
      if (moved.length === 0) throw NOT_CLAIMED;
      const [offer] = await tx
        .insert(offers)
        .values({
          orgId: c.orgId,
          conversationId: c.conversationId,
          agentId: c.agentId,
          status: 'pending',
          offeredAt: c.now,
          expiresAt: c.expiresAt,
        })
        .returning();
      await andThen?.(tx, offer!);
      return offer!;
    });
  } catch (err) {
    if (err === NOT_CLAIMED) return null;
    throw err;
  }
}

/** Gives back capacity a conversation held; never below zero. */
export async function releaseCapacity(tx: Db, orgId: string, agentId: string, units: number): Promise<void> {
  if (units <= 0) return;
  await tx
    .update(users)
    .set({ usedCapacity: sql`greatest(${users.usedCapacity} - ${units}, 0)` })
    .where(and(eq(users.id, agentId), eq(users.orgId, orgId), gte(users.usedCapacity, 0)));
}

/** Organisations that have conversations waiting for an agent. */
export async function openOrganisations(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: conversations.orgId }).from(conversations).where(eq(conversations.state, 'open'));
  return rows.map((r) => r.orgId);
}
