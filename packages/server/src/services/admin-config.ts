import { randomUUID } from 'node:crypto';
import type { AgentRouting, AgentSummary, ConfigExport, RoutingSettings } from '@switchboard/protocol';
import { configProblems, type ConfigState } from '../domain/config/integrity.js';
import { ENTITY_LABEL } from '../domain/config/labels.js';
import { ConfigProblemsError, notFound } from '../domain/errors.js';
import { deleteConfig, usedByRecords, type ConfigCollection } from '../store/config-deletes.js';
import type { Db } from '../store/db.js';
import { heldElsewhere } from '../store/ownership.js';
import * as store from '../store/routing-config.js';
import { transaction } from '../store/transaction.js';
import { listStaff } from '../store/users.js';

type Entity<C extends ConfigCollection> = ConfigState[C][number];
type NewEntity<C extends ConfigCollection> = Omit<Entity<C>, 'id'>;

const UPSERT: { [C in ConfigCollection]: (db: Db, orgId: string, e: Entity<C>) => Promise<void> } = {
  skills: store.upsertSkill,
  capacityProfiles: store.upsertCapacityProfile,
  presences: store.upsertPresence,
  operatingHours: store.upsertOperatingHours,
  queues: store.upsertQueue,
  workstreams: store.upsertWorkstream,
};

const LABEL: Record<ConfigCollection, string> = ENTITY_LABEL;

// Import writes in dependency order and deletes in the reverse one.
const ORDER: ConfigCollection[] = [
  'skills',
  'capacityProfiles',
  'presences',
  'operatingHours',
  'queues',
  'workstreams',
];

/**
 * Ids in an imported file that are new to this organisation but held by another one (X3). They
 * are refused, not taken over: the import must never write another organisation's rows, and a new
 * row cannot take an id that is in use. Nothing says whose it is.
 */
async function foreignIds(tx: Db, orgId: string, current: ConfigState, file: ConfigExport): Promise<string[]> {
  const problems: string[] = [];
  for (const c of ORDER) {
    const own = new Set(current[c].map((e) => e.id));
    const fresh = (file[c] as readonly { id: string; name: string }[]).filter((e) => !own.has(e.id));
    const taken = new Set(
      await heldElsewhere(
        tx,
        orgId,
        c,
        fresh.map((e) => e.id),
      ),
    );
    for (const e of fresh.filter((x) => taken.has(x.id))) {
      const label = LABEL[c];
      problems.push(
        `${label} "${e.name}" has id ${e.id}, which belongs to no ${label} of this organisation ` +
          'and cannot be used for a new one: give it a new id',
      );
    }
  }
  return problems;
}

/**
 * The admin center's commands. Every change is checked against the whole configuration it
 * would produce, so nothing inconsistent is ever stored; `onChanged` lets routing act on it at once.
 */
