import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AgentFilter,
  AssignmentMethod,
  CapacityProfile,
  Presence,
  QueueConfig,
  SkillRequirement,
  SortKey,
  Workstream,
} from '@switchboard/protocol';
import { assignCycle } from './assign.js';
import { eligibility } from './eligibility.js';
import { itemAge } from './prioritize.js';
import { strategyFor } from './strategies/strategy-for.js';
import { agent, item, profile, queue, T0, workstream } from './test-builders.js';
import type { AgentState, AssignmentDecision, RoutingConfig, WorkItem } from './types.js';

const PRESENCES: Presence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline'];
const QUEUES = ['q0', 'q1', 'q2'];
const SKILLS = ['s0', 's1', 's2'];
const PROFILES = ['p0', 'p1'];
const AGENT_IDS = Array.from({ length: 12 }, (_, i) => `a${i}`);
const seconds = (max: number) => fc.integer({ min: -max, max: 0 }).map((s) => new Date(T0.getTime() + s * 1000));

const sortKey: fc.Arbitrary<SortKey> = fc.record({
  key: fc.constantFrom('skill-match', 'proficiency', 'remaining-capacity', 'idle-time', 'round-robin'),
  direction: fc.constantFrom('asc', 'desc'),
});
const filter: fc.Arbitrary<AgentFilter> = fc.oneof(
  fc.record({ kind: fc.constant('min-remaining-capacity' as const), units: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('min-idle-seconds' as const), seconds: fc.integer({ min: 1, max: 600 }) }),
  fc.record({
    kind: fc.constant('has-skill' as const),
    skillId: fc.constantFrom(...SKILLS),
    minProficiency: fc.integer({ min: 1, max: 10 }),
  }),
);
const method: fc.Arbitrary<AssignmentMethod> = fc.oneof(
  fc.constantFrom<AssignmentMethod>({ kind: 'highest-capacity' }, { kind: 'round-robin' }, { kind: 'least-active' }),
  fc.record({
    kind: fc.constant('custom' as const),
    order: fc.array(sortKey, { minLength: 1, maxLength: 3 }),
    filters: fc.array(filter, { maxLength: 2 }),
  }),
);
const skills = (max: number) =>
  fc
    .subarray(SKILLS)
    .chain((ids) =>
      fc.tuple(...ids.map((skillId) => fc.integer({ min: 1, max }).map((proficiency) => ({ skillId, proficiency })))),
    );

