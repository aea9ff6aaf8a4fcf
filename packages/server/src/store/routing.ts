import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Presence, TraceStep } from '@switchboard/protocol';
import type { CapacityNeed } from '../domain/routing/types.js';
import { rowsOf, type Db } from './db.js';
import type { EventRow } from './events.js';
import { agentCapacityProfiles, capacityProfiles, conversationEvents, conversations, offers, queueMembers, routingTraces, users } from './schema.js';

export type Claim = {
  orgId: string;
  conversationId: string;
  queueId: string;
  agentId: string;
  need: CapacityNeed;
  /** Presences that allow the assignment; null for a pick (the agent asks for it themself). */
  allowedPresences: readonly Presence[] | null;
  now: Date;
  /** When the offer runs out; null for a pick, which is accepted as it is taken. */
  expiresAt: Date | null;
  /** The conversation event recorded with the claim: `offered` (staff only) or `accepted` (public). */
  event: { type: 'offered' | 'accepted'; payload: Record<string, unknown>; public: boolean };
  trace: TraceStep[];
};

export type ClaimResult = {
  offer: { id: string; agentId: string; expiresAt: Date };
  event: EventRow;
  /** The agent's presence could not be derived in SQL (manual presence or profiles): recompute it. */
  recomputePresence: boolean;
};

const NOT_CLAIMED = Symbol('not claimed');
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Assigns an open conversation to an agent as one conditional write: the agent is charged only
 * if the capacity still fits (units, or room in every blocking profile) and their presence still
 * allows it; the conversation moves only if it is still open and unassigned; the same statement
 * records the offer, its event and the routing trace. Under
 * any concurrency, on any number of nodes, at most one claim wins and no agent goes over
 * capacity. Returns null when the claim lost.
 */
export async function claimConversation(db: Db, c: Claim, andThen?: (tx: Db, r: ClaimResult) => Promise<void>): Promise<ClaimResult | null> {
  const units = c.need.kind === 'units' ? c.need.units : 0;
  const profileIds = c.need.kind === 'profiles' ? [...c.need.profileIds] : [];
  const offerId = randomUUID();
  const eventId = randomUUID();
  try {
    // Inside a routing block this is a savepoint: a lost claim undoes only itself.
    return await db.transaction(async (tx) => {
      if (profileIds.length && !(await chargeProfiles(tx, c.orgId, c.agentId, profileIds, c.now))) throw NOT_CLAIMED;
      const pub = c.event.public ? 1 : 0;
      const now = c.now.toISOString();
      const noProfiles = sql`not exists (select 1 from ${agentCapacityProfiles} p where p.user_id = ${users.id})`;
      // One statement: charge the agent (presence follows when it is derived from units alone),
      // move round robin on, move the conversation only if the agent was charged, and record
      // the offer, its event and the routing trace.
      const [row] = rowsOf<{ charged: number; derived: boolean | null; last_seq: number | null; last_public_seq: number | null }>(
        await tx.execute(sql`
        with charged as (
          update ${users} set
            used_capacity = used_capacity + ${units}::int,
            last_assigned_at = ${now}::timestamptz,
            presence = case
              when manual_presence is null and ${noProfiles} then (case when used_capacity + ${units}::int >= capacity then 'busy-dnd' else 'busy' end)
              else presence end
          where id = ${c.agentId}::uuid and org_id = ${c.orgId}::uuid and used_capacity + ${units}::int <= capacity
            ${c.allowedPresences ? sql`and presence in (${list(c.allowedPresences)})` : sql``}
          returning id, manual_presence is null and ${noProfiles} as derived
        ), rr as (
          update ${queueMembers} set last_assigned_at = ${now}::timestamptz
          where queue_id = ${c.queueId}::uuid and user_id in (select id from charged)
        ), moved as (
          update ${conversations} set
            state = 'active', agent_id = ${c.agentId}::uuid, charged_units = ${units}::int,
            charged_profile_ids = ${JSON.stringify(profileIds)}::jsonb,
            accepted_at = ${c.expiresAt ? null : now}::timestamptz, updated_at = ${now}::timestamptz,
            last_seq = last_seq + 1, last_public_seq = last_public_seq + ${pub}::int
          where id = ${c.conversationId}::uuid and org_id = ${c.orgId}::uuid and state = 'open' and agent_id is null
            and exists (select 1 from charged)
          returning id, last_seq, last_public_seq
        ), offer as (
          insert into ${offers} (id, org_id, conversation_id, agent_id, status, offered_at, expires_at, closed_at)
          select ${offerId}::uuid, ${c.orgId}::uuid, id, ${c.agentId}::uuid, ${c.expiresAt ? 'pending' : 'accepted'}::text, ${now}::timestamptz,
            ${(c.expiresAt ?? c.now).toISOString()}::timestamptz, ${c.expiresAt ? null : now}::timestamptz from moved
        ), event as (
          insert into ${conversationEvents} (id, org_id, conversation_id, seq, public_seq, type, payload, created_at)
          select ${eventId}::uuid, ${c.orgId}::uuid, id, last_seq, ${c.event.public ? sql`last_public_seq` : sql`null`}, ${c.event.type}::text,
            ${JSON.stringify({ ...c.event.payload, offerId })}::jsonb, ${now}::timestamptz from moved
        ), trace as (
          insert into ${routingTraces} (id, org_id, conversation_id, at, steps)
          select ${randomUUID()}::uuid, ${c.orgId}::uuid, id, ${now}::timestamptz, ${JSON.stringify(c.trace)}::json from moved
        )
        select (select count(*)::int from charged) as charged, (select derived from charged) as derived, moved.last_seq, moved.last_public_seq
        from (select 1) as one left join moved on true`),
      );
      // Charged but the conversation was gone (another node took it): undo the charge.
      if (!row || row.last_seq === null) throw NOT_CLAIMED;
      const result: ClaimResult = {
        offer: { id: offerId, agentId: c.agentId, expiresAt: c.expiresAt ?? c.now },
        event: {
          id: eventId,
          orgId: c.orgId,
          conversationId: c.conversationId,
          seq: Number(row.last_seq),
          publicSeq: c.event.public ? Number(row.last_public_seq) : null,
          type: c.event.type,
          payload: { ...c.event.payload, offerId },
          clientId: null,
          createdAt: c.now,
        },
        recomputePresence: !row.derived,
      };
      await andThen?.(tx, result);
      return result;
    });
  } catch (err) {
    if (err === NOT_CLAIMED) return null;
    throw err;
  }
}

