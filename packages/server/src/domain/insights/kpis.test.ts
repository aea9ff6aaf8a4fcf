import { describe, expect, it } from 'vitest';
import type { FactSet } from './facts.js';
import * as k from './kpis.js';
import { addMeasures, emptyMeasures, foldFacts, type Measures } from './rollup.js';
import { HOUR } from './hand-computed-hour.js';

const total = (facts: FactSet): Measures =>
  foldFacts(facts).reduce((m, r) => addMeasures(m, r.measures), emptyMeasures());
const m = total(HOUR);

describe('KPI formulas on a hand-computed hour (SV9)', () => {
  const cases: [string, number | null, number | null][] = [
    ['conversations in: c1..c8', k.conversationsIn(m), 8],
    ['handled: c1..c4', k.conversationsHandled(m), 4],
    ['abandoned: c5, c6', k.conversationsAbandoned(m), 2],
    ["abandon rate, the reference's: 2 ÷ 8 incoming", k.abandonRate(m), 2 / 8],
    ["abandon rate, the industry's: 2 ÷ 7 offered (c8 never queued)", k.abandonRateOfOffered(m), 2 / 7],
    ['abandon rate without short abandons: (2 − 1) ÷ (7 − 1)', k.abandonRateExcludingShort(m), 1 / 6],
    ['time to abandon: (3 + 40) ÷ 2', k.averageTimeToAbandon(m), 21.5],
    ['ASA: (10 + 25 + 50 + 130) ÷ 4', k.averageSpeedOfAnswer(m), 53.75],
    ['AHT per handled contact: (300 + 120 + 240 + 200 + 140) ÷ 5', k.averageHandleTime(m), 200],
    ["AHT, the reference's: 1000 ÷ 4 conversations handled", k.handleTimePerConversation(m), 250],
    ['wrap-up, the last agent only: (60 + 30 + 20 + 10) ÷ 4', k.averageWrapUpTime(m), 30],
    ['first response: (25 + 70 + 55) ÷ 3', k.averageFirstResponseTime(m), 50],
    ['first response within 60 s: c1, c3 of 3', k.firstResponseServiceLevel(m), 2 / 3],
    ['transfer rate: s3 ÷ 5 accepted sessions', k.transferRate(m), 1 / 5],
    ['rejection rate: s2 ÷ 8 sessions', k.rejectionRate(m), 1 / 8],
    ['timeout rate: s5 ÷ 8 sessions', k.timeoutRate(m), 1 / 8],
    ['time to accept: (10 + 13 + 4 + 20 + 10) ÷ 5', k.averageTimeToAccept(m), 11.4],
    ['time to reject: 7 ÷ 1', k.averageTimeToReject(m), 7],
    ['CSAT: scores 5 and 4 of 5, 4, 2', k.csatSatisfied(m), 2 / 3],
    ['CSAT mean: (5 + 4 + 2) ÷ 3', k.csatAverage(m), 11 / 3],
    ['sentiment: (+2 + 0 − 2 − 3) ÷ 4', k.sentimentAverage(m), -0.75],
    ['negative sentiment: negative and very negative of 4', k.sentimentNegativeShare(m), 2 / 4],
  ];
  it.each(cases)('%s', (_label, actual, expected) => {
    expect(actual).toBeCloseTo(expected!, 12);
  });

  // Answered within X (waits 10, 25, 50, 130) and abandoned within X (3, 40), of 7 offered.
  const levels: [20 | 30 | 60, k.ServiceLevelDefinition, number][] = [
    [20, 'answered', 1 / 4], // c1 of 4 answered
    [20, 'offered', 1 / 7],
    [20, 'abandons-after-threshold', 1 / (4 + 2 - 1)], // c5 left within 20 s: neither met nor missed
    [20, 'removed-from-queue', (1 + 1) / 7], // c1 answered and c5 abandoned within 20 s
    [30, 'answered', 2 / 4],
    [30, 'offered', 2 / 7],
    [30, 'abandons-after-threshold', 2 / (4 + 2 - 1)],
    [30, 'removed-from-queue', (2 + 1) / 7],
    [60, 'answered', 3 / 4],
    [60, 'offered', 3 / 7],
    [60, 'abandons-after-threshold', 3 / (4 + 2 - 2)], // both abandons within 60 s
    [60, 'removed-from-queue', (3 + 2) / 7],
  ];
  it.each(levels)('service level within %i s, %s definition', (within, definition, expected) => {
    expect(k.serviceLevel(m, within, definition)).toBeCloseTo(expected, 12);
  });

  it('counts a wait of exactly X seconds as within X', () => {
    // c1 waited exactly 10 s
    expect(k.serviceLevel(m, 10, 'answered')).toBe(1 / 4);
  });

  it('names the reference definition plainly and the others with a suffix', () => {
    expect(k.KPIS.serviceLevel20!.of(m)).toBe(1 / 4);
    expect(k.KPIS['serviceLevel20:offered']!.of(m)).toBe(1 / 7);
    expect(k.KPIS['serviceLevel60:removed-from-queue']!.of(m)).toBe(5 / 7);
  });

  it('answers null, never NaN or 0, when there is nothing to divide by', () => {
    const none = emptyMeasures();
    for (const [name, kpi] of Object.entries(k.KPIS)) {
      if (kpi.unit === 'count') expect(kpi.of(none), name).toBe(0);
      else expect(kpi.of(none), name).toBeNull();
    }
  });

  it('gives staffing its inputs: 7 offered in the hour at 200 s per contact', () => {
    expect(k.staffingInputs(m, 3600)).toEqual({ arrivals: 7, periodSeconds: 3600, averageHandleSeconds: 200 });
    expect(k.staffingInputs(emptyMeasures(), 3600)).toBeNull();
  });

  it('scores the seven sentiment levels from −3 to +3', () => {
    expect(k.sentimentScore('very-negative')).toBe(-3);
    expect(k.sentimentScore('neutral')).toBe(0);
    expect(k.sentimentScore('very-positive')).toBe(3);
  });
});
