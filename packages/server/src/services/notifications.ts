import {
  NOTIFICATION_SCENARIOS,
  type NotificationList,
  type NotificationScenario,
  type NotificationTemplate,
  type NotificationTemplateInput,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { answerRefusal } from '../domain/notifications/answers.js';
import { announce } from '../domain/notifications/payload.js';
import { scenarioOfHandoff } from '../domain/notifications/scenario.js';
import { autoAcceptApplies, builtInTitles, templateRefusal } from '../domain/notifications/templates.js';
import type { Db } from '../store/db.js';
import type { HandoffRow } from '../store/handoffs.js';
import * as store from '../store/notifications.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';
import type { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';

/** The template a transfer or consult request is announced with (read in its transaction). */
export async function handoffTemplate(tx: Db, orgId: string, kind: 'transfer' | 'consult') {
  return (await store.loadTemplates(tx, orgId)).get(scenarioOfHandoff(kind))!;
}

/**
 * Writes the alert of a transfer or consult request in the request's transaction (AG2); it has
 * the handoff's id, so it closes with the handoff's answer, timeout or withdrawal.
 */
export async function notifyHandoff(
  tx: Db,
  log: EventLog,
  h: HandoffRow,
  about: {
    c: { customerName: string; firstMessage: string | null; waitingSince: Date; channel: 'webchat' | 'sms' | 'custom' };
    fromName: string;
    queueName: string | null;
    template: store.AppliedTemplate;
  },
) {
  const scenario = scenarioOfHandoff(h.kind);
  const n = announce(
    scenario,
    about.template,
    { ...about.c, queueName: about.queueName, note: h.note, fromName: about.fromName },
    h.requestedAt,
    h.expiresAt,
  );
  const row: store.NewNotification = {
    id: h.id,
    orgId: h.orgId,
    recipientId: h.toUserId!,
    conversationId: h.conversationId,
    subjectId: n.kind === 'alert' ? h.id : null,
    createdAt: h.requestedAt,
    ...n,
  };
  await store.insertNotifications(tx, [row]);
  log.add({
    kind: 'notification-created',
    orgId: h.orgId,
    recipientId: row.recipientId,
    notification: {
      id: row.id,
      scenario,
      kind: n.kind,
      conversationId: h.conversationId,
      subject: row.subjectId ? { type: 'transfer', id: row.subjectId } : null,
      payload: n.payload,
      createdAt: h.requestedAt.toISOString(),
      expiresAt: n.expiresAt.toISOString(),
    },
  });
}

function templateView(scenario: NotificationScenario, t: store.AppliedTemplate, row?: store.TemplateRow) {
  const { saved: _saved, ...input } = t;
  const view: NotificationTemplate = {
    ...input,
    scenario,
    defaults: builtInTitles(scenario),
    autoAcceptApplies: autoAcceptApplies(scenario),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
  return view;
}

/**
 * Notifications (AG2): my pending ones (a reconnecting tab lists them), a toast opened or
 * dismissed (every tab drops it), toasts run out; the admin's templates per scenario. Alerts are
 * answered on their offer or transfer, whose close closes them.
 */
export function createNotificationService({ db, clock, bus }: { db: Db; clock: Clock; bus: EventBus }) {
  async function closeToast(who: StaffIdentity, id: string, answer: 'open' | 'dismiss') {
    const n = await store.getNotification(db, who.orgId, id);
    // Someone else's notification is as if it did not exist.
    if (!n || n.recipientId !== who.userId) throw notFound('notification');
    const refusal = answerRefusal(n, answer);
    if (refusal) throw conflict(refusal);
    const state = answer === 'open' ? 'opened' : 'dismissed';
    const closed = await transaction(db, (tx) => store.closeNotification(tx, who.orgId, id, state, clock.now()));
    if (!closed) throw conflict('this notification is no longer pending');
    bus.publish([{ kind: 'notification-closed', orgId: who.orgId, recipientId: who.userId, closed: { id, state } }]);
  }

  return {
    async listMine(who: StaffIdentity): Promise<NotificationList> {
      const rows = await store.pendingFor(db, who.orgId, who.userId);
      const now = clock.now();
      // A toast past its time is gone even before the sweep closes it.
      const live = rows.filter((r) => r.kind === 'alert' || r.expiresAt > now);
      return { notifications: live.map(store.toWire), serverTime: now.toISOString() };
    },

    open: (who: StaffIdentity, id: string) => closeToast(who, id, 'open'),
    dismiss: (who: StaffIdentity, id: string) => closeToast(who, id, 'dismiss'),

    /** Toasts whose display time is up: closed, and every tab of the agent told. */
    async expireDue(): Promise<number> {
      const rows = await store.expireToasts(db, clock.now());
      bus.publish(
        rows.map((r) => ({
          kind: 'notification-closed' as const,
          orgId: r.orgId,
          recipientId: r.recipientId,
          closed: { id: r.id, state: 'expired' as const },
        })),
      );
      return rows.length;
    },

    async listTemplates(orgId: string): Promise<NotificationTemplate[]> {
      const [applied, rows] = await Promise.all([store.loadTemplates(db, orgId), store.listTemplateRows(db, orgId)]);
      const saved = new Map(rows.map((r) => [r.scenario, r]));
      return NOTIFICATION_SCENARIOS.map((s) => templateView(s, applied.get(s)!, saved.get(s)));
    },

    async saveTemplate(
      orgId: string,
      scenario: NotificationScenario,
      input: NotificationTemplateInput,
    ): Promise<NotificationTemplate> {
      const refusal = templateRefusal(scenario, input);
      if (refusal) throw new DomainError('invalid', refusal);
      const row = await store.saveTemplate(db, orgId, scenario, input, clock.now());
      return templateView(scenario, { ...store.toInput(row), saved: true }, row);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
