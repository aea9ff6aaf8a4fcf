import { ApiCallError, type InsightsLive, type Report, type Staffing } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../api/api';
import { resetInsights, useInsights } from '../../state/insights-store';
import { renderDesk } from '../../test/render';
import { Desk } from '../desk';
import { InsightsPage } from './insights-page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const LIVE: InsightsLive = {
  at: new Date().toISOString(),
  queues: [
    {
      queueId: id(90),
      name: 'Support',
      waiting: 2,
      longestWaitSeconds: 95,
      inProgress: 4,
      answeredToday: 30,
      abandonedToday: 3,
      serviceLevelToday: 0.8,
    },
  ],
  agents: {
    byPresence: { available: 3, busy: 1, 'busy-dnd': 0, away: 2, offline: 5 },
    capacityUsed: 4,
    capacityTotal: 9,
  },
};

const REPORT: Report = {
  from: '2026-03-01T08:00:00.000Z',
  to: '2026-03-01T10:00:00.000Z',
  bucket: 'hour',
  dimensions: ['queue'],
  timeZone: 'Europe/Amsterdam',
  measures: [
    { name: 'conversationsIn', unit: 'count' },
    { name: 'averageHandleTime', unit: 'seconds' },
    { name: 'abandonRate', unit: 'share' },
  ],
  rows: [
    {
      bucket: '2026-03-01T08:00:00.000Z',
      queueId: id(90),
      queueName: 'Support',
      values: { conversationsIn: 4, averageHandleTime: 185, abandonRate: 0.25 },
    },
    {
      bucket: '2026-03-01T08:00:00.000Z',
      queueId: id(91),
      queueName: 'Sales, "B2B"',
      values: { conversationsIn: 1, averageHandleTime: null, abandonRate: 0 },
    },
    {
      bucket: '2026-03-01T09:00:00.000Z',
      queueId: id(90),
      queueName: 'Support',
      values: { conversationsIn: 2, averageHandleTime: 60.4, abandonRate: null },
    },
  ],
  tookMs: 4,
};

const hour = (h: string, agents: number) => ({
  hour: h,
  arrivals: 6.5,
  averageHandleSeconds: 240,
  trafficErlangs: 0.43,
  agents,
  serviceLevel: 0.91,
  averageSpeedOfAnswerSeconds: 4,
});
const STAFFING: Staffing = {
  targetShare: 0.8,
  targetSeconds: 20,
  queues: [
    {
      queueId: id(90),
      name: 'Support',
      busiestHour: hour('2026-03-01T09:00:00.000Z', 3),
      averageHour: hour('2026-03-01T00:00:00.000Z', 2),
    },
    { queueId: id(91), name: 'Sales', busiestHour: null, averageHour: null },
  ],
};

function fakeCall(report: () => Report = () => REPORT) {
  const calls: { name: string; input: unknown }[] = [];
  const call = vi.fn(async (name: string, input?: unknown) => {
    calls.push({ name, input });
    if (name === 'insightsLive') return LIVE;
    if (name === 'runReport') return report();
    if (name === 'staffingEstimate') return STAFFING;
    if (name === 'listQueues') return { queues: [{ id: id(90), name: 'Support' }] };
    if (name === 'searchAgents') return { agents: [] };
    if (name === 'listOngoing') return { conversations: [], total: 0, nextCursor: null, switches: {} };
    throw new Error(`unexpected call ${name}`);
  });
  return { call: call as unknown as Call, calls };
}

async function runReport() {
  const button = await screen.findByTestId('report-run');
  await act(async () => void fireEvent.click(button));
}

