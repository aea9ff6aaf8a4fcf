import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AgentRouting,
  CapacityProfile,
  CustomPresence,
  OperatingHours,
  QueueConfig,
  RoutingSettings,
  Skill,
  Workstream,
} from '@switchboard/protocol';
import { NewWorkstream } from '@switchboard/protocol';
import type { RoutingConfig } from '../domain/routing/types.js';
import type { Db } from './db.js';
import { requireOwned, requireWritten } from './ownership.js';
import {
  agentCapacityProfiles,
  agentSkills,
  capacityProfiles,
  conversations,
  customPresences,
  operatingHours,
  orgSettings,
  queueMembers,
  queues,
  skills,
  users,
  workstreams,
  type WorkstreamSettings,
} from './schema.js';

// Reads and writes of the routing configuration. Nothing here is cached: every routing
// decision reads what is committed, so a saved change applies at once on every node (RT6).

type QueueRow = typeof queues.$inferSelect;
type WorkstreamRow = typeof workstreams.$inferSelect;

/** A workstream's stored settings from a partial description, defaults filled in by the protocol schema. */
export function workstreamSettings(
  input: Omit<z.input<typeof NewWorkstream>, 'name' | 'fallbackQueueId'>,
): WorkstreamSettings {
  const {
    name: _n,
    fallbackQueueId: _f,
    ...settings
  } = NewWorkstream.parse({ ...input, name: 'x', fallbackQueueId: '00000000-0000-4000-8000-000000000000' });
  return settings;
}

export const toWorkstream = (w: WorkstreamRow): Workstream => ({
  id: w.id,
  name: w.name,
  fallbackQueueId: w.fallbackQueueId,
  ...w.config,
});

function toQueue(q: QueueRow, memberIds: string[]): QueueConfig {
  return {
    id: q.id,
    name: q.name,
    priority: q.priority,
    assignment: q.assignment,
    operatingHoursId: q.operatingHoursId,
    overflow: q.overflow,
    memberIds,
  };
}

export async function listSkills(db: Db, orgId: string): Promise<Skill[]> {
  return db
    .select({ id: skills.id, name: skills.name, type: skills.type })
    .from(skills)
    .where(eq(skills.orgId, orgId))
    .orderBy(skills.name);
}

export async function listCapacityProfiles(db: Db, orgId: string): Promise<CapacityProfile[]> {
  const rows = await db
    .select()
    .from(capacityProfiles)
    .where(eq(capacityProfiles.orgId, orgId))
    .orderBy(capacityProfiles.name);
  return rows.map(({ orgId: _o, ...p }) => p);
}

export async function listPresences(db: Db, orgId: string): Promise<CustomPresence[]> {
  return db
    .select({ id: customPresences.id, name: customPresences.name, base: customPresences.base })
    .from(customPresences)
    .where(eq(customPresences.orgId, orgId))
    .orderBy(customPresences.name);
}

export async function listOperatingHours(db: Db, orgId: string): Promise<OperatingHours[]> {
  const rows = await db
    .select()
    .from(operatingHours)
    .where(eq(operatingHours.orgId, orgId))
    .orderBy(operatingHours.name);
  return rows.map(({ orgId: _o, ...h }) => h);
}

export async function listQueueConfigs(db: Db, orgId: string): Promise<QueueConfig[]> {
  const [rows, members] = await Promise.all([
    db.select().from(queues).where(eq(queues.orgId, orgId)).orderBy(queues.name),
    db
      .select({ queueId: queueMembers.queueId, userId: queueMembers.userId })
      .from(queueMembers)
      .where(eq(queueMembers.orgId, orgId)),
  ]);
  const byQueue = new Map<string, string[]>();
  for (const m of members) byQueue.set(m.queueId, [...(byQueue.get(m.queueId) ?? []), m.userId]);
  return rows.map((q) => toQueue(q, (byQueue.get(q.id) ?? []).sort()));
}

export async function listWorkstreams(db: Db, orgId: string): Promise<Workstream[]> {
  const rows = await db.select().from(workstreams).where(eq(workstreams.orgId, orgId)).orderBy(workstreams.name);
  return rows.map(toWorkstream);
}

export async function getWorkstream(db: Db, orgId: string, id: string): Promise<Workstream | undefined> {
  const [row] = await db
    .select()
    .from(workstreams)
    .where(and(eq(workstreams.orgId, orgId), eq(workstreams.id, id)));
  return row && toWorkstream(row);
}

/** Everything routing needs about an organisation's configuration, read fresh. */
export async function loadRoutingConfig(db: Db, orgId: string): Promise<RoutingConfig> {
  const [ws, qs, profiles, hours, settings] = await Promise.all([
    listWorkstreams(db, orgId),
    listQueueConfigs(db, orgId),
    listCapacityProfiles(db, orgId),
    listOperatingHours(db, orgId),
    getSettings(db, orgId),
  ]);
  return {
    sessionLimit: settings.sessionLimit,
    workstreams: new Map(ws.map((w) => [w.id, w])),
    queues: new Map(qs.map((q) => [q.id, q])),
    capacityProfiles: new Map(profiles.map((p) => [p.id, p])),
    operatingHours: new Map(hours.map((h) => [h.id, h])),
  };
}

