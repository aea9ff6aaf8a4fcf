import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type {
  Notification,
  NotificationPayload,
  NotificationScenario,
  NotificationState,
  NotificationTemplateInput,
} from '@switchboard/protocol';
import { NOTIFICATION_SCENARIOS } from '@switchboard/protocol';
import { effectiveTemplate } from '../domain/notifications/templates.js';
import type { Db } from './db.js';
import { notifications, notificationTemplates } from './schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type TemplateRow = typeof notificationTemplates.$inferSelect;

/** A notification to write: an alert has the id of the offer or handoff it announces (its subject). */
export type NewNotification = {
  id: string;
  orgId: string;
  recipientId: string;
  scenario: NotificationScenario;
  kind: 'toast' | 'alert';
  conversationId: string;
  subjectId: string | null;
  payload: NotificationPayload;
  createdAt: Date;
  expiresAt: Date;
};

export const listTemplateRows = (db: Db, orgId: string) =>
  db
    .select()
    .from(notificationTemplates)
    .where(eq(notificationTemplates.orgId, orgId))
    .orderBy(asc(notificationTemplates.scenario));

/** A scenario's template as it applies; `saved` says whether its timeout is the admin's (alertTimeout). */
export type AppliedTemplate = NotificationTemplateInput & { saved: boolean };
export type Templates = Map<NotificationScenario, AppliedTemplate>;

/** Every scenario's template as it applies now (read fresh: a saved change holds for the next offer). */
export async function loadTemplates(db: Db, orgId: string): Promise<Templates> {
  const saved = new Map((await listTemplateRows(db, orgId)).map((r) => [r.scenario, toInput(r)]));
  return new Map(
    NOTIFICATION_SCENARIOS.map((s) => [s, { ...effectiveTemplate(s, saved.get(s)), saved: saved.has(s) }]),
  );
}

export function toInput(r: TemplateRow): NotificationTemplateInput {
  return {
    kind: r.kind,
    titles: r.titles,
    fields: r.fields as NotificationTemplateInput['fields'],
    timeoutSeconds: r.timeoutSeconds,
    autoAccept: r.autoAccept,
    theme: r.theme,
  };
}

/** Keyed by organisation and scenario: one organisation's save never reaches another's row. */
export async function saveTemplate(
  db: Db,
  orgId: string,
  scenario: NotificationScenario,
  input: NotificationTemplateInput,
  now: Date,
): Promise<TemplateRow> {
  const values = { ...input, updatedAt: now };
  const [row] = await db
    .insert(notificationTemplates)
    .values({ orgId, scenario, ...values })
    .onConflictDoUpdate({ target: [notificationTemplates.orgId, notificationTemplates.scenario], set: values })
    .returning();
  return row!;
}

/** Writes a set of notifications in one statement (a routing block's, or a single handoff's). */
export async function insertNotifications(tx: Db, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(notifications).values(rows.map((r) => ({ ...r, state: 'pending' as const })));
}

export async function getNotification(db: Db, orgId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.id, id)));
  return row;
}

/** Pending → `state`, only if still pending: of two tabs answering, one wins. */
export async function closeNotification(
  tx: Db,
  orgId: string,
  id: string,
  state: NotificationState,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(notifications)
    .set({ state, closedAt: at })
    .where(and(eq(notifications.orgId, orgId), eq(notifications.id, id), eq(notifications.state, 'pending')))
    .returning({ id: notifications.id });
  return rows.length === 1;
}

/** Closes the alerts of offers or handoffs that closed, in the same transaction as their subject. */
export async function closeBySubject(
  tx: Db,
  orgId: string,
  subjectIds: readonly string[],
  state: NotificationState,
  at: Date,
): Promise<void> {
  if (subjectIds.length === 0) return;
  await tx
    .update(notifications)
    .set({ state, closedAt: at })
    .where(
      and(
        eq(notifications.orgId, orgId),
        inArray(notifications.subjectId, [...subjectIds]),
        eq(notifications.state, 'pending'),
      ),
    );
}

export async function pendingFor(db: Db, orgId: string, userId: string): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.orgId, orgId), eq(notifications.recipientId, userId), eq(notifications.state, 'pending')),
    )
    .orderBy(asc(notifications.createdAt));
}

/**
 * Toasts whose display time is up, every organisation's, closed in one statement. Alerts are not
 * swept here: they close with their offer or handoff, whose own sweep counts the timeout as a rejection.
 */
export async function expireToasts(db: Db, now: Date): Promise<{ id: string; orgId: string; recipientId: string }[]> {
  return db
    .update(notifications)
    .set({ state: 'expired', closedAt: now })
    .where(and(eq(notifications.state, 'pending'), eq(notifications.kind, 'toast'), lte(notifications.expiresAt, now)))
    .returning({ id: notifications.id, orgId: notifications.orgId, recipientId: notifications.recipientId });
}

export function toWire(r: NotificationRow): Notification {
  return {
    id: r.id,
    scenario: r.scenario as NotificationScenario,
    kind: r.kind,
    conversationId: r.conversationId,
    subject: r.subjectId
      ? { type: r.scenario === 'transfer' || r.scenario === 'consult' ? 'transfer' : 'offer', id: r.subjectId }
      : null,
    payload: r.payload as NotificationPayload,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}

/** The insert of a claim statement's notifications, from its `done` rows (one statement per block). */
export const claimNotificationsInsert = (orgId: string, at: string) => sql`
  insert into ${notifications} (id, org_id, recipient_id, scenario, kind, conversation_id, subject_id, payload, state, created_at, expires_at)
  select (notif->>'id')::uuid, ${orgId}::uuid, agent, notif->>'scenario', notif->>'kind', conv, (notif->>'subject')::uuid,
    notif->'payload', 'pending', ${at}::timestamptz, (notif->>'expires_at')::timestamptz
  from done where notif is not null`;
