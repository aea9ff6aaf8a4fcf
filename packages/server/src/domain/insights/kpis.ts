import { SENTIMENT_LEVELS, type SentimentLevel } from './facts.js';
import { SERVICE_LEVEL_SECONDS, type Measures, type ServiceLevelSeconds } from './rollup.js';

/**
 * The KPIs of SV9 (docs/features.md, SV9), each a function of a rollup's measures. Times
 * are in seconds, rates and shares in 0..1 (a chart multiplies by 100). Null means "no data": a
 * ratio over nothing is unknown, not 0 % (nobody waited) and not NaN, so charts leave a gap.
 */

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const seconds = (ms: number, count: number): number | null => (count > 0 ? ms / 1000 / count : null);

export const conversationsIn = (m: Measures) => m.conversationsIn;
export const conversationsHandled = (m: Measures) => m.answered;
export const conversationsAbandoned = (m: Measures) => m.abandoned;

/** The reference's abandoned rate: abandoned ÷ incoming conversations. */
export const abandonRate = (m: Measures) => ratio(m.abandoned, m.conversationsIn);
/** The industry's: abandoned ÷ offered (conversations that waited for an agent). */
export const abandonRateOfOffered = (m: Measures) => ratio(m.abandoned, m.offered);
/** The industry's without short abandons (≤ SHORT_ABANDON_SECONDS), which leave both sides. */
export const abandonRateExcludingShort = (m: Measures) =>
  ratio(m.abandoned - m.abandonedShort, m.offered - m.abandonedShort);
/** Average wait of those who gave up: queue entry to their end. */
export const averageTimeToAbandon = (m: Measures) => seconds(m.abandonWaitMs, m.abandoned);

/** ASA: Σ wait of answered conversations ÷ answered conversations (the reference and the industry agree). */
export const averageSpeedOfAnswer = (m: Measures) => seconds(m.answerWaitMs, m.answered);

/**
 * Handle time per contact an agent handled: Σ primary agents' handle time (active + wrap-up) ÷
 * their participations. A conversation transferred once counts as two contacts, one per agent, so
 * this holds in every cut, by agent and by queue too.
 */
export const averageHandleTime = (m: Measures) => seconds(m.handleMs, m.handledContacts);
/**
 * The reference's AHT: Σ handle time over all primary agents ÷ conversations handled. Exact by
 * channel, hour and day; by agent or queue a transferred conversation's time lies with each agent
 * while it is counted once, for its first, so prefer averageHandleTime there.
 */
export const handleTimePerConversation = (m: Measures) => seconds(m.handleMs, m.answered);
/** Average wrap-up, the last agent's only (the reference's definition). */
export const averageWrapUpTime = (m: Measures) => seconds(m.wrapUpMs, m.wrapUps);

/** Arrival (or escalation) to the first agent message; not yet adjusted for operating hours. */
export const averageFirstResponseTime = (m: Measures) => seconds(m.firstResponseMs, m.firstResponses);
/** Share of first responses within 60 s, of the conversations that got one. */
export const firstResponseServiceLevel = (m: Measures) => ratio(m.firstResponsesWithinTarget, m.firstResponses);

/** Session transfer rate: transferred ÷ handled (accepted) sessions. */
export const transferRate = (m: Measures) => ratio(m.sessionsTransferredOut, m.sessionsAccepted);
/** Rejected ÷ offered sessions, and timed out ÷ offered sessions. */
export const rejectionRate = (m: Measures) => ratio(m.sessionsRejected, m.sessionsOffered);
export const timeoutRate = (m: Measures) => ratio(m.sessionsTimedOut, m.sessionsOffered);
export const averageTimeToAccept = (m: Measures) => seconds(m.acceptMs, m.sessionsAccepted);
export const averageTimeToReject = (m: Measures) => seconds(m.rejectMs, m.sessionsRejected);

/**
 * Service level within X seconds, by definition (the reference's, the industry's and Amazon Connect's):
 * - `answered`, the reference's "% answered within X": answered within X ÷ answered.
 * - `offered`, the industry's classic (the 80/20 of Erlang C): answered within X ÷ offered; an
 *   abandon, or one still waiting, counts as missed.
 * - `abandons-after-threshold`: answered within X ÷ (answered + abandoned after X); whoever left
 *   within X is neither met nor missed.
 * - `removed-from-queue`, Amazon Connect's: (answered + abandoned within X) ÷ offered.
 */
export type ServiceLevelDefinition = 'answered' | 'offered' | 'abandons-after-threshold' | 'removed-from-queue';
export const SERVICE_LEVEL_DEFINITIONS: readonly ServiceLevelDefinition[] = [
  'answered',
  'offered',
  'abandons-after-threshold',
  'removed-from-queue',
];

