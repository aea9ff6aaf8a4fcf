import type { Channel } from '@switchboard/protocol';
import {
  SENTIMENT_LEVELS,
  type ConversationFact,
  type FactSet,
  type ParticipantFact,
  type SentimentLevel,
  type SessionFact,
} from './facts.js';

/**
 * Rollups (SV9): the facts folded into sums and counts per hour, queue, channel and agent. Only
 * sums and counts, so two rollups of the same cell add up (hours into days, a re-fold of late facts
 * into what is stored) without reading a fact again; every KPI is a ratio of these (kpis.ts).
 */

/** The thresholds service level is kept for, in seconds (the reference offers these six). */
export const SERVICE_LEVEL_SECONDS = [10, 20, 30, 40, 60, 120] as const;
export type ServiceLevelSeconds = (typeof SERVICE_LEVEL_SECONDS)[number];
/** An abandon this soon after queueing is "short" (a misdial or a second tab), excludable from rates. */
export const SHORT_ABANDON_SECONDS = 5;
/** The first-response service level's threshold (the reference: % under 60 s). */
export const FIRST_RESPONSE_TARGET_SECONDS = 60;

export type ThresholdCounts = Record<ServiceLevelSeconds, number>;

export type Measures = {
  /** Conversations that arrived. */
  conversationsIn: number;
  /** Of them, those that waited for an agent: entered a queue, or were answered straight away. */
  offered: number;
  /** Offered conversations an agent accepted or picked. */
  answered: number;
  /** Σ wait of answered ones: queue entry (or arrival) to the first accept. */
  answerWaitMs: number;
  answeredWithin: ThresholdCounts;
  /** Offered conversations that ended before any agent accepted them. */
  abandoned: number;
  /** Σ wait of abandoned ones: queue entry (or arrival) to their end. */
  abandonWaitMs: number;
  /** Abandoned within SHORT_ABANDON_SECONDS. */
  abandonedShort: number;
  abandonedWithin: ThresholdCounts;
  /** Conversations with an agent's reply; Σ arrival to first reply; replies within 60 s. */
  firstResponses: number;
  firstResponseMs: number;
  firstResponsesWithinTarget: number;
  /** Sessions offered or assigned to an agent, and how they ended. */
  sessionsOffered: number;
  sessionsAccepted: number;
  sessionsRejected: number;
  sessionsTimedOut: number;
  sessionsTransferredOut: number;
  /** Σ offer to accept over accepted sessions, Σ offer to reject over rejected ones. */
  acceptMs: number;
  rejectMs: number;
  /** Primary participations (an agent handled the conversation) and Σ their handle time. */
  handledContacts: number;
  handleMs: number;
  /** Wrap-ups (the last primary agent's) and Σ their length. */
  wrapUps: number;
  wrapUpMs: number;
  /** Survey answers, those scoring 4 or 5, and Σ scores. */
  csatResponses: number;
  csatSatisfied: number;
  csatScoreSum: number;
  /** Conversations by their last sentiment level. */
  sentiment: Record<SentimentLevel, number>;
};

/** One cell: the UTC hour (its start, ISO), the queue, the channel and the agent. */
export type RollupKey = { hour: string; queueId: string | null; channel: Channel; agentId: string | null };
export type Rollup = { key: RollupKey; measures: Measures };

const thresholds = (): ThresholdCounts => ({ 10: 0, 20: 0, 30: 0, 40: 0, 60: 0, 120: 0 });

export function emptyMeasures(): Measures {
  return {
    conversationsIn: 0,
    offered: 0,
    answered: 0,
    answerWaitMs: 0,
    answeredWithin: thresholds(),
    abandoned: 0,
    abandonWaitMs: 0,
    abandonedShort: 0,
    abandonedWithin: thresholds(),
    firstResponses: 0,
    firstResponseMs: 0,
    firstResponsesWithinTarget: 0,
    sessionsOffered: 0,
    sessionsAccepted: 0,
    sessionsRejected: 0,
    sessionsTimedOut: 0,
    sessionsTransferredOut: 0,
    acceptMs: 0,
    rejectMs: 0,
    handledContacts: 0,
    handleMs: 0,
    wrapUps: 0,
    wrapUpMs: 0,
    csatResponses: 0,
    csatSatisfied: 0,
    csatScoreSum: 0,
    sentiment: Object.fromEntries(SENTIMENT_LEVELS.map((l) => [l, 0])) as Record<SentimentLevel, number>,
  };
}

/** a + b, field by field: associative and commutative, with emptyMeasures() as zero. */
export function addMeasures(a: Measures, b: Measures): Measures {
  const sum = emptyMeasures();
  for (const field of Object.keys(sum) as (keyof Measures)[]) {
    const x = a[field];
    const y = b[field];
    if (typeof x === 'number' && typeof y === 'number') (sum[field] as number) = x + y;
    else {
      const into = sum[field] as Record<string, number>;
      for (const k of Object.keys(into))
        into[k] = (x as Record<string, number>)[k]! + (y as Record<string, number>)[k]!;
    }
  }
  return sum;
}

