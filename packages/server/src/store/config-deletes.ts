import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import {
  agentCapacityProfiles,
  agentSkills,
  callbacks,
  capacityProfiles,
  conversations,
  customPresences,
  operatingHours,
  queueMembers,
  queues,
  skills,
  widgets,
  workstreams,
} from './schema.js';

export type ConfigCollection =
  'skills' | 'capacityProfiles' | 'presences' | 'operatingHours' | 'queues' | 'workstreams';

/** Why rows outside the configuration (conversations, widgets) still need these entities. */
export async function usedByRecords(
  db: Db,
  orgId: string,
  collection: ConfigCollection,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const problems: string[] = [];
  if (collection === 'queues') {
    const rows = await db
      .select({ id: conversations.queueId, n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), inArray(conversations.queueId, ids)))
      .groupBy(conversations.queueId);
    for (const r of rows) problems.push(`queue ${r.id} holds ${r.n} conversation(s) and cannot be removed`);
    const asked = await db
      .select({ id: callbacks.queueId, n: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(and(eq(callbacks.orgId, orgId), inArray(callbacks.queueId, ids)))
      .groupBy(callbacks.queueId);
    for (const r of asked) problems.push(`queue ${r.id} has ${r.n} callback request(s) and cannot be removed`);
  }
  if (collection === 'workstreams') {
    const convs = await db
      .select({ id: conversations.workstreamId, n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), inArray(conversations.workstreamId, ids)))
      .groupBy(conversations.workstreamId);
    for (const r of convs) problems.push(`workstream ${r.id} has ${r.n} conversation(s) and cannot be removed`);
    const ws = await db
      .select({ id: widgets.id, workstreamId: widgets.workstreamId })
      .from(widgets)
      .where(and(eq(widgets.orgId, orgId), inArray(widgets.workstreamId, ids)));
    for (const w of ws)
      problems.push(`workstream ${w.workstreamId} is used by chat widget "${w.id}" and cannot be removed`);
  }
  return problems;
}

/** Deletes configuration rows; the links of agents to a deleted skill or profile go with them. */
export async function deleteConfig(db: Db, orgId: string, collection: ConfigCollection, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  switch (collection) {
    case 'skills':
      await db.delete(agentSkills).where(and(eq(agentSkills.orgId, orgId), inArray(agentSkills.skillId, ids)));
      await db.delete(skills).where(and(eq(skills.orgId, orgId), inArray(skills.id, ids)));
      return;
    case 'capacityProfiles':
      await db
        .delete(agentCapacityProfiles)
        .where(and(eq(agentCapacityProfiles.orgId, orgId), inArray(agentCapacityProfiles.profileId, ids)));
      await db
        .delete(capacityProfiles)
        .where(and(eq(capacityProfiles.orgId, orgId), inArray(capacityProfiles.id, ids)));
      return;
    case 'presences':
      await db.delete(customPresences).where(and(eq(customPresences.orgId, orgId), inArray(customPresences.id, ids)));
      return;
    case 'operatingHours':
      await db.delete(operatingHours).where(and(eq(operatingHours.orgId, orgId), inArray(operatingHours.id, ids)));
      return;
    case 'queues':
      await db.delete(queueMembers).where(and(eq(queueMembers.orgId, orgId), inArray(queueMembers.queueId, ids)));
      await db.delete(queues).where(and(eq(queues.orgId, orgId), inArray(queues.id, ids)));
      return;
    case 'workstreams':
      await db.delete(workstreams).where(and(eq(workstreams.orgId, orgId), inArray(workstreams.id, ids)));
      return;
  }
}