export function serviceLevel(m: Measures, within: ServiceLevelSeconds, definition: ServiceLevelDefinition) {
  const met = m.answeredWithin[within];
  switch (definition) {
    case 'answered':
      return ratio(met, m.answered);
    case 'offered':
      return ratio(met, m.offered);
    case 'abandons-after-threshold':
      return ratio(met, m.answered + m.abandoned - m.abandonedWithin[within]);
    case 'removed-from-queue':
      return ratio(met + m.abandonedWithin[within], m.offered);
  }
}

/** CSAT (the industry's): answers scoring 4 or 5 ÷ all answers; and the mean score, 1 to 5. */
export const csatSatisfied = (m: Measures) => ratio(m.csatSatisfied, m.csatResponses);
export const csatAverage = (m: Measures) => ratio(m.csatScoreSum, m.csatResponses);

/** A level's score: very negative −3 … neutral 0 … very positive +3. */
export const sentimentScore = (level: SentimentLevel) => SENTIMENT_LEVELS.indexOf(level) - 3;
const scored = (m: Measures) => SENTIMENT_LEVELS.reduce((n, l) => n + m.sentiment[l], 0);
/** Mean of the conversations' last levels, −3 to +3. */
export const sentimentAverage = (m: Measures) =>
  ratio(
    SENTIMENT_LEVELS.reduce((sum, l) => sum + sentimentScore(l) * m.sentiment[l], 0),
    scored(m),
  );
/** Share of scored conversations that ended slightly negative or worse. */
export const sentimentNegativeShare = (m: Measures) =>
  ratio(m.sentiment['very-negative'] + m.sentiment.negative + m.sentiment['slightly-negative'], scored(m));

/**
 * What Erlang C needs from a rollup of `periodSeconds` (erlang-c.ts): the offered arrivals and the
 * handle time per contact. Null when nothing was handled, so no handle time is known.
 */
export function staffingInputs(m: Measures, periodSeconds: number) {
  const aht = averageHandleTime(m);
  if (aht === null || !(periodSeconds > 0)) return null;
  return { arrivals: m.offered, periodSeconds, averageHandleSeconds: aht };
}

export type KpiUnit = 'count' | 'seconds' | 'share' | 'score';
export type Kpi = { unit: KpiUnit; of: (m: Measures) => number | null };

const serviceLevelKpis = Object.fromEntries(
  SERVICE_LEVEL_SECONDS.flatMap((s) =>
    SERVICE_LEVEL_DEFINITIONS.map((d) => [
      `serviceLevel${s}${d === 'answered' ? '' : `:${d}`}`,
      { unit: 'share', of: (m: Measures) => serviceLevel(m, s, d) } satisfies Kpi,
    ]),
  ),
);

/**
 * Every KPI a report may ask for, by name. `serviceLevel20` is the reference's definition and
 * `serviceLevel20:offered` (and the other definitions) the variants above.
 */
export const KPIS: Record<string, Kpi> = {
  conversationsIn: { unit: 'count', of: conversationsIn },
  conversationsHandled: { unit: 'count', of: conversationsHandled },
  conversationsAbandoned: { unit: 'count', of: conversationsAbandoned },
  abandonRate: { unit: 'share', of: abandonRate },
  abandonRateOfOffered: { unit: 'share', of: abandonRateOfOffered },
  abandonRateExcludingShort: { unit: 'share', of: abandonRateExcludingShort },
  averageTimeToAbandon: { unit: 'seconds', of: averageTimeToAbandon },
  averageSpeedOfAnswer: { unit: 'seconds', of: averageSpeedOfAnswer },
  averageHandleTime: { unit: 'seconds', of: averageHandleTime },
  handleTimePerConversation: { unit: 'seconds', of: handleTimePerConversation },
  averageWrapUpTime: { unit: 'seconds', of: averageWrapUpTime },
  averageFirstResponseTime: { unit: 'seconds', of: averageFirstResponseTime },
  firstResponseServiceLevel: { unit: 'share', of: firstResponseServiceLevel },
  transferRate: { unit: 'share', of: transferRate },
  rejectionRate: { unit: 'share', of: rejectionRate },
  timeoutRate: { unit: 'share', of: timeoutRate },
  averageTimeToAccept: { unit: 'seconds', of: averageTimeToAccept },
  averageTimeToReject: { unit: 'seconds', of: averageTimeToReject },
  ...serviceLevelKpis,
  csatSatisfied: { unit: 'share', of: csatSatisfied },
  csatAverage: { unit: 'score', of: csatAverage },
  sentimentAverage: { unit: 'score', of: sentimentAverage },
  sentimentNegativeShare: { unit: 'share', of: sentimentNegativeShare },
};
