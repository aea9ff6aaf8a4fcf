import { DomainError } from '../errors.js';

/**
 * Erlang C (docs/features.md, SV9), the staffing estimate of SV9: how many agents a queue needs so
 * that a target share of contacts is answered within a target time, at a measured arrival rate and
 * handle time. It models an M/M/N queue: random arrivals, exponential handle times, identical
 * agents, nobody gives up. Ignoring abandons over-staffs a little; a chat agent handling several
 * conversations is one agent per unit of capacity here (state both where the estimate is shown).
 *
 * No factorials: the Erlang B recursion keeps every step in 0..1, so traffic of thousands of
 * Erlangs stays exact where A^N / N! would overflow.
 */

/** Bounds on the inputs, so an estimate always ends and its numbers fit what a chart shows. */
export const ERLANG_LIMITS = {
  maxAgents: 20_000,
  maxTraffic: 15_000,
  maxArrivals: 10_000_000,
  maxPeriodSeconds: 31 * 86_400,
  maxHandleSeconds: 86_400,
  maxTargetSeconds: 86_400,
} as const;

const invalid = (message: string) => new DomainError('invalid', message);

function requireNumber(name: string, value: number, min: number, max: number, minOpen = false) {
  const low = minOpen ? value > min : value >= min;
  if (!Number.isFinite(value) || !low || value > max)
    throw invalid(
      `${name} must be a number ${minOpen ? 'above' : 'at least'} ${min} and at most ${max} (got ${value})`,
    );
}

function requireAgents(agents: number) {
  if (!Number.isInteger(agents) || agents < 0 || agents > ERLANG_LIMITS.maxAgents)
    throw invalid(`agents must be a whole number from 0 to ${ERLANG_LIMITS.maxAgents} (got ${agents})`);
}

/** Offered traffic in Erlangs: arrivals per second × average handle time in seconds. */
export function trafficOf(arrivals: number, periodSeconds: number, averageHandleSeconds: number): number {
  requireNumber('arrivals', arrivals, 0, ERLANG_LIMITS.maxArrivals);
  requireNumber('periodSeconds', periodSeconds, 0, ERLANG_LIMITS.maxPeriodSeconds, true);
  requireNumber('averageHandleSeconds', averageHandleSeconds, 0, ERLANG_LIMITS.maxHandleSeconds, true);
  const traffic = (arrivals / periodSeconds) * averageHandleSeconds;
  if (traffic > ERLANG_LIMITS.maxTraffic)
    throw invalid(`the traffic is ${traffic.toFixed(1)} Erlangs; an estimate goes up to ${ERLANG_LIMITS.maxTraffic}`);
  return traffic;
}

const nextB = (b: number, k: number, traffic: number) => (traffic * b) / (k + traffic * b);
/** Erlang C from Erlang B: Pw = N·B / (N − A·(1 − B)), for N > A. */
const waitingFromB = (agents: number, traffic: number, b: number) => (agents * b) / (agents - traffic * (1 - b));

function requireTraffic(traffic: number) {
  requireNumber('traffic', traffic, 0, ERLANG_LIMITS.maxTraffic);
}

/** Erlang B, the blocking probability of N servers and no queue: B0 = 1, Bk = A·Bk−1 / (k + A·Bk−1). */
export function erlangB(agents: number, traffic: number): number {
  requireAgents(agents);
  requireTraffic(traffic);
  let b = 1;
  for (let k = 1; k <= agents; k += 1) b = nextB(b, k, traffic);
  return b;
}

/**
 * Erlang C: the probability a contact has to wait. With N ≤ A the agents cannot keep up and the
 * queue grows without end, so everyone waits: 1.
 */
export function probabilityOfWaiting(agents: number, traffic: number): number {
  if (agents <= traffic) {
    requireAgents(agents);
    requireTraffic(traffic);
    return 1;
  }
  return waitingFromB(agents, traffic, erlangB(agents, traffic));
}

export type QueueModel = { agents: number; traffic: number; averageHandleSeconds: number };

/** Share answered within `targetSeconds`: SL = 1 − Pw · e^(−(N − A)·T / AHT); 0 when N ≤ A. */
export function serviceLevelFor(q: QueueModel, targetSeconds: number): number {
  requireNumber('averageHandleSeconds', q.averageHandleSeconds, 0, ERLANG_LIMITS.maxHandleSeconds, true);
  requireNumber('targetSeconds', targetSeconds, 0, ERLANG_LIMITS.maxTargetSeconds);
  const pw = probabilityOfWaiting(q.agents, q.traffic);
  if (q.agents <= q.traffic) return 0;
  return 1 - pw * Math.exp((-(q.agents - q.traffic) * targetSeconds) / q.averageHandleSeconds);
}

