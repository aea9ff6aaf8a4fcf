import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Presence, TraceStep } from '@switchboard/protocol';
import type { CapacityNeed } from '../domain/routing/types.js';
import { rowsOf, type Db } from './db.js';
import type { EventRow } from './events.js';
import { profileUsedOn, sessionsHeldBy, usageDay } from './capacity-use.js';
import { lockAgents, lockConversations } from './locks.js';
import { claimNotificationsInsert, type NewNotification } from './notifications.js';
import { compactSteps } from './trace-encoding.js';
import { transaction } from './transaction.js';
import {
  agentCapacityProfiles,
  capacityProfiles,
  conversationEvents,
  conversations,
  offers,
  orgSettings,
  queueMembers,
  routingTraces,
  users,
} from './schema.js';

export type Claim = {
  orgId: string;
  conversationId: string;
  queueId: string;
  agentId: string;
  need: CapacityNeed;
  /** Presences that allow the assignment (the workstream's, for push and pick); null: any. */
  allowedPresences: readonly Presence[] | null;
  now: Date;
  /** When the offer runs out; null for a pick, which is accepted as it is taken. */
  expiresAt: Date | null;
  /** The conversation event recorded with the claim: `offered` (staff only) or `accepted` (public). */
  event: { type: 'offered' | 'accepted'; payload: Record<string, unknown>; public: boolean };
  trace: TraceStep[];
  /** Accepted as it is made because the scenario's template says so (AG2); recorded on the offer. */
  autoAccepted?: boolean;
  /**
   * A supervisor's override (SV4): charged whatever the agent's capacity, blocking profiles and the
   * session limit say (the presence check is off with `allowedPresences: null`). The same write.
   */
  override?: boolean;
  /** The agent's notification (AG2), written by the same statement; an alert answers the offer. */
  notification?: Pick<NewNotification, 'scenario' | 'kind' | 'payload' | 'expiresAt'>;
};

export type ClaimResult = {
  offer: { id: string; agentId: string; expiresAt: Date };
  event: EventRow;
  /** The agent's presence could not be derived in SQL (manual presence or profiles): recompute it. */
  recomputePresence: boolean;
};

type Prepared = Claim & { units: number; profileIds: string[]; offerId: string; eventId: string };

/**
 * Assigns open conversations to agents, many at once, as conditional writes: an agent is
 * charged only if the capacity still fits for all of their claims (units, or room in every
 * blocking profile), they would hold no more than the organisation's session limit, if it has one, and their
 * presence still allows each one; a conversation moves only if it
 * is still open and unassigned, and the same statement records the offer, its event and the
 * routing trace; what was charged for a conversation that did not move is given back. Under any
 * concurrency, on any number of nodes, no conversation is assigned twice and no agent goes over
 * capacity. Returns one result per claim, null for each claim that lost. Run it in a transaction.
 */
