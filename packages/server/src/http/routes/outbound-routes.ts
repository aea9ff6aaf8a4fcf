import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { AutomatedMessageSettings } from '../../services/automated-message-settings.js';
import type { OutboundService } from '../../services/outbound.js';
import { mount } from '../mount.js';

/** Templates (admins edit, staff read), outbound sends (any staff member) and automated messages (CH6). */
export function outboundRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; outbound: OutboundService; automated: AutomatedMessageSettings },
) {
  const { tokens, outbound, automated } = deps;
  mount(app, tokens, 'listTemplates', async ({ who }) => outbound.listTemplates(who.orgId));
  mount(app, tokens, 'createTemplate', async ({ who, body }) => outbound.createTemplate(who.orgId, body));
  mount(app, tokens, 'updateTemplate', async ({ who, params, body }) =>
    outbound.updateTemplate(who.orgId, params.id, body),
  );
  mount(app, tokens, 'deleteTemplate', async ({ who, params }) => {
    await outbound.deleteTemplate(who.orgId, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'listOutboundChannels', async ({ who }) => outbound.channels(who.orgId));
  mount(app, tokens, 'startOutbound', async ({ who, body }) => outbound.start(who, body));
  mount(app, tokens, 'getOutbound', async ({ who, params }) => outbound.view(who, params.id));
  mount(app, tokens, 'listAutomatedMessages', async ({ who }) => automated.list(who.orgId));
  mount(app, tokens, 'saveAutomatedMessage', async ({ who, params, body }) => automated.save(who.orgId, params, body));
}
