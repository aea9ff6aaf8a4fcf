import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { validateReportQuery, type ReportQueryInput } from './dimensions.js';
import { AGENT_A, QUEUE } from './test-builders.js';

const NOW = new Date('2026-03-02T09:20:00.000Z');
const query = (over: Partial<ReportQueryInput> = {}): ReportQueryInput => ({
  from: '2026-03-01T00:00:00Z',
  to: '2026-03-02T00:00:00Z',
  bucket: 'hour',
  dimensions: ['queue'],
  measures: ['conversationsIn', 'serviceLevel20'],
  ...over,
});

describe('report query check (SV9)', () => {
  it('accepts a query and returns it as a report runs it', () => {
    const q = validateReportQuery(query({ filters: { queueIds: [QUEUE], channels: ['sms'] } }), NOW);
    expect(q).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-02T00:00:00Z'),
      bucket: 'hour',
      dimensions: ['queue'],
      measures: ['conversationsIn', 'serviceLevel20'],
      timeZone: 'UTC',
      filters: { queueIds: [QUEUE], channels: ['sms'], agentIds: null },
    });
  });

  it('accepts the current hour up to its end, ten years by day and a quarter by hour', () => {
    expect(() =>
      validateReportQuery(query({ from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z' }), NOW),
    ).not.toThrow();
    const decade = query({ from: '2016-03-04T00:00:00Z', to: '2026-03-02T00:00:00Z', bucket: 'day' });
    expect(() => validateReportQuery(decade, NOW)).not.toThrow();
    const quarter = query({ from: '2025-12-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }); // 91 days
    expect(() => validateReportQuery(quarter, NOW)).not.toThrow();
    const zoned = query({ bucket: 'day', timeZone: 'Europe/Amsterdam', dimensions: [], from: '2026-02-28T23:00:00Z' });
    expect(validateReportQuery(zoned, NOW).timeZone).toBe('Europe/Amsterdam');
  });

  const refusals: [string, Partial<ReportQueryInput>, string][] = [
    ['a date that is not an instant', { from: 'yesterday' }, 'from must be a UTC instant such as 2026-03-01T00:00:00Z'],
    ['a day that does not exist', { from: '2026-02-30T00:00:00Z' }, 'from must be a UTC instant'],
    ['an hour that does not exist', { to: '2026-03-01T24:00:00Z' }, 'to must be a UTC instant'],
    ['a local time without Z', { from: '2026-03-01T00:00:00' }, 'from must be a UTC instant'],
    ['a start between hours', { from: '2026-03-01T00:30:00Z' }, 'from must fall on a whole hour'],
    ['an end before the start', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'to must be later'],
    ['an empty range', { to: '2026-03-01T00:00:00Z' }, 'to must be later than from'],
    ['the future', { to: '2026-03-02T11:00:00Z' }, 'end of the current hour (2026-03-02T10:00:00.000Z)'],
    ['a start before 2000', { from: '1999-12-31T00:00:00Z', bucket: 'day' }, 'from must not be before 2000-01-01'],
    ['an hourly report over 92 days', { from: '2025-11-01T00:00:00Z' }, 'a report by hour spans at most 92 days'],
    ['a daily report over ten years', { from: '2010-01-01T00:00:00Z', bucket: 'day' }, 'spans at most 3660 days'],
    ['an unknown bucket', { bucket: 'week' }, 'unknown bucket "week"; known: hour, day, total'],
    ['an unknown dimension', { dimensions: ['skill'] }, 'unknown dimensions: "skill"; known: queue, channel, agent'],
    ['a dimension twice', { dimensions: ['agent', 'agent'] }, 'dimensions named more than once: agent'],
    ['no measure', { measures: [] }, 'measures must name at least one measure'],
    ['an unknown measure', { measures: ['happiness'] }, 'unknown measures: "happiness"'],
    ['a service level not kept', { measures: ['serviceLevel25'] }, 'unknown measures: "serviceLevel25"'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone "Mars/Olympus" is not a known IANA time zone'],
    ['a long time zone', { timeZone: 'x'.repeat(65) }, 'timeZone is at most 64 characters'],
    ['an id that is not one', { filters: { agentIds: ['bob'] } }, 'filters.agentIds holds an id that is not a UUID'],
    ['an empty id filter', { filters: { queueIds: [] } }, 'filters.queueIds takes 1 to 100 ids (got 0)'],
    ['too many ids', { filters: { agentIds: Array(101).fill(AGENT_A) } }, 'takes 1 to 100 ids (got 101)'],
    ['an unknown channel', { filters: { channels: ['fax'] } }, 'unknown channels: "fax"; known: webchat, sms'],
    ['an empty channel filter', { filters: { channels: [] } }, 'filters.channels names at least one channel'],
  ];
  it.each(refusals)('refuses %s, saying why', (_label, over, message) => {
    const run = () => validateReportQuery(query(over), NOW);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(message);
  });

  it('lists every problem at once', () => {
    const run = () => validateReportQuery(query({ bucket: 'week', dimensions: ['skill'], measures: [] }), NOW);
    expect(run).toThrow(/^report query is not valid: unknown bucket .*; unknown dimensions.*; measures must name/);
  });

  it('is a 4xx kind of refusal', () => {
    try {
      validateReportQuery(query({ bucket: 'week' }), NOW);
    } catch (e) {
      expect((e as DomainError).kind).toBe('invalid');
      return;
    }
    expect.unreachable('the query should have been refused');
  });
});