export async function getSettings(db: Db, orgId: string): Promise<RoutingSettings> {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.orgId, orgId));
  return {
    defaultPresence: (row?.defaultPresence ?? 'available') as RoutingSettings['defaultPresence'],
    idleMinutes: row?.idleMinutes ?? 15,
    missedOfferMakesInactive: row?.missedOfferMakesInactive ?? false,
    rejectMakesDoNotDisturb: row?.rejectMakesDoNotDisturb ?? false,
    sessionLimit: row?.sessionLimit ?? null,
    fullPresence: row?.fullPresence ?? 'busy',
  };
}

export async function saveSettings(db: Db, orgId: string, s: RoutingSettings): Promise<void> {
  const values = {
    defaultPresence: s.defaultPresence,
    idleMinutes: s.idleMinutes,
    missedOfferMakesInactive: s.missedOfferMakesInactive,
    rejectMakesDoNotDisturb: s.rejectMakesDoNotDisturb,
    sessionLimit: s.sessionLimit,
    fullPresence: s.fullPresence,
  };
  await db
    .insert(orgSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: values });
}

// ---- writes (the admin service validates references before calling these) ----
// Each write names the organisation in its condition (X3): an upsert whose id is another
// organisation's updates nothing and throws, so the transaction rolls back (store/ownership.ts).

export async function upsertSkill(db: Db, orgId: string, s: Skill): Promise<void> {
  const rows = await db
    .insert(skills)
    .values({ ...s, orgId })
    .onConflictDoUpdate({ target: skills.id, set: { name: s.name, type: s.type }, setWhere: eq(skills.orgId, orgId) })
    .returning({ id: skills.id });
  requireWritten(rows, 'skills', s.id);
}

export async function upsertCapacityProfile(db: Db, orgId: string, p: CapacityProfile): Promise<void> {
  const { id: _id, ...rest } = p;
  const rows = await db
    .insert(capacityProfiles)
    .values({ ...p, orgId })
    .onConflictDoUpdate({ target: capacityProfiles.id, set: rest, setWhere: eq(capacityProfiles.orgId, orgId) })
    .returning({ id: capacityProfiles.id });
  requireWritten(rows, 'capacityProfiles', p.id);
}

export async function upsertPresence(db: Db, orgId: string, p: CustomPresence): Promise<void> {
  const rows = await db
    .insert(customPresences)
    .values({ ...p, orgId })
    .onConflictDoUpdate({
      target: customPresences.id,
      set: { name: p.name, base: p.base },
      setWhere: eq(customPresences.orgId, orgId),
    })
    .returning({ id: customPresences.id });
  requireWritten(rows, 'presences', p.id);
}

export async function upsertOperatingHours(db: Db, orgId: string, h: OperatingHours): Promise<void> {
  const { id: _id, ...rest } = h;
  const rows = await db
    .insert(operatingHours)
    .values({ ...h, orgId })
    .onConflictDoUpdate({ target: operatingHours.id, set: rest, setWhere: eq(operatingHours.orgId, orgId) })
    .returning({ id: operatingHours.id });
  requireWritten(rows, 'operatingHours', h.id);
}

/** Saves a queue and sets its members to exactly `memberIds` (joining keeps round-robin history). */
export async function upsertQueue(db: Db, orgId: string, q: QueueConfig): Promise<void> {
  if (q.operatingHoursId) await requireOwned(db, orgId, 'operatingHours', [q.operatingHoursId]);
  await requireOwned(db, orgId, 'users', q.memberIds);
  const values = {
    name: q.name,
    priority: q.priority,
    assignment: q.assignment,
    operatingHoursId: q.operatingHoursId,
    overflow: q.overflow,
  };
  const rows = await db
    .insert(queues)
    .values({ id: q.id, orgId, ...values })
    .onConflictDoUpdate({ target: queues.id, set: values, setWhere: eq(queues.orgId, orgId) })
    .returning({ id: queues.id });
  requireWritten(rows, 'queues', q.id);
  // Waiting items carry their queue's priority for the routing index: keep them in step at once.
  await db
    .update(conversations)
    .set({ queuePriority: q.priority })
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.queueId, q.id),
        eq(conversations.state, 'open'),
        ne(conversations.queuePriority, q.priority),
      ),
    );
  const ofQueue = and(eq(queueMembers.orgId, orgId), eq(queueMembers.queueId, q.id));
  const current = await db.select({ userId: queueMembers.userId }).from(queueMembers).where(ofQueue);
  const keep = new Set(q.memberIds);
  const gone = current.map((m) => m.userId).filter((u) => !keep.has(u));
  if (gone.length) await db.delete(queueMembers).where(and(ofQueue, inArray(queueMembers.userId, gone)));
  const have = new Set(current.map((m) => m.userId));
  const added = q.memberIds.filter((u) => !have.has(u));
  if (added.length) await db.insert(queueMembers).values(added.map((userId) => ({ orgId, queueId: q.id, userId })));
}