export async function claimConversations(tx: Db, claims: readonly Claim[]): Promise<(ClaimResult | null)[]> {
  if (claims.length === 0) return [];
  const orgId = claims[0]!.orgId;
  const now = claims[0]!.now;
  const prepared: Prepared[] = claims.map((c) => ({
    ...c,
    units: c.need.kind === 'units' ? c.need.units : 0,
    profileIds: c.need.kind === 'profiles' ? [...c.need.profileIds] : [],
    offerId: randomUUID(),
    eventId: randomUUID(),
  }));
  // The lock order (docs/architecture.md): the agents, then the conversations, each in id order,
  // before any profile row is charged. Locking the agents also makes the charge's snapshot
  // include every claim on them that committed meanwhile (the session count lives in other rows).
  await lockAgents(
    tx,
    orgId,
    prepared.map((c) => c.agentId),
  );
  await lockConversations(
    tx,
    orgId,
    prepared.map((c) => c.conversationId),
  );
  // Profiles (the rare path) are charged claim by claim; a refusal undoes only that claim.
  const refused = new Set<string>();
  for (const c of prepared.filter((p) => p.profileIds.length)) {
    const ok = await tx
      .transaction(async (sp) => {
        if (!(await chargeProfiles(sp, orgId, c.agentId, c.profileIds, now, c.override === true))) throw NOT_CHARGED;
      })
      .then(
        () => true,
        (err: unknown) => (err === NOT_CHARGED ? false : Promise.reject(err)),
      );
    if (!ok) refused.add(c.conversationId);
  }
  const live = prepared.filter((c) => !refused.has(c.conversationId));
  const charged = await chargeAgents(tx, orgId, now, live);
  const moved = await moveConversations(
    tx,
    orgId,
    now,
    live.filter((c) => charged.has(c.agentId)),
  );
  await giveBack(
    tx,
    orgId,
    now,
    live.filter((c) => !moved.has(c.conversationId)),
    charged,
  );
  return prepared.map((c) => {
    const m = moved.get(c.conversationId);
    if (!m) return null;
    return {
      offer: { id: c.offerId, agentId: c.agentId, expiresAt: c.expiresAt ?? now },
      event: {
        id: c.eventId,
        orgId,
        conversationId: c.conversationId,
        seq: m.seq,
        publicSeq: c.event.public ? m.publicSeq : null,
        type: c.event.type,
        payload: { ...c.event.payload, offerId: c.offerId },
        clientId: null,
        createdAt: now,
      },
      recomputePresence: !charged.get(c.agentId),
    };
  });
}

/** One claim, in its own transaction (run again after a deadlock): a batch of one. */
export async function claimConversation(
  db: Db,
  claim: Claim,
  andThen?: (tx: Db, r: ClaimResult) => Promise<void>,
): Promise<ClaimResult | null> {
  return transaction(db, async (tx) => {
    const [result] = await claimConversations(tx, [claim]);
    if (!result) throw NOT_CHARGED;
    await andThen?.(tx, result);
    return result;
  }).catch((err: unknown) => (err === NOT_CHARGED ? null : Promise.reject(err)));
}

const NOT_CHARGED = Symbol('not charged');

// The keys again as an array: the planner cannot see into a JSON recordset (it guesses 100 rows),
// but it can see these, and looks the rows up by key rather than hashing a scan of the table.
const toUuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

// The organisation's session limit (null: none) and what a full agent shows (AG1), read in the
// statement itself so a saved change applies to the next claim.
const settingOf = (orgId: string, column: SQL) =>
  sql`(select ${column} from ${orgSettings} where ${orgSettings.orgId} = ${orgId}::uuid)`;
const sessionLimitOf = (orgId: string) => settingOf(orgId, sql`${orgSettings.sessionLimit}`);
const fullPresenceOf = (orgId: string) => sql`coalesce(${settingOf(orgId, sql`${orgSettings.fullPresence}`)}, 'busy')`;

// Presence follows capacity in the same statement when it is derived from units alone.
const derivedPresence = (orgId: string, units: SQL) => sql`case
  when manual_presence is null and not exists (select 1 from ${agentCapacityProfiles} p where p.user_id = ${users.id})
  then (case when used_capacity + ${units} <= 0 then 'available'
    when used_capacity + ${units} >= capacity then ${fullPresenceOf(orgId)} else 'busy' end)
  else presence end`;