const orgArb = fc.record({
  queues: fc.tuple(
    ...QUEUES.map((id) =>
      fc
        .record({ priority: fc.integer({ min: 0, max: 2 }), assignment: method })
        .map((q): QueueConfig => queue({ id, ...q })),
    ),
  ),
  workstreams: fc.tuple(
    ...['w0', 'w1'].map((id) =>
      fc
        .record({
          allowedPresences: fc.subarray(PRESENCES, { minLength: 1 }),
          maxDeclines: fc.integer({ min: 1, max: 3 }),
          skillMatching: fc.constantFrom('exact', 'closest', 'none'),
          capacity: fc.oneof(
            fc.record({ kind: fc.constant('units' as const), units: fc.integer({ min: 1, max: 2 }) }),
            fc.record({ kind: fc.constant('profiles' as const), profileIds: fc.subarray(PROFILES, { minLength: 1 }) }),
          ),
        })
        .map((w): Workstream => workstream({ id, ...w })),
    ),
  ),
  profiles: fc.tuple(
    ...PROFILES.map((id) =>
      fc
        .record({ defaultLimit: fc.integer({ min: 1, max: 3 }), blocksAssignment: fc.boolean() })
        .map((p): CapacityProfile => profile({ id, ...p })),
    ),
  ),
  agents: fc.uniqueArray(fc.constantFrom(...AGENT_IDS), { maxLength: 12 }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            presence: fc.constantFrom(...PRESENCES),
            capacity: fc.integer({ min: 0, max: 4 }),
            usedCapacity: fc.integer({ min: 0, max: 5 }),
            queueIds: fc.subarray(QUEUES),
            skills: skills(10).map((s) => Object.fromEntries(s.map((r) => [r.skillId, r.proficiency]))),
            profiles: fc
              .subarray(PROFILES)
              .chain((ps) =>
                fc.tuple(
                  ...ps.map((p) =>
                    fc
                      .record({ limit: fc.integer({ min: 0, max: 3 }), used: fc.integer({ min: 0, max: 3 }) })
                      .map((v) => [p, v] as const),
                  ),
                ),
              ),
            lastAssigned: fc.option(seconds(3600), { nil: null }),
            joined: seconds(86_400),
            lastCapacityReleaseAt: fc.option(seconds(3600), { nil: null }),
            sessions: fc.integer({ min: 0, max: 6 }),
          })
          .map(({ profiles, lastAssigned, joined, ...a }): AgentState =>
            agent({
              id,
              ...a,
              profiles: Object.fromEntries(profiles),
              lastAssignedAt: Object.fromEntries(QUEUES.map((q) => [q, lastAssigned])),
              joinedQueueAt: Object.fromEntries(QUEUES.map((q) => [q, joined])),
            }),
          ),
      ),
    ),
  ),
  // The organisation's session limit (AG1): none, or one some agents are at or near.
  sessionLimit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  items: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 14 }).chain((ns) =>
    fc.tuple(
      ...ns.map((n) =>
        fc.record({
          id: fc.constant(`i${String(n).padStart(2, '0')}`),
          queueId: fc.constantFrom(...QUEUES),
          workstreamId: fc.constantFrom('w0', 'w1'),
          priority: fc.constantFrom(1, 2),
          skills: skills(8) as fc.Arbitrary<SkillRequirement[]>,
          enqueuedAt: seconds(600),
          asynchronous: fc.boolean(),
          lastCustomerMessageAt: fc.option(seconds(600), { nil: null }),
          declines: fc.dictionary(fc.constantFrom(...AGENT_IDS), fc.integer({ min: 0, max: 3 })),
          affinityAgentId: fc.option(fc.constantFrom(...AGENT_IDS), { nil: null, freq: 4 }),
        }),
      ),
    ),
  ),
});

type Org = { config: RoutingConfig; agents: AgentState[]; items: WorkItem[] };
const orgs = orgArb.map((raw): Org => {
  const workstreams = new Map(raw.workstreams.map((w) => [w.id, w]));
  const items = raw.items.map((i) => {
    const ws = workstreams.get(i.workstreamId)!;
    return item({
      ...i,
      need:
        ws.capacity.kind === 'units'
          ? { kind: 'units', units: ws.capacity.units }
          : { kind: 'profiles', profileIds: ws.capacity.profileIds },
    });
  });
  const config: RoutingConfig = {
    workstreams,
    queues: new Map(raw.queues.map((q) => [q.id, q])),
    capacityProfiles: new Map(raw.profiles.map((p) => [p.id, p])),
    operatingHours: new Map(),
    sessionLimit: raw.sessionLimit,
  };
  return { config, agents: raw.agents, items };
});

// An independent model of capacity, so the property does not trust the engine's own check.
function hasRoom(a: AgentState, i: WorkItem, config: RoutingConfig): boolean {
  if (i.need.kind === 'units') return a.usedCapacity + i.need.units <= a.capacity;
  return i.need.profileIds.every(
    (p) =>
      !config.capacityProfiles.get(p)!.blocksAssignment ||
      (a.profiles[p] !== undefined && a.profiles[p]!.used + 1 <= a.profiles[p]!.limit),
  );
}
function take(a: AgentState, i: WorkItem): AgentState {
  const sessions = a.sessions + 1;
  if (i.need.kind === 'units') return { ...a, sessions, usedCapacity: a.usedCapacity + i.need.units };
  const profiles = { ...a.profiles };
  for (const p of i.need.profileIds)
    profiles[p] = { limit: profiles[p]?.limit ?? 0, used: (profiles[p]?.used ?? 0) + 1 };
  return { ...a, sessions, profiles };
}
const meets = (a: AgentState, reqs: readonly SkillRequirement[]) =>
  reqs.every((r) => (a.skills[r.skillId] ?? 0) >= r.proficiency);