/** Mean wait over all contacts: ASA = Pw · AHT / (N − A). Refused when N ≤ A: the wait has no end. */
export function averageSpeedOfAnswerFor(q: QueueModel): number {
  requireNumber('averageHandleSeconds', q.averageHandleSeconds, 0, ERLANG_LIMITS.maxHandleSeconds, true);
  if (q.agents <= q.traffic)
    throw invalid(
      `${q.agents} agents cannot keep up with ${q.traffic} Erlangs: the wait grows without end; ` +
        `at least ${Math.floor(q.traffic) + 1} are needed`,
    );
  return (probabilityOfWaiting(q.agents, q.traffic) * q.averageHandleSeconds) / (q.agents - q.traffic);
}

export type StaffingTarget = {
  /** Contacts arriving in the period (measured, or forecast). */
  arrivals: number;
  periodSeconds: number;
  averageHandleSeconds: number;
  /** The share to answer within targetSeconds, above 0 and below 1 (80 % is 0.8). */
  targetServiceLevel: number;
  targetSeconds: number;
  /** Busiest share of time an agent may have, above 0, at most 1 (default 1: no cap). */
  maxOccupancy?: number;
  /** Share of paid time not spent available (breaks, training), 0 up to below 1 (default 0). */
  shrinkage?: number;
};

export type StaffingEstimate = {
  traffic: number;
  /** Agents needed at once, available to take contacts. */
  agents: number;
  /** Agents to schedule so that `agents` remain after shrinkage. */
  scheduledAgents: number;
  probabilityOfWaiting: number;
  serviceLevel: number;
  averageSpeedOfAnswerSeconds: number;
  occupancy: number;
};

function requireTarget(t: StaffingTarget) {
  if (!(t.targetServiceLevel > 0 && t.targetServiceLevel < 1))
    throw invalid(
      `targetServiceLevel must be above 0 and below 1 (got ${t.targetServiceLevel}); ` +
        'no number of agents makes the chance of waiting 0, so 100 % is out of reach',
    );
  requireNumber('targetSeconds', t.targetSeconds, 0, ERLANG_LIMITS.maxTargetSeconds);
  requireNumber('maxOccupancy', t.maxOccupancy ?? 1, 0, 1, true);
  const shrinkage = t.shrinkage ?? 0;
  if (!(shrinkage >= 0 && shrinkage < 1)) throw invalid(`shrinkage must be at least 0 and below 1 (got ${shrinkage})`);
}

/**
 * The smallest N above the traffic whose service level reaches the target and whose occupancy
 * (A / N) stays within the cap. Service level only grows with N, so the first N that meets both
 * is the answer; Erlang B is carried forward one agent at a time rather than recomputed.
 */
export function requiredAgents(t: StaffingTarget): StaffingEstimate {
  requireTarget(t);
  const traffic = trafficOf(t.arrivals, t.periodSeconds, t.averageHandleSeconds);
  const scheduled = (n: number) => Math.ceil(n / (1 - (t.shrinkage ?? 0)) - 1e-9);
  if (traffic === 0)
    return {
      traffic,
      agents: 0,
      scheduledAgents: 0,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      averageSpeedOfAnswerSeconds: 0,
      occupancy: 0,
    };
  // The 1e-9 keeps 8 / 0.8 = 10.000000000000002 from asking for an eleventh agent.
  const start = Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / (t.maxOccupancy ?? 1) - 1e-9));
  let b = 1;
  for (let k = 1; k <= Math.min(start, ERLANG_LIMITS.maxAgents); k += 1) b = nextB(b, k, traffic);
  for (let n = start; n <= ERLANG_LIMITS.maxAgents; n += 1) {
    if (n > start) b = nextB(b, n, traffic);
    const pw = waitingFromB(n, traffic, b);
    const sl = 1 - pw * Math.exp((-(n - traffic) * t.targetSeconds) / t.averageHandleSeconds);
    if (sl >= t.targetServiceLevel)
      return {
        traffic,
        agents: n,
        scheduledAgents: scheduled(n),
        probabilityOfWaiting: pw,
        serviceLevel: sl,
        averageSpeedOfAnswerSeconds: (pw * t.averageHandleSeconds) / (n - traffic),
        occupancy: traffic / n,
      };
  }
  throw invalid(`the target needs more than ${ERLANG_LIMITS.maxAgents} agents; an estimate goes up to that`);
}
