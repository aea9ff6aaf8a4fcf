import type { CapacityProfile, ConversationState, WrapUpBlocking, Workstream } from '@switchboard/protocol';
import type { Outputs } from './conditions.js';
import type { AgentState, CapacityNeed } from './types.js';

type Profiles = ReadonlyMap<string, CapacityProfile>;

/**
 * Whether an agent holds as many conversations as the organisation's session limit allows (AG1;
 * null: no limit, capacity alone decides). At the limit the agent is offered nothing more.
 */
export function atSessionLimit(sessions: number, sessionLimit: number | null): boolean {
  return sessionLimit !== null && sessions >= sessionLimit;
}

// The same few "capacity 0 left, 1 needed" strings are wanted thousands of times per cycle;
// sharing them keeps garbage collection out of the assignment path.
const shortfalls = new Map<number, string>();
function unitsShortfall(left: number, needed: number): string {
  const key = left * 1_000_003 + needed;
  let text = shortfalls.get(key);
  if (text === undefined) {
    text = `capacity ${left} left, ${needed} needed`;
    if (shortfalls.size < 10_000) shortfalls.set(key, text);
  }
  return text;
}

/** Why an agent has no room for a need, or null if they have (RT4). */
export function capacityShortfall(agent: AgentState, need: CapacityNeed, profiles: Profiles): string | null {
  if (need.kind === 'units') {
    const left = agent.capacity - agent.usedCapacity;
    return left >= need.units ? null : unitsShortfall(left, need.units);
  }
  for (const id of need.profileIds) {
    const config = profiles.get(id);
    // A profile that does not block assignment only counts work; a missing one blocks, to be safe.
    if (config && !config.blocksAssignment) continue;
    const held = agent.profiles[id];
    const name = config?.name ?? id;
    if (!held) return `no capacity profile ${name}`;
    if (held.used + 1 > held.limit) return `capacity profile ${name} full (${held.used} of ${held.limit})`;
  }
  return null;
}

/** Whether the agent has room for the need: units, or one more item in every blocking profile. */
export function fits(agent: AgentState, need: CapacityNeed, profiles: Profiles): boolean {
  return capacityShortfall(agent, need, profiles) === null;
}

/** Units left, or for profiles the smallest room left across the need's profiles the agent holds. */
export function remaining(agent: AgentState, need: CapacityNeed): number {
  if (need.kind === 'units') return agent.capacity - agent.usedCapacity;
  let least = Number.POSITIVE_INFINITY;
  for (const id of need.profileIds) {
    const held = agent.profiles[id];
    if (held) least = Math.min(least, held.limit - held.used);
  }
  return Number.isFinite(least) ? least : 0;
}

function addToProfiles(
  agent: AgentState,
  need: CapacityNeed & { kind: 'profiles' },
  delta: 1 | -1,
  profiles: Profiles,
): AgentState['profiles'] {
  const next = { ...agent.profiles };
  for (const id of need.profileIds) {
    const held = next[id] ?? { limit: profiles.get(id)?.defaultLimit ?? 0, used: 0 };
    next[id] = { limit: held.limit, used: Math.max(0, held.used + delta) };
  }
  return next;
}

/** The agent after taking an item: units or one item per profile (all profiles are charged), and one more session. */
export function charge(agent: AgentState, need: CapacityNeed, profiles: Profiles = new Map()): AgentState {
  const sessions = agent.sessions + 1;
  if (need.kind === 'units') return { ...agent, sessions, usedCapacity: agent.usedCapacity + need.units };
  return { ...agent, sessions, profiles: addToProfiles(agent, need, 1, profiles) };
}

/** The agent after an item released its capacity at `now` (least active reads that time). */
export function release(agent: AgentState, need: CapacityNeed, now: Date, profiles: Profiles = new Map()): AgentState {
  if (need.kind === 'units')
    return { ...agent, usedCapacity: Math.max(0, agent.usedCapacity - need.units), lastCapacityReleaseAt: now };
  return { ...agent, profiles: addToProfiles(agent, need, -1, profiles), lastCapacityReleaseAt: now };
}

/**
 * What an item of this workstream costs: its units, or its profiles plus a profile set by
 * classification. A classified profile is ignored on a unit-based workstream (one capacity
 * model per organisation, RT1).
 */
export function capacityNeedFor(workstream: Workstream, outputs: Outputs = {}): CapacityNeed {
  if (workstream.capacity.kind === 'units') return { kind: 'units', units: workstream.capacity.units };
  const ids = [...workstream.capacity.profileIds];
  if (outputs.capacityProfileId && !ids.includes(outputs.capacityProfileId)) ids.push(outputs.capacityProfileId);
  return { kind: 'profiles', profileIds: ids };
}

/**
 * Whether a conversation of an agent holds capacity now (RT4, CV1): active does; waiting does
 * not; wrap-up follows the workstream's blocking setting
 * (always, never, or until `seconds` after the wrap-up began).
 */
export function holdsCapacity(
  state: ConversationState,
  blocking: WrapUpBlocking,
  wrapUpSince: Date | null,
  now: Date,
): boolean {
  if (state === 'active') return true;
  if (state !== 'wrap-up') return false;
  if (blocking.kind !== 'release-after') return blocking.kind === 'always';
  return wrapUpSince === null || now.getTime() < wrapUpSince.getTime() + blocking.seconds * 1000;
}