/** Replays the decisions in order and yields each assignment with the agent's state just before it. */
function* replay(org: Org, decisions: readonly AssignmentDecision[]) {
  const state = new Map(org.agents.map((a) => [a.id, a]));
  const items = new Map(org.items.map((i) => [i.id, i]));
  for (const d of decisions) {
    const i = items.get(d.itemId)!;
    const before = d.agentId === null ? undefined : state.get(d.agentId);
    yield { decision: d, item: i, agent: before, state };
    if (before)
      state.set(before.id, { ...take(before, i), lastAssignedAt: { ...before.lastAssignedAt, [i.queueId]: T0 } });
  }
}

const RUNS = { numRuns: 250 };

describe('assignCycle properties (RT3-RT4)', () => {
  it('assigns only members with an allowed presence, room (counting the cycle’s own work), fewer sessions than the limit (if any), few enough declines and, for exact match, every skill', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        for (const { item: i, agent: a } of replay(org, assignCycle(org.items, org.agents, org.config, T0))) {
          if (!a) continue;
          const ws = org.config.workstreams.get(i.workstreamId)!;
          expect(a.queueIds).toContain(i.queueId);
          expect(ws.allowedPresences).toContain(a.presence);
          expect(hasRoom(a, i, org.config)).toBe(true);
          if (org.config.sessionLimit !== null) expect(a.sessions).toBeLessThan(org.config.sessionLimit);
          expect(i.declines[a.id] ?? 0).toBeLessThan(ws.maxDeclines);
          if (ws.skillMatching === 'exact') expect(meets(a, i.skills)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('decides each item once and never invents an agent', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        const decisions = assignCycle([...org.items, ...org.items.slice(0, 3)], org.agents, org.config, T0);
        const ids = decisions.map((d) => d.itemId);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(org.items.map((i) => i.id).sort());
        const agentIds = new Set(org.agents.map((a) => a.id));
        for (const d of decisions) if (d.agentId !== null) expect(agentIds.has(d.agentId)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is FIFO within a queue and priority: an older item never waits while a younger one gets an agent who could take it', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        const decisions = assignCycle(org.items, org.agents, org.config, T0);
        const unassigned = decisions
          .filter((d) => d.agentId === null)
          .map((d) => org.items.find((i) => i.id === d.itemId)!);
        for (const { item: young, agent: taker } of replay(org, decisions)) {
          if (!taker || young.affinityAgentId !== null) continue;
          for (const old of unassigned) {
            const sameClass =
              old.queueId === young.queueId && old.priority === young.priority && old.affinityAgentId === null;
            if (!sameClass || itemAge(old) > itemAge(young) || (itemAge(old) === itemAge(young) && old.id > young.id))
              continue;
            const ws = org.config.workstreams.get(old.workstreamId)!;
            const verdict = eligibility(taker, old, ws, org.config.capacityProfiles, org.config.sessionLimit);
            if (!verdict.eligible) continue;
            const strategy = strategyFor(org.config.queues.get(old.queueId)!.assignment);
            const c = {
              agent: taker,
              remaining: verdict.remaining,
              skillFit: verdict.match.fit,
              skillDistance: verdict.match.distance,
              declines: old.declines[taker.id] ?? 0,
            };
            const kept = strategy.filter
              ? strategy.filter([c], { item: old, queueId: old.queueId, now: T0 }).kept
              : [c];
            expect(kept, `${old.id} waits while younger ${young.id} went to ${taker.id}`).toHaveLength(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same decisions for the same inputs, whatever order agents and items come in', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        const first = assignCycle(org.items, org.agents, org.config, T0);
        expect(assignCycle(org.items, org.agents, org.config, T0)).toEqual(first);
        expect(
          assignCycle([...org.items].reverse(), [...org.agents].reverse(), org.config, T0).map((d) => [
            d.itemId,
            d.agentId,
          ]),
        ).toEqual(first.map((d) => [d.itemId, d.agentId]));
      }),
      RUNS,
    );
  });
});