/** Charges each agent the units of all their claims at once; returns charged agent → presence derived in SQL. */
async function chargeAgents(tx: Db, orgId: string, now: Date, claims: Prepared[]): Promise<Map<string, boolean>> {
  const perAgent = new Map<string, { units: number; n: number; allowed: Presence[] | null; override: boolean }>();
  for (const c of claims) {
    const a = perAgent.get(c.agentId) ?? { units: 0, n: 0, allowed: null, override: true };
    a.units += c.units;
    a.n += 1;
    // Overridden only when every claim on the agent is: routing's own claims keep their checks.
    a.override &&= c.override === true;
    // The presence must allow every claim of the agent: the intersection of the allowed sets.
    if (c.allowedPresences)
      a.allowed = a.allowed ? a.allowed.filter((p) => c.allowedPresences!.includes(p)) : [...c.allowedPresences];
    perAgent.set(c.agentId, a);
  }
  if (perAgent.size === 0) return new Map();
  const req = JSON.stringify(
    [...perAgent].map(([agent, a]) => ({ agent, units: a.units, n: a.n, allowed: a.allowed, override: a.override })),
  );
  // Capacity lives on the agent's row, so a concurrent claim's update is re-checked; the session
  // count lives in other rows, which an update's snapshot would not see: the agents were locked
  // first (claimConversations), so this statement's snapshot includes every claim on them.
  const sessions = sessionsHeldBy(sql`${users.id}`);
  // With no session limit (the default) the sessions held are not counted at all: case evaluates lazily.
  const limit = sessionLimitOf(orgId);
  const rows = rowsOf<{ id: string; derived: boolean }>(
    await tx.execute(sql`
      with req as (select * from json_to_recordset(${req}::json) as r(agent uuid, units int, n int, allowed json,
        override boolean))
      update ${users} set used_capacity = used_capacity + req.units,
        last_assigned_at = ${now.toISOString()}::timestamptz,
        presence = ${derivedPresence(orgId, sql`req.units`)}
      from req
      where ${users.id} = req.agent and ${users.id} = any(${toUuidArray([...perAgent.keys()])})
        and ${users.orgId} = ${orgId}::uuid and (req.override or used_capacity + req.units <= capacity)
        and (req.allowed is null or presence in (select json_array_elements_text(req.allowed)))
        and (req.override or (case when ${limit} is null then true else ${sessions} + req.n <= ${limit} end))
      returning ${users.id} as id, manual_presence is null
        and not exists (select 1 from ${agentCapacityProfiles} p where p.user_id = ${users.id})
        and (case when ${limit} is null then true else ${sessions} + req.n < ${limit} end) as derived`),
  );
  return new Map(rows.map((r) => [r.id, r.derived]));
}

