import { describe, expect, it } from 'vitest';
import { validateReportQuery, type ReportQueryInput } from './dimensions.js';
import { HOUR } from './hand-computed-hour.js';
import { reportRows } from './report-rows.js';
import { foldFacts } from './rollup.js';
import { AGENT_A, AGENT_B, QUEUE, conversation } from './test-builders.js';

const NOW = new Date('2026-03-05T00:00:00.000Z');
const run = (over: Partial<ReportQueryInput>, rollups = foldFacts(HOUR)) =>
  reportRows(
    rollups,
    validateReportQuery(
      {
        from: '2026-03-02T00:00:00Z',
        to: '2026-03-03T00:00:00Z',
        bucket: 'total',
        dimensions: [],
        measures: [],
        ...over,
      },
      NOW,
    ),
  );

describe('report rows from rollups (SV9)', () => {
  it('adds the cells before dividing: the hour as one row', () => {
    // the hand-computed hour of kpis.test.ts: ASA (10 + 25 + 50 + 130) ÷ 4, AHT 1000 ÷ 5
    const rows = run({ measures: ['conversationsIn', 'averageSpeedOfAnswer', 'averageHandleTime'] });
    expect(rows).toEqual([
      { bucket: null, values: { conversationsIn: 8, averageSpeedOfAnswer: 53.75, averageHandleTime: 200 } },
    ]);
  });

  it('groups by agent, with the unanswered under nobody, last', () => {
    const rows = run({ dimensions: ['agent'], measures: ['conversationsHandled', 'rejectionRate'] });
    expect(rows).toEqual([
      { bucket: null, agentId: AGENT_A, values: { conversationsHandled: 2, rejectionRate: 0 } },
      { bucket: null, agentId: AGENT_B, values: { conversationsHandled: 2, rejectionRate: 1 / 4 } },
      // c5..c8 answered by nobody, and no sessions of nobody: no rate
      { bucket: null, agentId: null, values: { conversationsHandled: 0, rejectionRate: null } },
    ]);
  });

  it('buckets hours into local days and filters by queue and agent', () => {
    // 22:30 UTC on 1 March is 23:30 in Amsterdam (UTC+1): still 1 March there; 23:30 UTC is 2 March
    const late = foldFacts({
      conversations: [
        conversation('x', { arrived: -10.5 * 3600, answered: -10.5 * 3600 + 10 }, { answeredBy: AGENT_A }),
        conversation('y', { arrived: -9.5 * 3600, answered: -9.5 * 3600 + 10 }, { answeredBy: AGENT_A }),
      ],
      sessions: [],
      participants: [],
    });
    const rows = run(
      {
        from: '2026-03-01T00:00:00Z',
        bucket: 'day',
        timeZone: 'Europe/Amsterdam',
        dimensions: ['queue', 'channel'],
        measures: ['conversationsIn'],
        filters: { queueIds: [QUEUE], agentIds: [AGENT_A] },
      },
      late,
    );
    expect(rows).toEqual([
      { bucket: '2026-03-01', queueId: QUEUE, channel: 'webchat', values: { conversationsIn: 1 } },
      { bucket: '2026-03-02', queueId: QUEUE, channel: 'webchat', values: { conversationsIn: 1 } },
    ]);
  });

  it('leaves out hours outside the range', () => {
    expect(run({ from: '2026-03-02T10:00:00Z', measures: ['conversationsIn'] })).toEqual([]);
  });
});
