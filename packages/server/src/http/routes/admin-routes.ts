import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { Clock } from '../../domain/clock.js';
import type { AdminConfigService } from '../../services/admin-config.js';
import type { ChatWidgetService } from '../../services/chat-widgets.js';
import { mount } from '../mount.js';

/** The admin center's API (admins only: the route table says so and mount enforces it). */
export function adminRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; admin: AdminConfigService; widgets: ChatWidgetService; clock: Clock },
) {
  const { tokens, admin } = deps;
  const ok = { ok: true as const };

  mount(app, tokens, 'listSkills', async ({ who }) => [...(await admin.list(who.orgId, 'skills'))]);
  mount(app, tokens, 'createSkill', async ({ who, body }) => admin.create(who.orgId, 'skills', body));
  mount(app, tokens, 'updateSkill', async ({ who, params, body }) =>
    admin.update(who.orgId, 'skills', params.id, body),
  );
  mount(
    app,
    tokens,
    'deleteSkill',
    async ({ who, params }) => (await admin.remove(who.orgId, 'skills', params.id), ok),
  );

  mount(app, tokens, 'listCapacityProfiles', async ({ who }) => [...(await admin.list(who.orgId, 'capacityProfiles'))]);
  mount(app, tokens, 'createCapacityProfile', async ({ who, body }) =>
    admin.create(who.orgId, 'capacityProfiles', body),
  );
  mount(app, tokens, 'updateCapacityProfile', async ({ who, params, body }) =>
    admin.update(who.orgId, 'capacityProfiles', params.id, body),
  );
  mount(
    app,
    tokens,
    'deleteCapacityProfile',
    async ({ who, params }) => (await admin.remove(who.orgId, 'capacityProfiles', params.id), ok),
  );

  mount(app, tokens, 'listPresences', async ({ who }) => [...(await admin.list(who.orgId, 'presences'))]);
  mount(app, tokens, 'createPresence', async ({ who, body }) => admin.create(who.orgId, 'presences', body));
  mount(app, tokens, 'updatePresence', async ({ who, params, body }) =>
    admin.update(who.orgId, 'presences', params.id, body),
  );
  mount(
    app,
    tokens,
    'deletePresence',
    async ({ who, params }) => (await admin.remove(who.orgId, 'presences', params.id), ok),
  );

  mount(app, tokens, 'listOperatingHours', async ({ who }) => [...(await admin.list(who.orgId, 'operatingHours'))]);
  mount(app, tokens, 'createOperatingHours', async ({ who, body }) => admin.create(who.orgId, 'operatingHours', body));
  mount(app, tokens, 'updateOperatingHours', async ({ who, params, body }) =>
    admin.update(who.orgId, 'operatingHours', params.id, body),
  );
  mount(
    app,
    tokens,
    'deleteOperatingHours',
    async ({ who, params }) => (await admin.remove(who.orgId, 'operatingHours', params.id), ok),
  );

  mount(app, tokens, 'listQueueConfigs', async ({ who }) => [...(await admin.list(who.orgId, 'queues'))]);
  mount(app, tokens, 'createQueue', async ({ who, body }) => admin.create(who.orgId, 'queues', body));
  mount(app, tokens, 'updateQueue', async ({ who, params, body }) =>
    admin.update(who.orgId, 'queues', params.id, body),
  );
  mount(
    app,
    tokens,
    'deleteQueue',
    async ({ who, params }) => (await admin.remove(who.orgId, 'queues', params.id), ok),
  );

  mount(app, tokens, 'listWorkstreams', async ({ who }) => [...(await admin.list(who.orgId, 'workstreams'))]);
  mount(app, tokens, 'createWorkstream', async ({ who, body }) => admin.create(who.orgId, 'workstreams', body));
  mount(app, tokens, 'updateWorkstream', async ({ who, params, body }) =>
    admin.update(who.orgId, 'workstreams', params.id, body),
  );
  mount(
    app,
    tokens,
    'deleteWorkstream',
    async ({ who, params }) => (await admin.remove(who.orgId, 'workstreams', params.id), ok),
  );

  mount(app, tokens, 'listChatWidgets', async ({ who }) => deps.widgets.list(who.orgId));
  mount(app, tokens, 'createChatWidget', async ({ who, body }) => deps.widgets.create(who.orgId, body));
  mount(app, tokens, 'updateChatWidget', async ({ who, params, body }) =>
    deps.widgets.update(who.orgId, params.widgetId, body),
  );
  mount(
    app,
    tokens,
    'deleteChatWidget',
    async ({ who, params }) => (await deps.widgets.remove(who.orgId, params.widgetId), ok),
  );

  mount(app, tokens, 'listAgents', async ({ who }) => admin.agents(who.orgId));
  mount(app, tokens, 'updateAgentRouting', async ({ who, params, body }) =>
    admin.setAgentRouting(who.orgId, params.id, body),
  );
  mount(app, tokens, 'getRoutingSettings', async ({ who }) => admin.settings(who.orgId));
  mount(app, tokens, 'updateRoutingSettings', async ({ who, body }) => admin.saveSettings(who.orgId, body));
  mount(app, tokens, 'exportConfig', async ({ who }) => admin.exportConfig(who.orgId, deps.clock.now()));
  mount(app, tokens, 'importConfig', async ({ who, body }) => ({
    ok: true as const,
    counts: await admin.importConfig(who.orgId, body),
  }));
}
