import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { WidgetAuthService } from '../../services/widget-auth.js';
import { mount } from '../mount.js';

/** The admin's sign-in settings of a chat widget (CH1, CH5: authenticated chat). */
export function widgetAuthRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; widgetAuth: WidgetAuthService }) {
  const { tokens, widgetAuth } = deps;
  mount(app, tokens, 'getWidgetAuth', async ({ who, params }) => widgetAuth.get(who.orgId, params.widgetId));
  mount(app, tokens, 'updateWidgetAuth', async ({ who, params, body }) =>
    widgetAuth.update(who.orgId, params.widgetId, body),
  );
}
