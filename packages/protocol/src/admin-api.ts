import { z } from 'zod';
import { Email, Id, Presence, Role, SingleLine } from './common.js';
import { WidgetId } from './widget.js';
import {
  AgentRouting,
  CapacityProfile,
  CustomPresence,
  OperatingHours,
  QueueConfig,
  RoutingSettings,
  Skill,
  Workstream,
} from './routing-config.js';

/** What the admin center creates: the entity without its id (the server assigns it). */
export const NewSkill = Skill.omit({ id: true });
export const NewCapacityProfile = CapacityProfile.omit({ id: true });
export const NewCustomPresence = CustomPresence.omit({ id: true });
export const NewOperatingHours = OperatingHours.omit({ id: true });
export const NewQueue = QueueConfig.omit({ id: true });
export const NewWorkstream = Workstream.omit({ id: true });

/**
 * A site that may frame a widget and call its API: an origin, `https://host` or `http://host:port`, no path.
 * Written in any case, with or without a trailing slash; kept lowercase, as browsers send the Origin header.
 */
export const SiteOrigin = z
  .string()
  .trim()
  .max(200, 'a site is at most 200 characters')
  .transform((s) => s.replace(/\/$/, '').toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
        'a site is an origin such as https://shop.example or http://localhost:8080 (no path)',
      )
      .refine((s) => !/:(\d+)$/.test(s) || Number(/:(\d+)$/.exec(s)![1]) <= 65535, 'a port is at most 65535'),
  );

const WidgetTitle = SingleLine(80, { min: 1, minMessage: 'a widget needs a title' });

/** What the admin sends: sites are checked and written the way browsers send them. */
export const NewChatWidget = z.object({
  title: WidgetTitle,
  workstreamId: Id,
  /** Sites that may embed the widget (frame it, call its API, open its socket); empty: any site. */
  allowedSites: z
    .array(SiteOrigin)
    .max(50, 'a widget lists at most 50 sites')
    .refine((sites) => new Set(sites).size === sites.length, 'each site is listed once')
    .default([]),
});
/**
 * A chat widget (CH1): the id is what the embed tag names (`data-widget-id`), so it never
 * changes; the workstream decides how its conversations are routed.
 * As the server answers it: no transforms, answers are serialised, not parsed.
 */
export const ChatWidget = z.object({
  id: WidgetId,
  title: WidgetTitle,
  workstreamId: Id,
  allowedSites: z.array(z.string()),
});
export type ChatWidget = z.infer<typeof ChatWidget>;
export type NewChatWidget = z.infer<typeof NewChatWidget>;

export const AgentSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  presence: Presence,
  routing: AgentRouting,
});
export type AgentSummary = z.infer<typeof AgentSummary>;

/**
 * The whole routing configuration of an organisation as one file. Import replaces the
 * configuration with it in one transaction, or changes nothing and lists every problem.
 * Agents are matched by email.
 */
export const ConfigExport = z.strictObject({
  format: z.literal('switchboard-config'),
  version: z.literal(1),
  exportedAt: SingleLine(100).optional(),
  skills: z.array(Skill),
  capacityProfiles: z.array(CapacityProfile),
  presences: z.array(CustomPresence),
  operatingHours: z.array(OperatingHours),
  queues: z.array(QueueConfig),
  workstreams: z.array(Workstream),
  agents: z.array(AgentRouting.omit({ userId: true }).extend({ email: Email })),
  settings: RoutingSettings,
});
export type ConfigExport = z.infer<typeof ConfigExport>;
export type ConfigExportInput = z.input<typeof ConfigExport>;

export const ImportResult = z.object({ ok: z.literal(true), counts: z.record(z.string(), z.number()) });
export const ImportProblems = z.object({
  statusCode: z.literal(400),
  error: z.string(),
  message: z.string(),
  problems: z.array(z.string()),
});
export type ImportProblems = z.infer<typeof ImportProblems>;
