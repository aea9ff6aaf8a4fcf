import type {
  AgentRouting,
  CapacityProfile,
  Condition,
  CustomPresence,
  OperatingHours,
  QueueConfig,
  RoutingSettings,
  Skill,
  Workstream,
} from '@switchboard/protocol';

/** An organisation's whole routing configuration, as the admin center and the import see it. */
export type ConfigState = {
  skills: readonly Skill[];
  capacityProfiles: readonly CapacityProfile[];
  presences: readonly CustomPresence[];
  operatingHours: readonly OperatingHours[];
  queues: readonly QueueConfig[];
  workstreams: readonly Workstream[];
  agents: readonly AgentRouting[];
  /** Every staff member of the organisation (only these may be queue members). */
  staff: readonly { id: string; email: string; name: string }[];
  settings: RoutingSettings;
};

const BASE_PRESENCES = new Set(['available', 'busy', 'busy-dnd', 'away', 'offline']);

function duplicates<T>(
  items: readonly T[],
  key: (t: T) => string,
  what: string,
  label: (k: string) => string,
): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) problems.push(`${what} ${label(k)} appears twice`);
    seen.add(k);
  }
  return problems;
}

function conditionSkillIds(c: Condition): string[] {
  if (c.kind === 'and') return c.all.flatMap(conditionSkillIds);
  if (c.kind === 'or') return c.any.flatMap(conditionSkillIds);
  return [];
}

/**
 * Every reference that points nowhere and every name used twice, in words an admin can act on.
 * An empty list means the configuration is consistent.
 */
export function configProblems(cfg: ConfigState): string[] {
  const skillIds = new Set(cfg.skills.map((s) => s.id));
  const profileIds = new Set(cfg.capacityProfiles.map((p) => p.id));
  const hoursIds = new Set(cfg.operatingHours.map((h) => h.id));
  const queueById = new Map(cfg.queues.map((q) => [q.id, q]));
  const staffIds = new Set(cfg.staff.map((s) => s.id));
  const presenceIds = new Set(cfg.presences.map((p) => p.id));
  const staffName = (id: string) => cfg.staff.find((s) => s.id === id)?.email ?? id;
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => ok || problems.push(message);

  problems.push(
    ...duplicates(
      cfg.skills,
      (s) => s.name.toLowerCase(),
      'skill',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      cfg.capacityProfiles,
      (p) => p.name.toLowerCase(),
      'capacity profile',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      cfg.presences,
      (p) => p.name.toLowerCase(),
      'presence',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      cfg.operatingHours,
      (h) => h.name.toLowerCase(),
      'operating hours',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      cfg.queues,
      (q) => q.name.toLowerCase(),
      'queue',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      cfg.workstreams,
      (w) => w.name.toLowerCase(),
      'workstream',
      (k) => `"${k}"`,
    ),
    ...duplicates(
      [
        ...cfg.skills,
        ...cfg.capacityProfiles,
        ...cfg.presences,
        ...cfg.operatingHours,
        ...cfg.queues,
        ...cfg.workstreams,
      ],
      (e) => e.id,
      'id',
      (k) => k,
    ),
  );

  for (const q of cfg.queues) {
    if (q.operatingHoursId)
      need(
        hoursIds.has(q.operatingHoursId),
        `queue "${q.name}" uses operating hours ${q.operatingHoursId}, which do not exist`,
      );
    for (const m of q.memberIds)
      need(staffIds.has(m), `queue "${q.name}" lists member ${m}, who is not a user of this organisation`);
    for (const o of q.overflow) {
      if (o.then.kind !== 'transfer') continue;
      need(
        queueById.has(o.then.queueId),
        `queue "${q.name}" overflows to queue ${o.then.queueId}, which does not exist`,
      );
      need(o.then.queueId !== q.id, `queue "${q.name}" overflows to itself`);
    }
    if (q.assignment.kind === 'custom') {
      for (const f of q.assignment.filters) {
        if (f.kind === 'has-skill')
          need(skillIds.has(f.skillId), `queue "${q.name}" filters on skill ${f.skillId}, which does not exist`);
      }
    }
  }

  for (const w of cfg.workstreams) {
    need(
      queueById.has(w.fallbackQueueId),
      `workstream "${w.name}" falls back to queue ${w.fallbackQueueId}, which does not exist`,
    );
    if (w.capacity.kind === 'profiles') {
      for (const p of w.capacity.profileIds)
        need(profileIds.has(p), `workstream "${w.name}" needs capacity profile ${p}, which does not exist`);
    }
    for (const set of w.classification) {
      for (const r of set.rules) {
        const where = `rule "${r.name}" of ruleset "${set.name}" in workstream "${w.name}"`;
        for (const s of r.set.skills ?? [])
          need(skillIds.has(s.skillId), `${where} sets skill ${s.skillId}, which does not exist`);
        if (r.set.capacityProfileId)
          need(
            profileIds.has(r.set.capacityProfileId),
            `${where} sets capacity profile ${r.set.capacityProfileId}, which does not exist`,
          );
        for (const s of conditionSkillIds(r.when))
          need(skillIds.has(s), `${where} tests skill ${s}, which does not exist`);
      }
    }
    for (const r of w.routeToQueue) {
      for (const share of r.queues)
        need(
          queueById.has(share.queueId),
          `route rule "${r.name}" in workstream "${w.name}" sends to queue ${share.queueId}, which does not exist`,
        );
    }
  }

  for (const a of cfg.agents) {
    const who = staffName(a.userId);
    need(staffIds.has(a.userId), `agent ${a.userId} is not a user of this organisation`);
    for (const s of a.skills)
      need(skillIds.has(s.skillId), `agent ${who} has skill ${s.skillId}, which does not exist`);
    for (const p of a.capacityProfiles)
      need(profileIds.has(p.profileId), `agent ${who} has capacity profile ${p.profileId}, which does not exist`);
    for (const q of a.queueIds) {
      const queue = queueById.get(q);
      if (!queue) problems.push(`agent ${who} is in queue ${q}, which does not exist`);
      else
        need(
          queue.memberIds.includes(a.userId),
          `agent ${who} lists queue "${queue.name}", but the queue does not list the agent`,
        );
    }
    problems.push(
      ...duplicates(
        a.skills,
        (s) => s.skillId,
        `skill of agent ${who}`,
        (k) => k,
      ),
    );
  }

  const d = cfg.settings.defaultPresence;
  need(
    BASE_PRESENCES.has(d) || presenceIds.has(d),
    `the default presence ${d} is neither a base presence nor a custom presence`,
  );
  return problems;
}
