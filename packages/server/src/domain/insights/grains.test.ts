import { describe, expect, it } from 'vitest';
import { ALL_AGENTS, cellsOfAllGrains, nextPeriod, periodStart, planSegments } from './grains.js';
import { emptyMeasures } from './rollup.js';

const at = (iso: string) => new Date(iso);

describe('periods in the reporting time zone', () => {
  it('a day and a month begin at local midnight, across daylight saving changes', () => {
    // Amsterdam is UTC+1 in winter, UTC+2 in summer; DST began 2026-03-29 at 02:00 local.
    expect(periodStart(at('2026-03-29T10:00:00Z'), 'day', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(nextPeriod(at('2026-03-28T23:00:00Z'), 'day', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(periodStart(at('2026-04-15T12:00:00Z'), 'month', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    expect(periodStart(at('2026-04-15T12:34:56Z'), 'hour', 'UTC').toISOString()).toBe('2026-04-15T12:00:00.000Z');
    expect(periodStart(at('2026-04-15T00:00:00Z'), 'day', 'UTC').toISOString()).toBe('2026-04-15T00:00:00.000Z');
  });
});

describe('the cells a report reads', () => {
  it('a year from local midnight to local midnight is twelve months', () => {
    const s = planSegments(at('2025-12-31T23:00:00Z'), at('2026-12-31T23:00:00Z'), 'Europe/Amsterdam', {
      months: true,
    });
    expect(s).toEqual([{ grain: 'month', from: at('2025-12-31T23:00:00Z'), to: at('2026-12-31T23:00:00Z') }]);
  });

  it('ragged edges are hours and days around whole months', () => {
    const s = planSegments(at('2026-01-30T22:00:00Z'), at('2026-03-02T03:00:00Z'), 'UTC', { months: true });
    expect(s.map((x) => [x.grain, x.from.toISOString(), x.to.toISOString()])).toEqual([
      ['hour', '2026-01-30T22:00:00.000Z', '2026-01-31T00:00:00.000Z'],
      ['day', '2026-01-31T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['month', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['day', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['hour', '2026-03-02T00:00:00.000Z', '2026-03-02T03:00:00.000Z'],
    ]);
    // Segments tile the range exactly: no hour twice, none left out.
    for (let i = 1; i < s.length; i++) expect(s[i]!.from).toEqual(s[i - 1]!.to);
  });

  it('without months, a month is its days', () => {
    const s = planSegments(at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'), 'UTC', { months: false });
    expect(s).toEqual([{ grain: 'day', from: at('2026-02-01T00:00:00Z'), to: at('2026-03-01T00:00:00Z') }]);
  });

  it('an hourly cell is counted once in each grain, per agent and for all agents', () => {
    const m = { ...emptyMeasures(), conversationsIn: 2 };
    const key = { queueId: 'q', channel: 'webchat' as const };
    const cells = cellsOfAllGrains(
      [
        { key: { ...key, hour: '2026-03-01T09:00:00.000Z', agentId: 'a' }, measures: m },
        { key: { ...key, hour: '2026-03-01T10:00:00.000Z', agentId: null }, measures: m },
      ],
      'UTC',
    );
    const sum = (grain: string, agent: (id: string | null) => boolean) =>
      cells.filter((c) => c.grain === grain && agent(c.agentId)).reduce((n, c) => n + c.measures.conversationsIn, 0);
    for (const grain of ['hour', 'day', 'month']) {
      expect(sum(grain, (id) => id === ALL_AGENTS)).toBe(4);
      expect(sum(grain, (id) => id !== ALL_AGENTS)).toBe(4);
    }
    expect(cells.filter((c) => c.grain === 'day')).toHaveLength(3);
  });
});