export function createAdminConfigService({ db, onChanged }: { db: Db; onChanged: (orgId: string) => void }) {
  async function state(tx: Db, orgId: string): Promise<ConfigState> {
    const [skills, capacityProfiles, presences, operatingHours, queues, workstreams, agents, staff, settings] =
      await Promise.all([
        store.listSkills(tx, orgId),
        store.listCapacityProfiles(tx, orgId),
        store.listPresences(tx, orgId),
        store.listOperatingHours(tx, orgId),
        store.listQueueConfigs(tx, orgId),
        store.listWorkstreams(tx, orgId),
        store.agentRoutings(tx, orgId),
        listStaff(tx, orgId),
        store.getSettings(tx, orgId),
      ]);
    return { skills, capacityProfiles, presences, operatingHours, queues, workstreams, agents, staff, settings };
  }

  /** Applies `change` if the configuration it leads to is consistent; else changes nothing. */
  async function change<T>(
    orgId: string,
    next: (s: ConfigState) => ConfigState,
    write: (tx: Db) => Promise<T>,
    kind: 'invalid' | 'conflict' = 'invalid',
  ) {
    const result = await transaction(db, async (tx) => {
      const problems = configProblems(next(await state(tx, orgId)));
      if (problems.length) throw new ConfigProblemsError(problems, kind);
      return write(tx);
    });
    onChanged(orgId);
    return result;
  }

  function find<C extends ConfigCollection>(s: ConfigState, collection: C, id: string): Entity<C> {
    const found = (s[collection] as readonly Entity<C>[]).find((e) => e.id === id);
    if (!found) throw notFound(LABEL[collection]);
    return found;
  }

  return {
    list: async <C extends ConfigCollection>(orgId: string, collection: C) =>
      (await state(db, orgId))[collection] as readonly Entity<C>[],

    async create<C extends ConfigCollection>(orgId: string, collection: C, body: NewEntity<C>): Promise<Entity<C>> {
      const entity = { ...body, id: randomUUID() } as Entity<C>;
      await change(
        orgId,
        (s) => ({ ...s, [collection]: [...s[collection], entity] }),
        (tx) => UPSERT[collection](tx, orgId, entity),
      );
      return entity;
    },

    async update<C extends ConfigCollection>(
      orgId: string,
      collection: C,
      id: string,
      body: NewEntity<C>,
    ): Promise<Entity<C>> {
      find(await state(db, orgId), collection, id);
      const entity = { ...body, id } as Entity<C>;
      const replace = (s: ConfigState) => ({
        ...s,
        [collection]: s[collection].map((e) => (e.id === id ? entity : e)),
      });
      await change(orgId, replace, (tx) => UPSERT[collection](tx, orgId, entity));
      return entity;
    },

    async remove(orgId: string, collection: ConfigCollection, id: string): Promise<void> {
      find(await state(db, orgId), collection, id);
      const records = await usedByRecords(db, orgId, collection, [id]);
      if (records.length) throw new ConfigProblemsError(records, 'conflict', `Cannot delete this ${LABEL[collection]}`);
      const without = (s: ConfigState): ConfigState => ({
        ...s,
        [collection]: (s[collection] as readonly { id: string }[]).filter((e) => e.id !== id),
        // Agents' links to a skill or profile go with it; rules that use it must be changed first.
        agents: s.agents.map((a) => ({
          ...a,
          skills: a.skills.filter((x) => x.skillId !== id),
          capacityProfiles: a.capacityProfiles.filter((x) => x.profileId !== id),
          queueIds: a.queueIds.filter((q) => q !== id),
        })),
      });
      await change(orgId, without, (tx) => deleteConfig(tx, orgId, collection, [id]), 'conflict');
    },

    async agents(orgId: string): Promise<AgentSummary[]> {
      const [routings, staff] = await Promise.all([store.agentRoutings(db, orgId), listStaff(db, orgId)]);
      return staff.map((u) => ({ ...u, routing: routings.find((r) => r.userId === u.id)! }));
    },

    async setAgentRouting(orgId: string, userId: string, body: Omit<AgentRouting, 'userId'>): Promise<AgentSummary> {
      const s = await state(db, orgId);
      if (!s.staff.some((u) => u.id === userId)) throw notFound('agent');
      const routing: AgentRouting = { ...body, userId };
      // Membership is one relation seen from both sides: keep the queues' lists in step.
      const next = (c: ConfigState): ConfigState => ({
        ...c,
        agents: c.agents.map((a) => (a.userId === userId ? routing : a)),
        queues: c.queues.map((q) => ({
          ...q,
          memberIds: routing.queueIds.includes(q.id)
            ? [...new Set([...q.memberIds, userId])]
            : q.memberIds.filter((m) => m !== userId),
        })),
      });
      await change(orgId, next, (tx) => store.saveAgentRouting(tx, orgId, routing));
      return (await this.agents(orgId)).find((a) => a.id === userId)!;
    },

    settings: (orgId: string) => store.getSettings(db, orgId),

    async saveSettings(orgId: string, settings: RoutingSettings): Promise<RoutingSettings> {
      await change(
        orgId,
        (s) => ({ ...s, settings }),
        (tx) => store.saveSettings(tx, orgId, settings),
      );
      return settings;
    },

    async exportConfig(orgId: string, now: Date): Promise<ConfigExport> {
      const s = await state(db, orgId);
      const emailOf = new Map(s.staff.map((u) => [u.id, u.email]));
      return {
        format: 'switchboard-config',
        version: 1,
        exportedAt: now.toISOString(),
        skills: [...s.skills],
        capacityProfiles: [...s.capacityProfiles],
        presences: [...s.presences],
        operatingHours: [...s.operatingHours],
        queues: [...s.queues],
        workstreams: [...s.workstreams],
        agents: s.agents.map(({ userId, ...rest }) => ({ ...rest, email: emailOf.get(userId)! })),
        settings: s.settings,
      };
    },

    /** Replaces the configuration with the file's, in one transaction, or lists every problem. */
    async importConfig(orgId: string, file: ConfigExport): Promise<Record<string, number>> {
      const counts = await transaction(db, async (tx) => {
        const current = await state(tx, orgId);
        const byEmail = new Map(current.staff.map((u) => [u.email.toLowerCase(), u.id]));
        const problems: string[] = [];
        const agents: AgentRouting[] = [];
        for (const { email, ...rest } of file.agents) {
          const userId = byEmail.get(email.toLowerCase());
          if (userId) agents.push({ ...rest, userId });
          else problems.push(`agent ${email} is not a user of this organisation`);
        }
        const listed = new Set(agents.map((a) => a.userId));
        const next: ConfigState = {
          ...current,
          ...file,
          agents: [...agents, ...current.agents.filter((a) => !listed.has(a.userId))],
        };
        problems.push(...configProblems(next));
        problems.push(...(await foreignIds(tx, orgId, current, file)));
        for (const c of ORDER) {
          const keep = new Set(file[c].map((e) => e.id));
          problems.push(
            ...(await usedByRecords(
              tx,
              orgId,
              c,
              current[c].filter((e) => !keep.has(e.id)).map((e) => e.id),
            )),
          );
        }
        if (problems.length)
          throw new ConfigProblemsError(problems, 'invalid', 'The import was rejected and nothing was changed');

        for (const c of ORDER) for (const e of file[c]) await UPSERT[c](tx, orgId, e as never);
        for (const c of [...ORDER].reverse()) {
          const keep = new Set(file[c].map((e) => e.id));
          await deleteConfig(
            tx,
            orgId,
            c,
            current[c].filter((e) => !keep.has(e.id)).map((e) => e.id),
          );
        }
        for (const a of agents) await store.saveAgentRouting(tx, orgId, a);
        await store.saveSettings(tx, orgId, file.settings);
        return Object.fromEntries([
          ...ORDER.map((c) => [c, file[c].length] as const),
          ['agents', agents.length] as const,
        ]);
      });
      onChanged(orgId);
      return counts;
    },
  };
}

export type AdminConfigService = ReturnType<typeof createAdminConfigService>;