describe('the Insights page (SV9)', () => {
  beforeEach(resetInsights);
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('is a tab of the desk, and the ongoing list is still there on the way back', async () => {
    const { call } = fakeCall();
    renderDesk(<Desk />, call);
    await screen.findByTestId('ongoing-empty');
    fireEvent.click(screen.getByTestId('tab-insights'));
    await screen.findByTestId('insights-live');
    fireEvent.click(screen.getByTestId('tab-ongoing'));
    expect(screen.queryByTestId('insights')).toBeNull();
    expect(screen.getByTestId('ongoing-empty')).toBeTruthy();
  });

  it('shows each queue now, the agents by presence and the capacity in use', async () => {
    const { call } = fakeCall();
    renderDesk(<InsightsPage />, call);
    const queue = await screen.findByTestId('live-queue');
    expect(queue.textContent).toBe('Support21:35430380%');
    expect(screen.getByTestId('live-agents').textContent).toContain('Away: 2');
    expect(screen.getByTestId('live-capacity').textContent).toContain('4 of 9');
  });

  it("runs the report in the browser's zone on whole hours and shows exactly the rows returned", async () => {
    const { call, calls } = fakeCall();
    renderDesk(<InsightsPage />, call);
    await runReport();
    const rows = await screen.findAllByTestId('report-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026-03-01 09:00Support43:0525%',
      '2026-03-01 09:00Sales, "B2B"1—0%',
      '2026-03-01 10:00Support21:00—',
    ]);
    const body = (calls.find((c) => c.name === 'runReport')!.input as { body: Record<string, unknown> }).body;
    expect(body).toMatchObject({ bucket: 'hour', dimensions: ['queue'], timeZone: expect.any(String) });
    expect(Date.parse(body.from as string) % 3_600_000).toBe(0);
    expect(Date.parse(body.to as string) % 3_600_000).toBe(0);
    const charts = screen.getAllByTestId('report-chart');
    expect(charts.map((c) => c.getAttribute('data-measure'))).toEqual(REPORT.measures.map((m) => m.name));
    expect(charts[0]!.querySelector('svg.recharts-surface')).not.toBeNull();
  });

  it('exports as CSV exactly the columns and rows of the table', async () => {
    const { call } = fakeCall();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:report'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
      expect(this.getAttribute('download')).toBe('report-2026-03-01-2026-03-01.csv');
    });
    renderDesk(<InsightsPage />, call);
    await runReport();
    const rows = await screen.findAllByTestId('report-row');
    fireEvent.click(screen.getByTestId('report-export'));
    expect(clicked).toHaveBeenCalledOnce();
    const text = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
    expect(text).toBe(
      'Period,Queue,Conversations in,Average handle time (seconds),"Abandon rate (share, 0–1)"\r\n' +
        '2026-03-01 09:00,Support,4,185,0.25\r\n' +
        '2026-03-01 09:00,"Sales, ""B2B""",1,,0\r\n' +
        '2026-03-01 10:00,Support,2,60.4,\r\n',
    );
    const headers = screen.getAllByTestId('report-header').map((h) => h.textContent);
    expect(headers).toEqual(['Period', 'Queue', 'Conversations in', 'Average handle time', 'Abandon rate']);
    expect(text.trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
  });

  it("shows the server's 400 message instead of a report", async () => {
    const { call } = fakeCall(() => {
      throw new ApiCallError(400, { message: 'report query is not valid: to must be later than from' });
    });
    renderDesk(<InsightsPage />, call);
    await runReport();
    const error = await screen.findByTestId('report-error');
    expect(error.textContent).toContain('report query is not valid: to must be later than from');
    expect(screen.queryByTestId('report-table')).toBeNull();
  });

  it('sends the grouping and range chosen', async () => {
    const { call, calls } = fakeCall();
    renderDesk(<InsightsPage />, call);
    fireEvent.click(await screen.findByTestId('report-group-queue'));
    fireEvent.click(screen.getByTestId('report-group-agent'));
    fireEvent.change(screen.getByTestId('report-preset'), { target: { value: 'last7' } });
    await runReport();
    await waitFor(() => expect(calls.some((c) => c.name === 'runReport')).toBe(true));
    const body = (calls.find((c) => c.name === 'runReport')!.input as { body: Record<string, unknown> }).body;
    expect(body).toMatchObject({ dimensions: ['agent'], bucket: 'day' });
    expect(Date.parse(body.to as string) - Date.parse(body.from as string)).toBeGreaterThan(6 * 86_400_000);
  });

  it('will not run without a KPI, and says so', async () => {
    const { call, calls } = fakeCall();
    useInsights.getState().setForm({ measures: [] });
    renderDesk(<InsightsPage />, call);
    expect((await screen.findByTestId('report-invalid')).textContent).toBe('Pick at least one KPI.');
    expect((screen.getByTestId('report-run') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('report-form'));
    expect(calls.some((c) => c.name === 'runReport')).toBe(false);
  });

  it('estimates staffing per queue and says what Erlang C assumes', async () => {
    const { call, calls } = fakeCall();
    renderDesk(<InsightsPage />, call);
    const rows = await screen.findAllByTestId('staffing-row');
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['busiest', 'average']);
    expect(rows[0]!.textContent).toBe('Busiest hour (' + '2026-03-01 ' + localHour() + ')6.54:000.43391%0:04');
    expect(screen.getAllByTestId('staffing-queue')[1]!.textContent).toContain('No handled conversations');
    expect(screen.getByTestId('staffing-assumptions').textContent).toContain('nobody abandons');
    const query = (calls.find((c) => c.name === 'staffingEstimate')!.input as { query: Record<string, unknown> }).query;
    expect(query).toMatchObject({ targetShare: 0.8, targetSeconds: 20 });
  });
});

/** 09:00 UTC as the browser's wall clock, where the test machine happens to be. */
function localHour() {
  return new Date('2026-03-01T09:00:00.000Z').toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
