import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ConversationService } from '../../services/conversations.js';
import type { WidgetSettingsService } from '../../services/widget-settings.js';
import { mount } from '../mount.js';

/** CH1 widget settings: the admin's editor, the visitor's left message, post-chat survey and transcript. */
export function widgetSettingsRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; settings: WidgetSettingsService; conversations: ConversationService },
) {
  const { tokens, settings, conversations } = deps;

  mount(app, tokens, 'getWidgetSettings', async ({ who, params }) => settings.read(who.orgId, params.widgetId));
  mount(app, tokens, 'updateWidgetSettings', async ({ who, params, body }) =>
    settings.update(who.orgId, params.widgetId, body),
  );

  mount(app, tokens, 'leaveOfflineMessage', async ({ params, body }) => {
    const prechat = { name: body.name, email: body.email, question: body.message };
    const { orgId, view } = await conversations.startChat(
      params.widgetId,
      { prechat, context: {}, locale: body.locale },
      { offline: true },
    );
    // The same visitor token as a chat: the customer comes back to it in this browser for the answer.
    const token = await tokens.visitor({ conversationId: view.id, orgId, name: body.name, widgetId: params.widgetId });
    return { token, conversation: view };
  });

  mount(app, tokens, 'visitorSurvey', async ({ who, body }) => settings.submitSurvey(who, body));

  mount(app, tokens, 'visitorTranscript', async ({ who, reply }) => {
    const { fileName, text } = await settings.transcript(who, 'Chat transcript');
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(text);
  });
}
