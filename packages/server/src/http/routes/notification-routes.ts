import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { NotificationService } from '../../services/notifications.js';
import { mount } from '../mount.js';

/** Notifications (AG2): mine, a toast opened or dismissed; the admin's templates per scenario. */
export function notificationRoutes(
  app: FastifyInstance,
  { tokens, notifications }: { tokens: TokenIssuer; notifications: NotificationService },
) {
  mount(app, tokens, 'listNotifications', async ({ who }) => notifications.listMine(who));
  mount(app, tokens, 'openNotification', async ({ who, params }) => {
    await notifications.open(who, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'dismissNotification', async ({ who, params }) => {
    await notifications.dismiss(who, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'listNotificationTemplates', async ({ who }) => notifications.listTemplates(who.orgId));
  mount(app, tokens, 'saveNotificationTemplate', async ({ who, params, body }) =>
    notifications.saveTemplate(who.orgId, params.scenario, body),
  );
}