/** Moves the conversations still open and unassigned; records offer, event, trace and round robin. */
async function moveConversations(
  tx: Db,
  orgId: string,
  now: Date,
  claims: Prepared[],
): Promise<Map<string, { seq: number; publicSeq: number }>> {
  if (claims.length === 0) return new Map();
  const at = now.toISOString();
  const req = JSON.stringify(
    claims.map((c) => ({
      conv: c.conversationId,
      agent: c.agentId,
      queue: c.queueId,
      units: c.units,
      profiles: c.profileIds,
      offer_id: c.offerId,
      event_id: c.eventId,
      trace_id: randomUUID(),
      status: c.expiresAt ? 'pending' : 'accepted',
      expires_at: (c.expiresAt ?? now).toISOString(),
      accepted_at: c.expiresAt ? null : at,
      pub: c.event.public ? 1 : 0,
      type: c.event.type,
      payload: { ...c.event.payload, offerId: c.offerId },
      trace: compactSteps(c.trace),
      auto: c.autoAccepted === true,
      // The notification has the offer's id: its alert closes with the offer (notifications.ts).
      notif: c.notification
        ? {
            id: c.offerId,
            scenario: c.notification.scenario,
            kind: c.notification.kind,
            subject: c.notification.kind === 'alert' ? c.offerId : null,
            payload: c.notification.payload,
            expires_at: c.notification.expiresAt.toISOString(),
          }
        : null,
    })),
  );
  const rows = rowsOf<{ id: string; last_seq: number; last_public_seq: number }>(
    await tx.execute(sql`
      with req as (
        select * from json_to_recordset(${req}::json) as r(conv uuid, agent uuid, queue uuid, units int,
          profiles jsonb, offer_id uuid,
          event_id uuid, trace_id uuid, status text, expires_at timestamptz, accepted_at timestamptz, pub int,
            type text, payload jsonb, trace json, auto boolean, notif jsonb)
      ), moved as (
        update ${conversations} c set state = 'active', agent_id = req.agent, charged_units = req.units,
          charged_profile_ids = req.profiles,
          accepted_at = req.accepted_at, updated_at = ${at}::timestamptz, last_seq = c.last_seq + 1,
            last_public_seq = c.last_public_seq + req.pub
        from req
        where c.id = req.conv and c.id = any(${toUuidArray(claims.map((c) => c.conversationId))})
          and c.org_id = ${orgId}::uuid and c.state = 'open' and c.agent_id is null
        returning c.id, c.last_seq, c.last_public_seq
      ), done as (
        select req.*, moved.last_seq, moved.last_public_seq from req join moved on moved.id = req.conv
      ), rr as (
        update ${queueMembers} qm set last_assigned_at = ${at}::timestamptz
        from (select distinct queue, agent from done) d
        where qm.org_id = ${orgId}::uuid and qm.queue_id = d.queue and qm.user_id = d.agent
      ), offer as (
        insert into ${offers} (id, org_id, conversation_id, agent_id, status, offered_at, expires_at, closed_at,
          auto_accepted)
        select offer_id, ${orgId}::uuid, conv, agent, status, ${at}::timestamptz, expires_at, accepted_at,
          auto from done
      ), notification as (${claimNotificationsInsert(orgId, at)}
      ), event as (
        insert into ${conversationEvents} (id, org_id, conversation_id, seq, public_seq, type, payload, created_at)
        select event_id, ${orgId}::uuid, conv, last_seq, case when pub = 1 then last_public_seq end, type, payload,
          ${at}::timestamptz from done
      ), trace as (
        insert into ${routingTraces} (id, org_id, conversation_id, at, steps)
        select trace_id, ${orgId}::uuid, conv, ${at}::timestamptz, trace from done
      )
      select conv as id, last_seq, last_public_seq from done`),
  );
  return new Map(rows.map((r) => [r.id, { seq: Number(r.last_seq), publicSeq: Number(r.last_public_seq) }]));
}

/** Gives back what was charged for claims whose conversation did not move (another node took it). */
async function giveBack(
  tx: Db,
  orgId: string,
  now: Date,
  lost: Prepared[],
  charged: ReadonlyMap<string, boolean>,
): Promise<void> {
  const perAgent = new Map<string, number>();
  for (const c of lost) if (charged.has(c.agentId)) perAgent.set(c.agentId, (perAgent.get(c.agentId) ?? 0) + c.units);
  if (perAgent.size) {
    const req = JSON.stringify([...perAgent].map(([agent, units]) => ({ agent, units })));
    await tx.execute(sql`
      with req as (select * from json_to_recordset(${req}::json) as r(agent uuid, units int))
      update ${users} set used_capacity = greatest(used_capacity - req.units, 0),
        presence = ${derivedPresence(orgId, sql`(0 - req.units)`)}
      from req where ${users.id} = req.agent and ${users.orgId} = ${orgId}::uuid`);
  }
  // Profiles were charged for every live claim, whether or not its agent's units were.
  for (const c of lost.filter((l) => l.profileIds.length)) {
    await releaseCharge(tx, { orgId, agentId: c.agentId, units: 0, profileIds: c.profileIds, now });
  }
}

