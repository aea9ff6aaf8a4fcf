import type { CapacityProfile, Presence } from '@switchboard/protocol';
import { atSessionLimit, capacityShortfall } from '../routing/capacity.js';
import type { AgentState, CapacityNeed } from '../routing/types.js';

/** One blocking capacity profile the assignment takes past its limit. */
export type ProfileExcess = {
  profileId: string;
  name: string;
  /** The agent's limit in it (0 when the agent does not hold the profile at all). */
  limit: number;
  /** Items in it after the assignment. */
  usedAfter: number;
  /** usedAfter - limit: how many items too many. */
  over: number;
};

export type CapacityExcess =
  | { kind: 'units'; capacity: number; usedAfter: number; over: number }
  | { kind: 'profiles'; profiles: ProfileExcess[] };

/**
 * What a supervisor's assignment overrides (SV4), for the dialog to show before and the claim to
 * record: a presence the workstream gives no work in, capacity beyond the agent's, and the
 * organisation's session limit. Null members were not overridden.
 */
export type AssignmentOverride = {
  presence: Presence | null;
  capacity: CapacityExcess | null;
  sessions: { limit: number; sessionsAfter: number } | null;
};

export type OverrideRules = {
  allowedPresences: readonly Presence[];
  need: CapacityNeed;
  profiles: ReadonlyMap<string, CapacityProfile>;
  sessionLimit: number | null;
};

/**
 * Capacity beyond the agent's once the item is charged, or null when it fits. It says "exceeded"
 * exactly when routing's `capacityShortfall` says "no room": non-blocking profiles only count
 * work, so going past them overrides nothing.
 */
export function capacityExcess(
  agent: AgentState,
  need: CapacityNeed,
  profiles: ReadonlyMap<string, CapacityProfile>,
): CapacityExcess | null {
  if (capacityShortfall(agent, need, profiles) === null) return null;
  if (need.kind === 'units') {
    const usedAfter = agent.usedCapacity + need.units;
    return { kind: 'units', capacity: agent.capacity, usedAfter, over: usedAfter - agent.capacity };
  }
  const over: ProfileExcess[] = [];
  for (const id of need.profileIds) {
    const config = profiles.get(id);
    if (config && !config.blocksAssignment) continue;
    const held = agent.profiles[id] ?? { limit: 0, used: 0 };
    const usedAfter = held.used + 1;
    if (usedAfter > held.limit)
      over.push({
        profileId: id,
        name: config?.name ?? id,
        limit: held.limit,
        usedAfter,
        over: usedAfter - held.limit,
      });
  }
  return { kind: 'profiles', profiles: over };
}

/** Everything assigning this agent would override, or null when it overrides nothing. */
export function assignmentOverride(agent: AgentState, rules: OverrideRules): AssignmentOverride | null {
  const presence = rules.allowedPresences.includes(agent.presence) ? null : agent.presence;
  const capacity = capacityExcess(agent, rules.need, rules.profiles);
  const sessions =
    rules.sessionLimit !== null && atSessionLimit(agent.sessions, rules.sessionLimit)
      ? { limit: rules.sessionLimit, sessionsAfter: agent.sessions + 1 }
      : null;
  if (presence === null && capacity === null && sessions === null) return null;
  return { presence, capacity, sessions };
}

/** The override in words, for a refusal that asks for it and for the audit trail. */
export function describeOverride(name: string, o: AssignmentOverride): string {
  const parts: string[] = [];
  if (o.presence) parts.push(`${name} is ${o.presence}, a presence the workstream gives no work in`);
  if (o.capacity?.kind === 'units')
    parts.push(`capacity exceeded by ${o.capacity.over} (${o.capacity.usedAfter} of ${o.capacity.capacity} units)`);
  if (o.capacity?.kind === 'profiles')
    for (const p of o.capacity.profiles)
      parts.push(`capacity profile ${p.name} exceeded by ${p.over} (${p.usedAfter} of ${p.limit})`);
  if (o.sessions) parts.push(`${o.sessions.sessionsAfter} conversations, over the limit of ${o.sessions.limit}`);
  return parts.join('; ');
}
