import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import { notFound } from '../../domain/errors.js';
import type { CallbackService } from '../../services/callbacks.js';
import type { ConversationService } from '../../services/conversations.js';
import type { JourneyService } from '../../services/journey.js';
import type { Db } from '../../store/db.js';
import { getWidget } from '../../store/widgets.js';
import { publicWidgetSettings } from '../../services/widget-settings.js';
import { mount } from '../mount.js';

export function widgetRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    tokens: TokenIssuer;
    conversations: ConversationService;
    callbacks: CallbackService;
    journey: JourneyService;
  },
) {
  const { tokens, conversations, callbacks } = deps;

  mount(app, tokens, 'widgetConfig', async ({ params }) => {
    const w = await getWidget(deps.db, params.widgetId);
    if (!w) throw notFound('widget');
    const settings = await publicWidgetSettings(deps.db, w.widget, new Date());
    const base = { widgetId: w.widget.id, orgName: w.orgName, title: w.widget.title, socketPath: '/socket.io' };
    // CH1: the widget asks the host page for the site's token before it starts a chat.
    return { ...base, ...settings, signInRequired: w.widget.siteAuth !== null };
  });

  mount(app, tokens, 'startChat', async ({ params, body, req }) => {
    // CH1: the journey tracked before the chat is checked first, so a bad one starts nothing.
    const journey = deps.journey.checkAtStart(body.journey);
    const { orgId, view } = await conversations.startChat(params.widgetId, body);
    const visitor = { userAgent: req.headers['user-agent'], ip: req.ip, locale: body.locale };
    await deps.journey.afterStart(orgId, view.id, journey, visitor);
    const token = await tokens.visitor({
      conversationId: view.id,
      orgId,
      name: body.prechat.name,
      widgetId: params.widgetId,
    });
    return { token, conversation: view };
  });

  mount(app, tokens, 'visitorConversation', async ({ who }) => conversations.visitorView(who));
  mount(app, tokens, 'visitorEvents', async ({ who, query }) => ({
    events: await conversations.visitorEvents(who, query.after),
  }));
  mount(app, tokens, 'visitorSend', async ({ who, body }) =>
    conversations.sendCustomerMessage(who, body.clientMessageId, body.text, body.attachmentIds),
  );
  mount(app, tokens, 'visitorEnd', async ({ who }) => (await conversations.customerEnd(who), { ok: true as const }));
  mount(app, tokens, 'visitorCallback', async ({ who, body }) => callbacks.request(who, body));
}