/** The start of the UTC hour holding an instant, as the store writes it. */
export function hourOf(at: Date): string {
  const d = new Date(at.getTime());
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

/** Two nodes' clocks may disagree by a few milliseconds: a span never goes below zero. */
const span = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());

function countWithin(into: ThresholdCounts, ms: number) {
  for (const s of SERVICE_LEVEL_SECONDS) if (ms <= s * 1000) into[s] += 1;
}

function addConversation(m: Measures, c: ConversationFact) {
  m.conversationsIn += 1;
  const waitFrom = c.queuedAt ?? c.arrivedAt;
  if (c.answeredAt) {
    const wait = span(waitFrom, c.answeredAt);
    m.offered += 1;
    m.answered += 1;
    m.answerWaitMs += wait;
    countWithin(m.answeredWithin, wait);
  } else if (c.queuedAt) {
    m.offered += 1;
    if (c.endedAt) {
      const wait = span(waitFrom, c.endedAt);
      m.abandoned += 1;
      m.abandonWaitMs += wait;
      if (wait <= SHORT_ABANDON_SECONDS * 1000) m.abandonedShort += 1;
      countWithin(m.abandonedWithin, wait);
    }
  }
  if (c.firstAgentReplyAt) {
    const response = span(c.arrivedAt, c.firstAgentReplyAt);
    m.firstResponses += 1;
    m.firstResponseMs += response;
    if (response <= FIRST_RESPONSE_TARGET_SECONDS * 1000) m.firstResponsesWithinTarget += 1;
  }
  if (c.csatScore !== null) {
    m.csatResponses += 1;
    m.csatScoreSum += c.csatScore;
    if (c.csatScore >= 4) m.csatSatisfied += 1;
  }
  if (c.sentiment) m.sentiment[c.sentiment] += 1;
}

function addSession(m: Measures, s: SessionFact) {
  m.sessionsOffered += 1;
  if (s.outcome === 'accepted') {
    m.sessionsAccepted += 1;
    if (s.answeredAt) m.acceptMs += span(s.offeredAt, s.answeredAt);
    if (s.transferredOut) m.sessionsTransferredOut += 1;
  } else if (s.outcome === 'rejected') {
    m.sessionsRejected += 1;
    if (s.answeredAt) m.rejectMs += span(s.offeredAt, s.answeredAt);
  } else if (s.outcome === 'timed-out') m.sessionsTimedOut += 1;
}

function addParticipant(m: Measures, p: ParticipantFact) {
  if (p.mode !== 'primary') return;
  m.handledContacts += 1;
  m.handleMs += Math.max(0, p.handleMs);
  if (p.wrapUpMs !== null) {
    m.wrapUps += 1;
    m.wrapUpMs += Math.max(0, p.wrapUpMs);
  }
}

const keyString = (k: RollupKey) => JSON.stringify([k.hour, k.queueId, k.channel, k.agentId]);

/** Cells in a fixed order (by hour, then queue, channel, agent), so equal rollups compare equal. */
function sorted(cells: Map<string, Rollup>): Rollup[] {
  return [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function cellFor(cells: Map<string, Rollup>, key: RollupKey): Measures {
  const k = keyString(key);
  let cell = cells.get(k);
  if (!cell) cells.set(k, (cell = { key, measures: emptyMeasures() }));
  return cell.measures;
}

/**
 * Folds facts into cells. A conversation's own measures go to the agent who answered it; a
 * session's and a participant's to their agent and queue; all to the hour the conversation arrived.
 */
export function foldFacts(facts: FactSet): Rollup[] {
  const cells = new Map<string, Rollup>();
  for (const c of facts.conversations) {
    const key = { hour: hourOf(c.arrivedAt), queueId: c.queueId, channel: c.channel, agentId: c.answeredBy };
    addConversation(cellFor(cells, key), c);
  }
  for (const s of facts.sessions) {
    const key = { hour: hourOf(s.arrivedAt), queueId: s.queueId, channel: s.channel, agentId: s.agentId };
    addSession(cellFor(cells, key), s);
  }
  for (const p of facts.participants) {
    const key = { hour: hourOf(p.arrivedAt), queueId: p.queueId, channel: p.channel, agentId: p.agentId };
    addParticipant(cellFor(cells, key), p);
  }
  return sorted(cells);
}

/** Rollups of the same cells added together: what the store does when late facts are folded in. */
export function mergeRollups(...parts: readonly (readonly Rollup[])[]): Rollup[] {
  const cells = new Map<string, Rollup>();
  for (const part of parts)
    for (const r of part) {
      const k = keyString(r.key);
      const held = cells.get(k);
      cells.set(k, { key: r.key, measures: addMeasures(held?.measures ?? emptyMeasures(), r.measures) });
    }
  return sorted(cells);
}
