import { z } from 'zod';
import { VisitorCallback } from './callbacks.js';
import { ConversationState, Id } from './common.js';
import { ContextVariables, PrechatAnswers } from './conversations.js';
import { ConversationEvent } from './events.js';
import { JourneyActionInput, MAX_JOURNEY_ACTIONS } from './journey.js';
import { PrechatQuestion, WidgetAppearance, WidgetAvailability } from './widget-settings.js';
import { SiteToken } from './widget-auth.js';

export const WidgetId = z.string().regex(/^[a-z0-9-]{3,64}$/, 'widget id is 3-64 lowercase letters, digits or dashes');

export const WidgetConfig = z.object({
  widgetId: WidgetId,
  orgName: z.string(),
  title: z.string(),
  /** Server's realtime endpoint path, for the widget's socket. */
  socketPath: z.string(),
  // CH1 widget settings (widget-settings.ts): optional, so a config from an older server still parses.
  appearance: WidgetAppearance.optional(),
  prechatQuestions: z.array(PrechatQuestion).optional(),
  postChatSurvey: z.boolean().optional(),
  availability: WidgetAvailability.optional(),
  /** CH1: the chat starts only with the site's sign-in token (widget-auth.ts). */
  signInRequired: z.boolean().optional(),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export const StartChatRequest = z.strictObject({
  prechat: PrechatAnswers,
  context: ContextVariables.default({}),
  locale: z.enum(['en', 'nl', 'fr']).default('en'),
  /** CH1: what the host page tracked before the chat started (docs/widget-api.md). */
  journey: z.array(JourneyActionInput).max(MAX_JOURNEY_ACTIONS, `at most ${MAX_JOURNEY_ACTIONS} actions`).optional(),
  /** CH1, CH5: the site's JWT from `Switchboard.setAuthTokenProvider`, when the widget requires sign-in. */
  authToken: SiteToken.optional(),
});
export type StartChatRequest = z.input<typeof StartChatRequest>;

export const VisitorConversation = z.object({
  id: Id,
  state: ConversationState,
  agentName: z.string().nullable(),
  /** Highest customer-audience event sequence number. */
  lastSeq: z.number().int(),
  events: z.array(ConversationEvent),
  /** Set when the queue's overflow offered a callback instead of an agent (AG11). */
  callback: VisitorCallback.nullable(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** The token only opens this one conversation. */
export const StartChatResponse = z.object({ token: z.string(), conversation: VisitorConversation });
export type StartChatResponse = z.infer<typeof StartChatResponse>;
