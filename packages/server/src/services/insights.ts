import type {
  InsightsLive,
  Report,
  ReportRequest,
  ReportSettings,
  Staffing,
  StaffingRequest,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { checkTimeZone, validateReportQuery } from '../domain/insights/dimensions.js';
import { columnsFor } from '../domain/insights/measure-fields.js';
import { DomainError } from '../domain/errors.js';
import { periodStart, planReport, planSegments } from '../domain/insights/grains.js';
import { requiredAgents } from '../domain/insights/erlang-c.js';
import { averageHandleTime, KPIS, serviceLevel } from '../domain/insights/kpis.js';
import { addMeasures, emptyMeasures } from '../domain/insights/rollup.js';
import type { Db } from '../store/db.js';
import { agentsNow, queuesNow, reportNames } from '../store/insight-live.js';
import { reportingZone, saveReportingZone, sumRollups } from '../store/insight-rollups.js';
import { transaction } from '../store/transaction.js';
import type { StaffIdentity } from './identity.js';

const HOUR_MS = 3_600_000;

/**
 * Insights (SV9): reports read the reporting model's rollups, added up in the database; the live
 * view reads the live tables for now and the rollups for today. Route roles keep agents out.
 */
export function createInsightsService({ db, clock }: { db: Db; clock: Clock }) {
  async function report(who: StaffIdentity, input: ReportRequest): Promise<Report> {
    const zone = await reportingZone(db, who.orgId);
    const q = validateReportQuery({ ...input, timeZone: input.timeZone ?? zone }, clock.now());
    const started = performance.now();
    const columns = columnsFor(q.measures.map((name) => KPIS[name]!.of));
    const sums = await sumRollups(db, who.orgId, { ...q, segments: planReport(q, zone), columns });
    const tookMs = performance.now() - started;
    const names = await reportNames(db, who.orgId);
    const rows = sums.map((s) => {
      const row: Report['rows'][number] = {
        bucket: s.bucket,
        values: Object.fromEntries(q.measures.map((name) => [name, KPIS[name]!.of(s.measures)])),
      };
      if ('queueId' in s) Object.assign(row, { queueId: s.queueId, queueName: names.queues.get(s.queueId!) ?? null });
      if ('channel' in s) row.channel = s.channel;
      if ('agentId' in s) Object.assign(row, { agentId: s.agentId, agentName: names.users.get(s.agentId!) ?? null });
      return row;
    });
    return {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      bucket: q.bucket,
      dimensions: q.dimensions,
      timeZone: q.timeZone,
      measures: q.measures.map((name) => ({ name, unit: KPIS[name]!.unit })),
      rows,
      tookMs,
    };
  }

  async function live(who: StaffIdentity): Promise<InsightsLive> {
    const now = clock.now();
    const zone = await reportingZone(db, who.orgId);
    const hourEnd = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    // Today: since midnight in the reporting zone, to the end of this hour.
    const segments = planSegments(periodStart(now, 'day', zone), hourEnd, zone, { months: false });
    const [queues, agents, today] = await Promise.all([
      queuesNow(db, who.orgId),
      agentsNow(db, who.orgId),
      sumRollups(db, who.orgId, {
        segments,
        bucket: 'total',
        dimensions: ['queue'],
        timeZone: zone,
        filters: { queueIds: null, channels: null, agentIds: null },
        columns: columnsFor([KPIS.conversationsHandled!.of, KPIS.conversationsAbandoned!.of, KPIS.serviceLevel20!.of]),
      }),
    ]);
    const byQueue = new Map(today.map((s) => [s.queueId, s.measures]));
    return {
      at: now.toISOString(),
      queues: queues.map((q) => {
        const m = byQueue.get(q.id) ?? emptyMeasures();
        return {
          queueId: q.id,
          name: q.name,
          waiting: q.waiting,
          longestWaitSeconds: q.oldestWaitingSince
            ? Math.max(0, (now.getTime() - q.oldestWaitingSince.getTime()) / 1000)
            : null,
          inProgress: q.inProgress,
          answeredToday: m.answered,
          abandonedToday: m.abandoned,
          serviceLevelToday: serviceLevel(m, 20, 'answered'),
        };
      }),
      agents,
    };
  }

  /**
   * Erlang C per queue for the busiest hour of the range and for an average hour (over the hours
   * that had arrivals, so nights without work do not thin it out), at the range's handle time.
   */
  async function staffing(who: StaffIdentity, input: StaffingRequest): Promise<Staffing> {
    const q = validateReportQuery(
      { from: input.from, to: input.to, bucket: 'hour', dimensions: ['queue'], measures: ['conversationsIn'] },
      clock.now(),
    );
    const { targetShare, targetSeconds } = input;
    const [hours, queues] = await Promise.all([
      sumRollups(db, who.orgId, {
        ...q,
        segments: [{ grain: 'hour', from: q.from, to: q.to }],
        columns: ['offered', ...columnsFor([averageHandleTime])],
      }),
      queuesNow(db, who.orgId),
    ]);
    const estimate = (hour: string, arrivals: number, aht: number) => {
      if (arrivals === 0) return null;
      const e = requiredAgents({
        arrivals,
        periodSeconds: 3600,
        averageHandleSeconds: aht,
        targetServiceLevel: targetShare,
        targetSeconds,
      });
      return {
        hour,
        arrivals,
        averageHandleSeconds: aht,
        trafficErlangs: e.traffic,
        agents: e.agents,
        serviceLevel: e.serviceLevel,
        averageSpeedOfAnswerSeconds: e.averageSpeedOfAnswerSeconds,
      };
    };
    return {
      targetShare,
      targetSeconds,
      queues: queues.map((queue) => {
        const mine = hours.filter((h) => h.queueId === queue.id);
        const total = mine.reduce((sum, h) => addMeasures(sum, h.measures), emptyMeasures());
        const aht = averageHandleTime(total);
        const busy = mine.filter((h) => h.measures.offered > 0);
        if (aht === null || busy.length === 0)
          return { queueId: queue.id, name: queue.name, busiestHour: null, averageHour: null };
        const busiest = busy.reduce((a, b) => (b.measures.offered > a.measures.offered ? b : a));
        return {
          queueId: queue.id,
          name: queue.name,
          busiestHour: estimate(busiest.bucket!, busiest.measures.offered, aht),
          averageHour: estimate(q.from.toISOString(), total.offered / busy.length, aht),
        };
      }),
    };
  }

  const settings = async (who: StaffIdentity): Promise<ReportSettings> => ({
    timeZone: await reportingZone(db, who.orgId),
  });

  /** A new reporting zone, with the day and month cells rebuilt for it in the same transaction. */
  async function updateSettings(who: StaffIdentity, body: ReportSettings): Promise<ReportSettings> {
    const problems: string[] = [];
    checkTimeZone(body.timeZone, problems);
    if (problems.length > 0) throw new DomainError('invalid', problems.join('; '));
    await transaction(db, (tx) => saveReportingZone(tx, who.orgId, body.timeZone));
    return settings(who);
  }

  return { report, live, staffing, settings, updateSettings };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
