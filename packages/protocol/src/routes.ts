import { z } from 'zod';
import { Id } from './common.js';
import { LoginRequest, LoginResponse, SetPresenceRequest, StaffUser } from './auth.js';
import { SendAgentMessageRequest, SendMessageRequest } from './messages.js';
import {
  ConversationDetail,
  ConversationList,
  ConversationListQuery,
  EventList,
  EventsQuery,
  OfferList,
  QueueList,
} from './conversations.js';
import { ConversationEvent } from './events.js';
import { StartChatRequest, StartChatResponse, VisitorConversation, WidgetConfig, WidgetId } from './widget.js';

const IdParams = z.object({ id: Id });
const WidgetParams = z.object({ widgetId: WidgetId });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

type RouteDef = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Who may call it: staff roles, a widget visitor token, or anyone. */
  auth: 'staff' | 'visitor' | 'public';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  summary: string;
};

const route = <const R extends RouteDef>(r: R) => r;

/**
 * Every REST command and query of the API, with its schemas. The server registers these
 * (validation and OpenAPI) and the clients call them through `createApiClient`.
 */
export const routes = {
  login: route({ method: 'POST', path: '/api/auth/login', auth: 'public', body: LoginRequest, response: LoginResponse, summary: 'Sign in with email and password' }),
  me: route({ method: 'GET', path: '/api/me', auth: 'staff', response: StaffUser, summary: 'The signed-in user' }),
  setPresence: route({ method: 'PUT', path: '/api/me/presence', auth: 'staff', body: SetPresenceRequest, response: StaffUser, summary: 'Set my presence' }),
  listQueues: route({ method: 'GET', path: '/api/queues', auth: 'staff', response: QueueList, summary: 'Queues of my organisation' }),
  listConversations: route({ method: 'GET', path: '/api/conversations', auth: 'staff', query: ConversationListQuery, response: ConversationList, summary: 'My ongoing or closed conversations (all of the organisation for supervisors and admins)' }),
  getConversation: route({ method: 'GET', path: '/api/conversations/:id', auth: 'staff', params: IdParams, response: ConversationDetail, summary: 'A conversation with its full history' }),
  listEvents: route({ method: 'GET', path: '/api/conversations/:id/events', auth: 'staff', params: IdParams, query: EventsQuery, response: EventList, summary: 'Events after a sequence number' }),
  sendMessage: route({ method: 'POST', path: '/api/conversations/:id/messages', auth: 'staff', params: IdParams, body: SendAgentMessageRequest, response: ConversationEvent, summary: 'Send a message to the customer, or an internal note' }),
  endConversation: route({ method: 'POST', path: '/api/conversations/:id/end', auth: 'staff', params: IdParams, body: Empty, response: Ok, summary: 'End the conversation: it moves to wrap-up' }),
  closeConversation: route({ method: 'POST', path: '/api/conversations/:id/close', auth: 'staff', params: IdParams, body: Empty, response: Ok, summary: 'Close a conversation in wrap-up' }),
  listOffers: route({ method: 'GET', path: '/api/offers', auth: 'staff', response: OfferList, summary: 'My pending offers' }),
  acceptOffer: route({ method: 'POST', path: '/api/offers/:id/accept', auth: 'staff', params: IdParams, body: Empty, response: Ok, summary: 'Accept an offered conversation' }),
  rejectOffer: route({ method: 'POST', path: '/api/offers/:id/reject', auth: 'staff', params: IdParams, body: Empty, response: Ok, summary: 'Reject an offered conversation: it goes to another agent' }),
  widgetConfig: route({ method: 'GET', path: '/api/widget/:widgetId/config', auth: 'public', params: WidgetParams, response: WidgetConfig, summary: 'Public settings of a chat widget' }),
  startChat: route({ method: 'POST', path: '/api/widget/:widgetId/conversations', auth: 'public', params: WidgetParams, body: StartChatRequest, response: StartChatResponse, summary: 'Start a chat after the pre-chat survey' }),
  visitorConversation: route({ method: 'GET', path: '/api/widget/conversations/:id', auth: 'visitor', params: IdParams, response: VisitorConversation, summary: "The visitor's conversation with its history" }),
  visitorEvents: route({ method: 'GET', path: '/api/widget/conversations/:id/events', auth: 'visitor', params: IdParams, query: EventsQuery, response: EventList, summary: 'Customer-visible events after a sequence number' }),
  visitorSend: route({ method: 'POST', path: '/api/widget/conversations/:id/messages', auth: 'visitor', params: IdParams, body: SendMessageRequest, response: ConversationEvent, summary: 'Send a customer message' }),
  visitorEnd: route({ method: 'POST', path: '/api/widget/conversations/:id/end', auth: 'visitor', params: IdParams, body: Empty, response: Ok, summary: 'The customer ends the chat' }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
