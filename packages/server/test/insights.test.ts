import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Offer } from '@switchboard/protocol';
import { periodStart } from '../src/domain/insights/grains.js';
import { insightFacts, insightPending, insightQueueRollups, insightRollups } from '../src/store/schema.js';
import { markClosed } from '../src/store/insight-facts.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg, type BuiltOrg } from './support/org-builder.js';

// Insights (SV9): closes fold into the reporting model, and reports, the live view and the
// staffing estimate read it; the numbers below are counted by hand from what each test does.
const t = serverForFile();
const { signIn } = handoffFixture(t);

const HOUR = 3_600_000;
const today = () => {
  const now = Date.now();
  return {
    from: new Date(Math.floor(now / HOUR) * HOUR - 2 * HOUR).toISOString(),
    to: new Date(Math.floor(now / HOUR) * HOUR + HOUR).toISOString(),
  };
};

/** Ann answers and closes one chat; nobody answers the second, whose customer leaves. */
async function dayOfWork() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
      { key: 'ada', role: 'admin' },
    ],
  });
  const ann = await signIn(org, 'ann', 'available');
  const sue = await signIn(org, 'sue');
  const start = (name: string) =>
    t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name, email: 'x@x.example', question: 'Where is my order?' } },
    });
  const first = await start('Eve');
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  const id = first.conversation.id;
  await ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'On its way!' } });
  await ann.api.call('endConversation', { params: { id }, body: {} });
  await ann.api.call('closeConversation', { params: { id }, body: {} });
  await ann.api.call('setPresence', { body: { presence: 'away' } });
  const second = await start('Finn');
  await t.server.app.settled();
  await t.server.api(second.token).call('visitorEnd', { params: { id: second.conversation.id }, body: {} });
  await t.server.app.settled();
  return { org, ann, sue, answered: id, abandoned: second.conversation.id };
}

const report = (who: { api: ReturnType<typeof t.server.api> }, body: Record<string, unknown>) =>
  who.api.call('runReport', { body: { ...today(), bucket: 'total', measures: ['conversationsIn'], ...body } as never });

describe('the reporting model (SV9)', () => {
  it('a close is folded once: one answered and one abandoned chat, by queue, channel and agent', async () => {
    const { org, sue } = await dayOfWork();
    const measures = ['conversationsIn', 'conversationsHandled', 'conversationsAbandoned', 'abandonRate'];
    const byQueue = await report(sue, { dimensions: ['queue'], measures: [...measures, 'averageSpeedOfAnswer'] });
    expect(byQueue.rows).toHaveLength(1);
    expect(byQueue.rows[0]).toMatchObject({
      bucket: null,
      queueId: org.queueId('Support'),
      queueName: expect.stringContaining('Support'),
      values: { conversationsIn: 2, conversationsHandled: 1, conversationsAbandoned: 1, abandonRate: 0.5 },
    });
    expect(byQueue.rows[0]!.values.averageSpeedOfAnswer).toBeGreaterThanOrEqual(0);
    expect(byQueue.measures).toContainEqual({ name: 'abandonRate', unit: 'share' });

    const byAgent = await report(sue, {
      dimensions: ['agent'],
      measures: ['conversationsHandled', 'averageHandleTime', 'averageFirstResponseTime'],
    });
    const ann = byAgent.rows.find((r) => r.agentId === org.user('ann').id)!;
    expect(ann).toMatchObject({ agentName: org.user('ann').name, values: { conversationsHandled: 1 } });
    expect(ann.values.averageHandleTime).toBeGreaterThan(0);
    expect(ann.values.averageFirstResponseTime).toBeGreaterThan(0);
    // The abandoned chat has no agent: its row says so rather than vanishing.
    expect(byAgent.rows.find((r) => r.agentId === null)).toBeDefined();

    const byHour = await report(sue, { bucket: 'hour', dimensions: ['channel'] });
    expect(byHour.rows.reduce((n, r) => n + r.values.conversationsIn!, 0)).toBe(2);
    expect(byHour.rows.every((r) => r.channel === 'webchat' && /T\d\d:00:00.000Z$/.test(r.bucket!))).toBe(true);
    const byDay = await report(sue, { bucket: 'day', timeZone: 'Europe/Amsterdam' });
    expect(byDay.rows.reduce((n, r) => n + r.values.conversationsIn!, 0)).toBe(2);
    expect(byDay.rows[0]!.bucket).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a conversation folded again (closed after a reopen) counts once, with its new facts', async () => {
    const { org, sue, answered } = await dayOfWork();
    const before = await report(sue, { measures: ['conversationsIn', 'conversationsHandled'] });
    await markClosed(t.db.db, org.orgId, answered, new Date());
    await t.server.app.settled();
    await eventually(async () => {
      const waiting = await t.db.db.select().from(insightPending).where(eq(insightPending.conversationId, answered));
      return waiting.length === 0 || undefined;
      // Nothing on this node closed it, so the projector's timer (every 5 s) takes the mark.
    }, 15_000);
    await t.server.app.settled();
    expect(await report(sue, { measures: ['conversationsIn', 'conversationsHandled'] })).toMatchObject({
      rows: before.rows,
    });
    const [stored] = await t.db.db.select().from(insightFacts).where(eq(insightFacts.conversationId, answered));
    expect(stored!.orgId).toBe(org.orgId);
  });

  it('another organisation sees none of it; agents may not ask', async () => {
    const { ann } = await dayOfWork();
    const other: BuiltOrg = await buildOrg(t.db.db, { queues: ['Sales'], users: [{ key: 'sid', role: 'supervisor' }] });
    const sid = await signIn(other, 'sid');
    expect((await report(sid, { dimensions: ['queue'] })).rows).toEqual([]);
    const rollups = await t.db.db.select().from(insightRollups).where(eq(insightRollups.orgId, other.orgId));
    expect(rollups).toEqual([]);
    await expect(report(ann, {})).rejects.toMatchObject({ status: 403 });
    await expect(ann.api.call('insightsLive')).rejects.toMatchObject({ status: 403 });
  });

  it('a query the reports cannot answer is a 400 naming each problem and its limit', async () => {
    const { sue } = await dayOfWork();
    const refused = async (body: Record<string, unknown>, message: RegExp) =>
      expect(report(sue, body)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) });
    await refused({ measures: ['happiness'] }, /unknown measures: "happiness"/);
    await refused({ dimensions: ['weather'] }, /unknown dimensions: "weather"/);
    await refused({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', bucket: 'hour' }, /at most 92 days/);
    await refused({ from: '2026-01-01T00:30:00Z' }, /whole hour/);
    await refused({ from: 'yesterday' }, /UTC instant/);
    await refused({ timeZone: 'Mars/Olympus' }, /not a known IANA time zone/);
    await refused({ to: '2999-01-01T00:00:00Z' }, /end of the current hour/);
  });
});

