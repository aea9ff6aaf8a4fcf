import type { CapacityProfile, OperatingHours, QueueConfig, Workstream } from '@switchboard/protocol';
import type { AgentState, Candidate, RoutingConfig, RoutingContext, WorkItem } from './types.js';

// Builders for the routing tests: every required field filled, overrides on top. Ids are
// readable names; the engine never checks their format.

export const T0 = new Date('2026-03-02T10:00:00Z');

export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export function agent(over: Partial<AgentState> & { id: string }): AgentState {
  return {
    name: over.id,
    presence: 'available',
    capacity: 3,
    usedCapacity: 0,
    profiles: {},
    queueIds: ['q1'],
    skills: {},
    lastAssignedAt: {},
    joinedQueueAt: {},
    lastCapacityReleaseAt: null,
    sessions: 0,
    ...over,
  };
}

export function item(over: Partial<WorkItem> & { id: string }): WorkItem {
  return {
    workstreamId: 'ws1',
    queueId: 'q1',
    priority: 100,
    skills: [],
    need: { kind: 'units', units: 1 },
    enqueuedAt: T0,
    lastCustomerMessageAt: null,
    asynchronous: false,
    declines: {},
    affinityAgentId: null,
    ...over,
  };
}

export function workstream(over: Partial<Workstream> = {}): Workstream {
  return {
    id: 'ws1',
    name: 'Chat',
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
    wrapUpBlocking: { kind: 'always' },
    autoCloseAfterMinutes: null,
    affinity: false,
    reopenWindowMinutes: 1440,
    fallbackQueueId: 'fallback',
    offerTimeoutSeconds: null,
    maxDeclines: 3,
    skillMatching: 'exact',
    classification: [],
    routeToQueue: [],
    ...over,
  };
}

export function queue(over: Partial<QueueConfig> & { id: string }): QueueConfig {
  return {
    name: over.id,
    priority: 100,
    assignment: { kind: 'highest-capacity' },
    operatingHoursId: null,
    overflow: [],
    memberIds: [],
    ...over,
  };
}

export function profile(over: Partial<CapacityProfile> & { id: string }): CapacityProfile {
  return { name: over.id, defaultLimit: 2, resetFrequency: 'immediate', blocksAssignment: true, ...over };
}

export function hours(over: Partial<OperatingHours> & { id: string }): OperatingHours {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  return {
    name: over.id,
    timeZone: 'Europe/Amsterdam',
    weekly: weekdays.map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [],
    ...over,
  };
}

export function config(parts: {
  workstreams?: Workstream[];
  queues?: QueueConfig[];
  profiles?: CapacityProfile[];
  hours?: OperatingHours[];
  sessionLimit?: number | null;
}): RoutingConfig {
  return {
    workstreams: new Map((parts.workstreams ?? [workstream()]).map((w) => [w.id, w])),
    queues: new Map((parts.queues ?? [queue({ id: 'q1' })]).map((q) => [q.id, q])),
    capacityProfiles: new Map((parts.profiles ?? []).map((p) => [p.id, p])),
    operatingHours: new Map((parts.hours ?? []).map((h) => [h.id, h])),
    sessionLimit: parts.sessionLimit ?? null,
  };
}

export function routingContext(over: Partial<RoutingContext> = {}): RoutingContext {
  return { context: {}, prechat: {}, channel: {}, contact: {}, account: {}, ...over };
}

export function candidate(over: Partial<Candidate> & { agent: AgentState }): Candidate {
  return {
    remaining: over.agent.capacity - over.agent.usedCapacity,
    skillFit: 'none-required',
    skillDistance: 0,
    declines: 0,
    ...over,
  };
}