export async function upsertWorkstream(db: Db, orgId: string, w: Workstream): Promise<void> {
  const { id, name, fallbackQueueId, ...config } = w;
  await requireOwned(db, orgId, 'queues', [fallbackQueueId]);
  const rows = await db
    .insert(workstreams)
    .values({ id, orgId, name, fallbackQueueId, config })
    .onConflictDoUpdate({
      target: workstreams.id,
      set: { name, fallbackQueueId, config, updatedAt: new Date() },
      setWhere: eq(workstreams.orgId, orgId),
    })
    .returning({ id: workstreams.id });
  requireWritten(rows, 'workstreams', id);
}

/** Sets an agent's capacity, queues, skills and profiles; usage counters are kept. */
export async function saveAgentRouting(db: Db, orgId: string, a: AgentRouting): Promise<void> {
  // The agent, and everything they are linked to, must be this organisation's (X3).
  await Promise.all([
    requireOwned(db, orgId, 'queues', a.queueIds),
    requireOwned(
      db,
      orgId,
      'skills',
      a.skills.map((s) => s.skillId),
    ),
    requireOwned(
      db,
      orgId,
      'capacityProfiles',
      a.capacityProfiles.map((p) => p.profileId),
    ),
  ]);
  const updated = await db
    .update(users)
    .set({ capacity: a.capacity })
    .where(and(eq(users.orgId, orgId), eq(users.id, a.userId)))
    .returning({ id: users.id });
  requireWritten(updated, 'users', a.userId);

  const ofAgent = and(eq(queueMembers.orgId, orgId), eq(queueMembers.userId, a.userId));
  const memberOf = await db.select({ queueId: queueMembers.queueId }).from(queueMembers).where(ofAgent);
  const want = new Set(a.queueIds);
  const leave = memberOf.map((m) => m.queueId).filter((q) => !want.has(q));
  if (leave.length) await db.delete(queueMembers).where(and(ofAgent, inArray(queueMembers.queueId, leave)));
  const have = new Set(memberOf.map((m) => m.queueId));
  const join = a.queueIds.filter((q) => !have.has(q));
  if (join.length) await db.insert(queueMembers).values(join.map((queueId) => ({ orgId, queueId, userId: a.userId })));

  await db.delete(agentSkills).where(and(eq(agentSkills.orgId, orgId), eq(agentSkills.userId, a.userId)));
  if (a.skills.length)
    await db
      .insert(agentSkills)
      .values(a.skills.map((s) => ({ orgId, userId: a.userId, skillId: s.skillId, proficiency: s.proficiency })));

  const ofAgentProfiles = and(eq(agentCapacityProfiles.orgId, orgId), eq(agentCapacityProfiles.userId, a.userId));
  const profiles = await db.select().from(agentCapacityProfiles).where(ofAgentProfiles);
  const wanted = new Map(a.capacityProfiles.map((p) => [p.profileId, p.customLimit]));
  const drop = profiles.filter((p) => !wanted.has(p.profileId) && p.used === 0).map((p) => p.profileId);
  if (drop.length) {
    await db.delete(agentCapacityProfiles).where(and(ofAgentProfiles, inArray(agentCapacityProfiles.profileId, drop)));
  }
  for (const [profileId, customLimit] of wanted) {
    // The row's key is (user, profile), both already this organisation's; the condition repeats it.
    await db
      .insert(agentCapacityProfiles)
      .values({ orgId, userId: a.userId, profileId, customLimit })
      .onConflictDoUpdate({
        target: [agentCapacityProfiles.userId, agentCapacityProfiles.profileId],
        set: { customLimit },
        setWhere: eq(agentCapacityProfiles.orgId, orgId),
      });
  }
}

/** Every staff member's routing, in a stable order (by email, lists by id), so an export is the same file twice. */
export async function agentRoutings(db: Db, orgId: string): Promise<AgentRouting[]> {
  const [staff, members, sk, profiles] = await Promise.all([
    db
      .select({ id: users.id, capacity: users.capacity })
      .from(users)
      // API clients (AD1) are routed nothing: no queues, skills or capacity to export or set.
      .where(and(eq(users.orgId, orgId), ne(users.role, 'api')))
      .orderBy(users.email, users.id),
    db.select().from(queueMembers).where(eq(queueMembers.orgId, orgId)),
    db.select().from(agentSkills).where(eq(agentSkills.orgId, orgId)).orderBy(agentSkills.skillId),
    db
      .select()
      .from(agentCapacityProfiles)
      .where(eq(agentCapacityProfiles.orgId, orgId))
      .orderBy(agentCapacityProfiles.profileId),
  ]);
  return staff.map((u) => ({
    userId: u.id,
    capacity: u.capacity,
    queueIds: members
      .filter((m) => m.userId === u.id)
      .map((m) => m.queueId)
      .sort(),
    skills: sk.filter((s) => s.userId === u.id).map((s) => ({ skillId: s.skillId, proficiency: s.proficiency })),
    capacityProfiles: profiles
      .filter((p) => p.userId === u.id)
      .map((p) => ({ profileId: p.profileId, customLimit: p.customLimit })),
  }));
}
