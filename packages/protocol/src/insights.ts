import { z } from 'zod';
import { Channel, Id, Presence, SingleLine, Timestamp } from './common.js';

/**
 * Insights (SV9): reports over the reporting model's hourly rollups, the live view and the
 * staffing estimate. The schemas bound sizes only; which measures exist and which ranges are
 * allowed is the server's rule (a 400 that names each problem and its limit).
 */

export const ReportBucket = z.enum(['hour', 'day', 'total']);
export type ReportBucket = z.infer<typeof ReportBucket>;
export const ReportDimension = z.enum(['queue', 'channel', 'agent']);
export type ReportDimension = z.infer<typeof ReportDimension>;

const Instant = SingleLine(40);
const Ids = z.array(Id).max(100, 'at most 100 ids per filter');

export const ReportQuery = z.strictObject({
  /** Inclusive start and exclusive end, UTC instants on whole hours (2026-03-01T00:00:00Z). */
  from: Instant,
  to: Instant,
  bucket: ReportBucket,
  dimensions: z.array(SingleLine(20)).max(3, 'at most 3 dimensions').default([]),
  measures: z.array(SingleLine(60)).min(1, 'name at least one measure').max(60, 'at most 60 measures'),
  /** Where a day begins, for `bucket: day` (an IANA zone such as Europe/Amsterdam); default UTC. */
  timeZone: SingleLine(64).optional(),
  filters: z
    .strictObject({ queueIds: Ids.optional(), channels: z.array(Channel).max(10).optional(), agentIds: Ids.optional() })
    .optional(),
});
export type ReportQuery = z.input<typeof ReportQuery>;
/** The query as the server has it once parsed (defaults filled in). */
export type ReportRequest = z.output<typeof ReportQuery>;

export const MeasureUnit = z.enum(['count', 'seconds', 'share', 'score']);
export type MeasureUnit = z.infer<typeof MeasureUnit>;

export const ReportRow = z.object({
  /** The hour's start (ISO), the local day (YYYY-MM-DD), or null for `total`. */
  bucket: z.string().nullable(),
  queueId: Id.nullable().optional(),
  queueName: z.string().nullable().optional(),
  channel: Channel.optional(),
  agentId: Id.nullable().optional(),
  agentName: z.string().nullable().optional(),
  /** Each asked measure; null where there is nothing to divide by (no answered chats: no ASA). */
  values: z.record(z.string(), z.number().nullable()),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const Report = z.object({
  from: Timestamp,
  to: Timestamp,
  bucket: ReportBucket,
  dimensions: z.array(ReportDimension),
  timeZone: z.string(),
  measures: z.array(z.object({ name: z.string(), unit: MeasureUnit })),
  rows: z.array(ReportRow),
  /** How long the database took to add the rollups up, in milliseconds. */
  tookMs: z.number(),
});
export type Report = z.infer<typeof Report>;

/** The live view: now, per queue and over the agents (SV9). */
export const LiveQueue = z.object({
  queueId: Id,
  name: z.string(),
  waiting: z.number().int(),
  /** Seconds the longest waiting conversation has waited; null when none waits. */
  longestWaitSeconds: z.number().nullable(),
  inProgress: z.number().int(),
  /** Today (since midnight in the reporting time zone), from the reporting model: answered within 20 s ÷ answered. */
  answeredToday: z.number().int(),
  abandonedToday: z.number().int(),
  serviceLevelToday: z.number().nullable(),
});
export const InsightsLive = z.object({
  at: Timestamp,
  queues: z.array(LiveQueue),
  agents: z.object({
    byPresence: z.record(Presence, z.number().int()),
    capacityUsed: z.number().int(),
    capacityTotal: z.number().int(),
  }),
});
export type InsightsLive = z.infer<typeof InsightsLive>;

export const StaffingQuery = z.object({
  from: Instant,
  to: Instant,
  /** The service level to staff for: this share answered within `targetSeconds` (80 % in 20 s). */
  targetShare: z.coerce
    .number()
    .min(0.5, 'targetShare is at least 0.5')
    .max(0.99, 'targetShare is at most 0.99')
    .default(0.8),
  targetSeconds: z.coerce
    .number()
    .int()
    .min(5, 'targetSeconds is at least 5')
    .max(600, 'targetSeconds is at most 600')
    .default(20),
});
export type StaffingQuery = z.input<typeof StaffingQuery>;
export type StaffingRequest = z.output<typeof StaffingQuery>;

export const StaffingHour = z.object({
  /** The hour's start; for the average, the range's start. */
  hour: Timestamp,
  arrivals: z.number(),
  averageHandleSeconds: z.number(),
  trafficErlangs: z.number(),
  agents: z.number().int(),
  serviceLevel: z.number(),
  averageSpeedOfAnswerSeconds: z.number(),
});
export const QueueStaffing = z.object({
  queueId: Id,
  name: z.string(),
  /** The range's busiest hour by arrivals, and an hour of average traffic; null without handled work. */
  busiestHour: StaffingHour.nullable(),
  averageHour: StaffingHour.nullable(),
});
export const Staffing = z.object({
  targetShare: z.number(),
  targetSeconds: z.number(),
  queues: z.array(QueueStaffing),
});
export type Staffing = z.infer<typeof Staffing>;

/** Where the reports' days and months begin, for everyone in the organisation (an IANA zone). */
export const ReportSettings = z.strictObject({ timeZone: SingleLine(64, { min: 1, trim: true }) });
export type ReportSettings = z.infer<typeof ReportSettings>;