/** One more item in each profile; refused (false) when a blocking profile is full, unless overridden. */
async function chargeProfiles(
  tx: Db,
  orgId: string,
  agentId: string,
  profileIds: readonly string[],
  now: Date,
  override = false,
): Promise<boolean> {
  const today = usageDay(now);
  for (const profileId of profileIds) {
    const limit = sql`coalesce(${agentCapacityProfiles.customLimit},
      (select ${capacityProfiles.defaultLimit} from ${capacityProfiles} where ${capacityProfiles.id} = ${profileId}))`;
    const blocking = sql`(select ${capacityProfiles.blocksAssignment} from ${capacityProfiles} where
      ${capacityProfiles.id} = ${profileId})`;
    // End-of-day profiles count the day's items: a new day starts from zero.
    const used = profileUsedOn(
      today,
      sql`(select ${capacityProfiles.resetFrequency} from ${capacityProfiles} where ${capacityProfiles.id} =
        ${profileId})`,
    );
    const rows = await tx
      .update(agentCapacityProfiles)
      .set({ used: sql`${used} + 1`, usedOn: today })
      .where(
        and(
          eq(agentCapacityProfiles.orgId, orgId),
          eq(agentCapacityProfiles.userId, agentId),
          eq(agentCapacityProfiles.profileId, profileId),
          override ? undefined : sql`(not ${blocking} or ${used} + 1 <= ${limit})`,
        ),
      )
      .returning({ used: agentCapacityProfiles.used });
    if (rows.length === 0) return false;
  }
  return true;
}

/**
 * Empties the end-of-day profiles last used before today (UTC), in one statement; returns the
 * agents whose count went back to zero, so their presence and routing can follow.
 */
export async function resetEndOfDayProfiles(tx: Db, now: Date): Promise<{ orgId: string; userId: string }[]> {
  const today = usageDay(now);
  // The lock order: the agents whose profiles reset, in id order, before their profile rows.
  const due = sql`select acp.user_id from ${agentCapacityProfiles} acp join ${capacityProfiles} cp on cp.id =
    acp.profile_id
    where cp.reset_frequency = 'end-of-day' and acp.used > 0 and acp.used_on is distinct from ${today}`;
  await tx.execute(sql`select 1 from ${users} where ${users.id} in (${due}) order by ${users.id} for no key update`);
  const rows = rowsOf<{ org_id: string; user_id: string }>(
    await tx.execute(sql`
      update ${agentCapacityProfiles} acp set used = 0, used_on = ${today}
      from ${capacityProfiles} cp
      where cp.id = acp.profile_id and cp.reset_frequency = 'end-of-day' and acp.used > 0
        and acp.used_on is distinct from ${today}
      returning acp.org_id, acp.user_id`),
  );
  const unique = new Map(rows.map((r) => [`${r.org_id}/${r.user_id}`, { orgId: r.org_id, userId: r.user_id }]));
  return [...unique.values()];
}

/**
 * Gives back what a conversation held: its units and its profiles (end-of-day profiles keep
 * counting until the day ends), and notes the time for least-active routing.
 */
export async function releaseCharge(
  tx: Db,
  c: { orgId: string; agentId: string; units: number; profileIds: readonly string[]; now: Date },
): Promise<void> {
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
        sql`(select ${capacityProfiles.resetFrequency} from ${capacityProfiles} where ${capacityProfiles.id} =
          ${agentCapacityProfiles.profileId}) = 'immediate'`,
      ),
    );
}

/** Organisations that have conversations waiting for an agent. */
export async function openOrganisations(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ orgId: conversations.orgId })
    .from(conversations)
    .where(eq(conversations.state, 'open'));
  return rows.map((r) => r.orgId);
}

/**
 * Charges an agent again for a conversation they take back from Waiting (CV1): the same units and
 * profiles it cost at assignment, whatever the agent holds now (the conversation was theirs).
 */
export async function chargeAgain(
  tx: Db,
  c: { orgId: string; agentId: string; units: number; profileIds: readonly string[] },
): Promise<void> {
  await tx
    .update(users)
    .set({ usedCapacity: sql`${users.usedCapacity} + ${c.units}` })
    .where(and(eq(users.id, c.agentId), eq(users.orgId, c.orgId)));
  if (c.profileIds.length === 0) return;
  await tx
    .update(agentCapacityProfiles)
    .set({ used: sql`${agentCapacityProfiles.used} + 1` })
    .where(
      and(
        eq(agentCapacityProfiles.orgId, c.orgId),
        eq(agentCapacityProfiles.userId, c.agentId),
        inArray(agentCapacityProfiles.profileId, [...c.profileIds]),
      ),
    );
}
