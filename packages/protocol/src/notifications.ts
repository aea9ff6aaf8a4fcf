import { z } from 'zod';
import { Channel, Id, SingleLine, Timestamp } from './common.js';
import { TemplateLanguage } from './outbound.js';

/**
 * Notifications (AG2): what an agent is told when work arrives for them, one template per scenario
 * that the admin edits. Toasts go away by themselves; alerts wait for Accept or Reject.
 */
export const NOTIFICATION_SCENARIOS = [
  'incoming-chat',
  'incoming-sms',
  'incoming-social',
  'assigned',
  'transfer',
  'consult',
  'escalation',
  'bot-escalation',
] as const;
export const NotificationScenario = z.enum(NOTIFICATION_SCENARIOS);
export type NotificationScenario = z.infer<typeof NotificationScenario>;

export type NotificationLanguage = z.infer<typeof TemplateLanguage>;

export const NotificationKind = z.enum(['toast', 'alert']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationTheme = z.enum(['light', 'dark']);
export type NotificationTheme = z.infer<typeof NotificationTheme>;

/** What a notification may show, in this order. */
export const NOTIFICATION_FIELDS = ['customerName', 'firstMessage', 'waitTime', 'queue', 'channel', 'note'] as const;
export const NotificationField = z.enum(NOTIFICATION_FIELDS);
export type NotificationField = z.infer<typeof NotificationField>;

export const NOTIFICATION_TIMEOUT_MIN = 5;
export const NOTIFICATION_TIMEOUT_MAX = 600;

export const NotificationTemplateInput = z.strictObject({
  kind: NotificationKind,
  /** The admin's title per language; a language left out shows the built-in title. */
  titles: z.partialRecord(
    TemplateLanguage,
    SingleLine(120, { min: 1, minMessage: 'a title cannot be empty; leave the language out instead' }),
  ),
  fields: z
    .array(NotificationField)
    .max(NOTIFICATION_FIELDS.length)
    .refine((f) => new Set(f).size === f.length, 'a field is listed twice'),
  /** A toast's display time, or how long an alert waits before it counts as a rejection. */
  timeoutSeconds: z
    .number()
    .int()
    .min(NOTIFICATION_TIMEOUT_MIN, `at least ${NOTIFICATION_TIMEOUT_MIN} seconds`)
    .max(NOTIFICATION_TIMEOUT_MAX, `at most ${NOTIFICATION_TIMEOUT_MAX} seconds`),
  /** Offers of this scenario are accepted at once; the agent gets an 'assigned' toast instead. */
  autoAccept: z.boolean(),
  theme: NotificationTheme,
});
export type NotificationTemplateInput = z.infer<typeof NotificationTemplateInput>;

export const NotificationTemplate = NotificationTemplateInput.extend({
  scenario: NotificationScenario,
  /** The built-in title per language, shown where the admin wrote none. */
  defaults: z.record(TemplateLanguage, z.string()),
  /** Whether auto-accept means anything for this scenario (offers of incoming work). */
  autoAcceptApplies: z.boolean(),
  /** Null until an admin saved it. */
  updatedAt: Timestamp.nullable(),
});
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

export const NotificationScenarioParams = z.strictObject({ scenario: NotificationScenario });

/** What the notification is about, filled in when it was made; the template picks what shows. */
export const NotificationPayload = z.object({
  customerName: z.string(),
  firstMessage: z.string().nullable(),
  waitingSince: Timestamp,
  queueName: z.string().nullable(),
  channel: Channel,
  note: z.string().nullable(),
  fromName: z.string().nullable(),
  /** The template at the time it was made: a later edit does not change what already shows. */
  titles: z.record(TemplateLanguage, z.string()),
  fields: z.array(NotificationField),
  theme: NotificationTheme,
});
export type NotificationPayload = z.infer<typeof NotificationPayload>;

/** The offer, transfer or consult an alert answers: Accept and Reject go to its own route. */
export const NotificationSubject = z.object({ type: z.enum(['offer', 'transfer']), id: Id });
export type NotificationSubject = z.infer<typeof NotificationSubject>;

export const NotificationState = z.enum([
  'pending',
  'accepted',
  'rejected',
  'opened',
  'dismissed',
  'expired',
  'withdrawn',
]);
export type NotificationState = z.infer<typeof NotificationState>;

export const Notification = z.object({
  id: Id,
  scenario: NotificationScenario,
  kind: NotificationKind,
  conversationId: Id.nullable(),
  subject: NotificationSubject.nullable(),
  payload: NotificationPayload,
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

/** My pending notifications, with the server's clock so countdowns do not follow a wrong local clock. */
export const NotificationList = z.object({ notifications: z.array(Notification), serverTime: Timestamp });
export type NotificationList = z.infer<typeof NotificationList>;

/** Pushed to every tab of the recipient when a notification is answered, dismissed, opened or goes. */
export const NotificationClosed = z.object({ id: Id, state: NotificationState });
export type NotificationClosed = z.infer<typeof NotificationClosed>;

export const NotificationAnswer = z.enum(['open', 'dismiss']);
export type NotificationAnswer = z.infer<typeof NotificationAnswer>;