describe('the live view and the staffing estimate (SV9)', () => {
  it('counts who waits now, agents by presence, and today in each queue', async () => {
    const { org, sue } = await dayOfWork();
    await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Gus', email: 'g@x.example', question: 'Hello?' } },
    });
    await t.server.app.settled();
    const live = await sue.api.call('insightsLive');
    const support = live.queues.find((q) => q.queueId === org.queueId('Support'))!;
    expect(support).toMatchObject({ waiting: 1, inProgress: 0, answeredToday: 1, abandonedToday: 1 });
    expect(support.longestWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(support.serviceLevelToday).not.toBeNull();
    expect(live.agents.byPresence.away).toBe(1);
  });

  it('estimates agents per queue from the measured traffic', async () => {
    const { org, sue } = await dayOfWork();
    const staffing = await sue.api.call('staffingEstimate', {
      query: { ...today(), targetShare: 0.8, targetSeconds: 20 },
    });
    const support = staffing.queues.find((q) => q.queueId === org.queueId('Support'))!;
    expect(support.busiestHour).toMatchObject({ arrivals: 2 });
    expect(support.busiestHour!.agents).toBeGreaterThanOrEqual(1);
    expect(support.busiestHour!.serviceLevel).toBeGreaterThanOrEqual(0.8);
    await expect(sue.api.call('staffingEstimate', { query: { ...today(), targetShare: 1 } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/targetShare is at most 0.99/),
    });
  });
});

describe("the reports' time zone (SV9)", () => {
  it('days begin where the admin says; a change rebuilds the days already folded, and counts stay', async () => {
    const { org, sue } = await dayOfWork();
    const ada = await signIn(org, 'ada');
    expect(await ada.api.call('getReportSettings')).toEqual({ timeZone: 'UTC' });
    const total = async () => (await report(sue, { bucket: 'total' })).rows[0]!.values.conversationsIn;
    expect(await total()).toBe(2);
    const days = async () =>
      (
        await t.db.db
          .selectDistinct({ period: insightQueueRollups.period })
          .from(insightQueueRollups)
          .where(and(eq(insightQueueRollups.orgId, org.orgId), eq(insightQueueRollups.grain, 'day')))
      ).map((r) => r.period.toISOString());
    expect(await days()).toEqual([periodStart(new Date(), 'day', 'UTC').toISOString()]);
    expect(await ada.api.call('updateReportSettings', { body: { timeZone: 'Pacific/Kiritimati' } })).toEqual({
      timeZone: 'Pacific/Kiritimati',
    });
    expect(await total()).toBe(2);
    // The day cells were made again, from the hours, for the new zone's midnight.
    expect(await days()).toEqual([periodStart(new Date(), 'day', 'Pacific/Kiritimati').toISOString()]);
    // In a zone 14 hours ahead the day has other borders: the day rows name the local date.
    const byDay = await report(sue, { bucket: 'day' });
    expect(byDay.timeZone).toBe('Pacific/Kiritimati');
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(byDay.rows.map((r) => r.bucket)).toContain(localToday);
    expect(byDay.rows.reduce((n, r) => n + r.values.conversationsIn!, 0)).toBe(2);
    await expect(ada.api.call('updateReportSettings', { body: { timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/not a known IANA time zone/),
    });
    await expect(sue.api.call('getReportSettings')).rejects.toMatchObject({ status: 403 });
  });
});