/** One more item in each profile; refused (false) when a blocking profile is full. */
async function chargeProfiles(tx: Db, orgId: string, agentId: string, profileIds: readonly string[], now: Date): Promise<boolean> {
  const today = now.toISOString().slice(0, 10);
  for (const profileId of profileIds) {
    const limit = sql`coalesce(${agentCapacityProfiles.customLimit}, (select ${capacityProfiles.defaultLimit} from ${capacityProfiles} where ${capacityProfiles.id} = ${profileId}))`;
    const blocking = sql`(select ${capacityProfiles.blocksAssignment} from ${capacityProfiles} where ${capacityProfiles.id} = ${profileId})`;
    // End-of-day profiles count the day's items: a new day starts from zero.
    const used = sql`case when ${agentCapacityProfiles.usedOn} is distinct from ${today} and (select ${capacityProfiles.resetFrequency} from ${capacityProfiles} where ${capacityProfiles.id} = ${profileId}) = 'end-of-day' then 0 else ${agentCapacityProfiles.used} end`;
    const rows = await tx
      .update(agentCapacityProfiles)
      .set({ used: sql`${used} + 1`, usedOn: today })
      .where(
        and(
          eq(agentCapacityProfiles.orgId, orgId),
          eq(agentCapacityProfiles.userId, agentId),
          eq(agentCapacityProfiles.profileId, profileId),
          sql`(not ${blocking} or ${used} + 1 <= ${limit})`,
        ),
      )
      .returning({ used: agentCapacityProfiles.used });
    if (rows.length === 0) return false;
  }
  return true;
}

/**
 * Gives back what a conversation held: its units and its profiles (end-of-day profiles keep
 * counting until the day ends), and notes the time for least-active routing.
 */
export async function releaseCharge(tx: Db, c: { orgId: string; agentId: string; units: number; profileIds: readonly string[]; now: Date }): Promise<void> {
  await tx
    .update(users)
    .set({ usedCapacity: sql`greatest(${users.usedCapacity} - ${c.units}, 0)`, lastCapacityReleaseAt: c.now })
    .where(and(eq(users.id, c.agentId), eq(users.orgId, c.orgId)));
  if (c.profileIds.length === 0) return;
  await tx
    .update(agentCapacityProfiles)
    .set({ used: sql`greatest(${agentCapacityProfiles.used} - 1, 0)` })
    .where(
      and(
        eq(agentCapacityProfiles.orgId, c.orgId),
        eq(agentCapacityProfiles.userId, c.agentId),
        inArray(agentCapacityProfiles.profileId, [...c.profileIds]),
        sql`(select ${capacityProfiles.resetFrequency} from ${capacityProfiles} where ${capacityProfiles.id} = ${agentCapacityProfiles.profileId}) = 'immediate'`,
      ),
    );
}

/** Organisations that have conversations waiting for an agent. */
export async function openOrganisations(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: conversations.orgId }).from(conversations).where(eq(conversations.state, 'open'));
  return rows.map((r) => r.orgId);
}
