import { z } from 'zod';
import { Id, Role } from './common.js';
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
import {
  AgentSummary,
  ChatWidget,
  ConfigExport,
  ImportResult,
  NewCapacityProfile,
  NewChatWidget,
  NewCustomPresence,
  NewOperatingHours,
  NewQueue,
  NewSkill,
  NewWorkstream,
} from './admin-api.js';
import {
  AgentRouting,
  CapacityProfile,
  CustomPresence,
  OperatingHours,
  QueueConfig,
  RoutingSettings,
  Skill,
  Workstream,
} from './routing-config.js';
import { RoutingTrace } from './routing-trace.js';
import { PageQuery } from './conversations.js';
import {
  ChannelInput,
  ChannelView,
  OutboxEntry,
  OutboxQuery,
  ValidateKeyRequest,
  ValidateKeyResult,
} from './channels.js';
import { AutomatedMessage, AutomatedMessageInput, AutomatedMessageKey } from './automated-messages.js';
import { MessageTemplate, NewMessageTemplate, NewOutboundJob, OutboundChannel, OutboundJob } from './outbound.js';
import { NewQuickReply, QuickReply } from './quick-replies.js';
import { StartChatRequest, StartChatResponse, VisitorConversation, WidgetConfig, WidgetId } from './widget.js';

const IdParams = z.object({ id: Id });
const WidgetParams = z.object({ widgetId: WidgetId });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

type RouteDef = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Who may call it: staff roles, a widget visitor token, or anyone. */
  auth: 'staff' | 'visitor' | 'public';
  /** Staff roles allowed; absent = every staff role. */
  roles?: readonly Role[];
  /** Body size limit when the server's default (64 KB) is too small. */
  maxBodyBytes?: number;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  summary: string;
};

const route = <const R extends RouteDef>(r: R) => r;
const ADMIN = ['admin'] as const;
const OVERSIGHT = ['supervisor', 'admin'] as const;
const admin = <const R extends Omit<RouteDef, 'auth' | 'roles'>>(r: R) => ({
  ...r,
  auth: 'staff' as const,
  roles: ADMIN,
});
const list = <T extends z.ZodType>(item: T) => z.array(item);

/**
 * Every REST command and query of the API, with its schemas. The server registers these
 * (validation and OpenAPI) and the clients call them through `createApiClient`.
 */
export const routes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    auth: 'public',
    body: LoginRequest,
    response: LoginResponse,
    summary: 'Sign in with email and password',
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    auth: 'staff',
    body: Empty,
    response: Ok,
    summary: "Sign out: this session's token is refused from the next request on",
  }),
  me: route({ method: 'GET', path: '/api/me', auth: 'staff', response: StaffUser, summary: 'The signed-in user' }),
  setPresence: route({
    method: 'PUT',
    path: '/api/me/presence',
    auth: 'staff',
    body: SetPresenceRequest,
    response: StaffUser,
    summary: 'Set my presence',
  }),
  presenceOptions: route({
    method: 'GET',
    path: '/api/presences',
    auth: 'staff',
    response: z.object({ presences: z.array(CustomPresence) }),
    summary: "The organisation's custom presences an agent may pick",
  }),
  listQueues: route({
    method: 'GET',
    path: '/api/queues',
    auth: 'staff',
    response: QueueList,
    summary: 'Queues of my organisation',
  }),
  listConversations: route({
    method: 'GET',
    path: '/api/conversations',
    auth: 'staff',
    query: ConversationListQuery,
    response: ConversationList,
    summary: 'My ongoing or closed conversations (all of the organisation for supervisors and admins)',
  }),
  getConversation: route({
    method: 'GET',
    path: '/api/conversations/:id',
    auth: 'staff',
    params: IdParams,
    response: ConversationDetail,
    summary: 'A conversation with its full history',
  }),
  listEvents: route({
    method: 'GET',
    path: '/api/conversations/:id/events',
    auth: 'staff',
    params: IdParams,
    query: EventsQuery,
    response: EventList,
    summary: 'Events after a sequence number',
  }),
  sendMessage: route({
    method: 'POST',
    path: '/api/conversations/:id/messages',
    auth: 'staff',
    params: IdParams,
    body: SendAgentMessageRequest,
    response: ConversationEvent,
    summary: 'Send a message to the customer, or an internal note',
  }),
  endConversation: route({
    method: 'POST',
    path: '/api/conversations/:id/end',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'End the conversation: it moves to wrap-up',
  }),
  parkConversation: route({
    method: 'POST',
    path: '/api/conversations/:id/park',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Let an SMS conversation wait: no capacity held until it is resumed or the customer writes',
  }),
  resumeConversation: route({
    method: 'POST',
    path: '/api/conversations/:id/resume',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Take a waiting conversation up again',
  }),
  closeConversation: route({
    method: 'POST',
    path: '/api/conversations/:id/close',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Close a conversation in wrap-up',
  }),
  listOffers: route({
    method: 'GET',
    path: '/api/offers',
    auth: 'staff',
    response: OfferList,
    summary: 'My pending offers',
  }),
  acceptOffer: route({
    method: 'POST',
    path: '/api/offers/:id/accept',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Accept an offered conversation',
  }),
  rejectOffer: route({
    method: 'POST',
    path: '/api/offers/:id/reject',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Reject an offered conversation: it goes to another agent',
  }),
  widgetConfig: route({
    method: 'GET',
    path: '/api/widget/:widgetId/config',
    auth: 'public',
    params: WidgetParams,
    response: WidgetConfig,
    summary: 'Public settings of a chat widget',
  }),
  startChat: route({
    method: 'POST',
    path: '/api/widget/:widgetId/conversations',
    auth: 'public',
    params: WidgetParams,
    body: StartChatRequest,
    response: StartChatResponse,
    summary: 'Start a chat after the pre-chat survey',
  }),
  visitorConversation: route({
    method: 'GET',
    path: '/api/widget/conversations/:id',
    auth: 'visitor',
    params: IdParams,
    response: VisitorConversation,
    summary: "The visitor's conversation with its history",
  }),
  visitorEvents: route({
    method: 'GET',
    path: '/api/widget/conversations/:id/events',
    auth: 'visitor',
    params: IdParams,
    query: EventsQuery,
    response: EventList,
    summary: 'Customer-visible events after a sequence number',
  }),
  visitorSend: route({
    method: 'POST',
    path: '/api/widget/conversations/:id/messages',
    auth: 'visitor',
    params: IdParams,
    body: SendMessageRequest,
    response: ConversationEvent,
    summary: 'Send a customer message',
  }),
  visitorEnd: route({
    method: 'POST',
    path: '/api/widget/conversations/:id/end',
    auth: 'visitor',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'The customer ends the chat',
  }),

  // Routing configuration (admin center, AD2/AD3, RT1-RT6).
  listSkills: admin({ method: 'GET', path: '/api/admin/skills', response: list(Skill), summary: 'Skills' }),
  createSkill: admin({
    method: 'POST',
    path: '/api/admin/skills',
    body: NewSkill,
    response: Skill,
    summary: 'Create a skill',
  }),
  updateSkill: admin({
    method: 'PUT',
    path: '/api/admin/skills/:id',
    params: IdParams,
    body: NewSkill,
    response: Skill,
    summary: 'Change a skill',
  }),
  deleteSkill: admin({
    method: 'DELETE',
    path: '/api/admin/skills/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete an unused skill',
  }),
  listCapacityProfiles: admin({
    method: 'GET',
    path: '/api/admin/capacity-profiles',
    response: list(CapacityProfile),
    summary: 'Capacity profiles',
  }),
  createCapacityProfile: admin({
    method: 'POST',
    path: '/api/admin/capacity-profiles',
    body: NewCapacityProfile,
    response: CapacityProfile,
    summary: 'Create a capacity profile',
  }),
  updateCapacityProfile: admin({
    method: 'PUT',
    path: '/api/admin/capacity-profiles/:id',
    params: IdParams,
    body: NewCapacityProfile,
    response: CapacityProfile,
    summary: 'Change a capacity profile',
  }),
  deleteCapacityProfile: admin({
    method: 'DELETE',
    path: '/api/admin/capacity-profiles/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete an unused capacity profile',
  }),
  listPresences: admin({
    method: 'GET',
    path: '/api/admin/presences',
    response: list(CustomPresence),
    summary: 'Custom presences',
  }),
  createPresence: admin({
    method: 'POST',
    path: '/api/admin/presences',
    body: NewCustomPresence,
    response: CustomPresence,
    summary: 'Create a custom presence',
  }),
  updatePresence: admin({
    method: 'PUT',
    path: '/api/admin/presences/:id',
    params: IdParams,
    body: NewCustomPresence,
    response: CustomPresence,
    summary: 'Change a custom presence',
  }),
  deletePresence: admin({
    method: 'DELETE',
    path: '/api/admin/presences/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete a custom presence',
  }),
  listOperatingHours: admin({
    method: 'GET',
    path: '/api/admin/operating-hours',
    response: list(OperatingHours),
    summary: 'Operating hours',
  }),
  createOperatingHours: admin({
    method: 'POST',
    path: '/api/admin/operating-hours',
    body: NewOperatingHours,
    response: OperatingHours,
    summary: 'Create operating hours',
  }),
  updateOperatingHours: admin({
    method: 'PUT',
    path: '/api/admin/operating-hours/:id',
    params: IdParams,
    body: NewOperatingHours,
    response: OperatingHours,
    summary: 'Change operating hours',
  }),
  deleteOperatingHours: admin({
    method: 'DELETE',
    path: '/api/admin/operating-hours/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete unused operating hours',
  }),
  listQueueConfigs: admin({
    method: 'GET',
    path: '/api/admin/queues',
    response: list(QueueConfig),
    summary: 'Queues with members, hours, overflow and assignment method',
  }),
  createQueue: admin({
    method: 'POST',
    path: '/api/admin/queues',
    body: NewQueue,
    response: QueueConfig,
    summary: 'Create a queue',
  }),
  updateQueue: admin({
    method: 'PUT',
    path: '/api/admin/queues/:id',
    params: IdParams,
    body: NewQueue,
    response: QueueConfig,
    summary: 'Change a queue',
  }),
  deleteQueue: admin({
    method: 'DELETE',
    path: '/api/admin/queues/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete a queue nothing refers to',
  }),
  listWorkstreams: admin({
    method: 'GET',
    path: '/api/admin/workstreams',
    response: list(Workstream),
    summary: 'Workstreams with their rules',
  }),
  createWorkstream: admin({
    method: 'POST',
    path: '/api/admin/workstreams',
    body: NewWorkstream,
    response: Workstream,
    summary: 'Create a workstream',
  }),
  updateWorkstream: admin({
    method: 'PUT',
    path: '/api/admin/workstreams/:id',
    params: IdParams,
    body: NewWorkstream,
    response: Workstream,
    summary: 'Change a workstream',
  }),
  deleteWorkstream: admin({
    method: 'DELETE',
    path: '/api/admin/workstreams/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete a workstream without conversations or widgets',
  }),
  listChatWidgets: admin({
    method: 'GET',
    path: '/api/admin/widgets',
    response: list(ChatWidget),
    summary: 'Chat widgets and the workstream each one routes to',
  }),
  createChatWidget: admin({
    method: 'POST',
    path: '/api/admin/widgets',
    body: NewChatWidget,
    response: ChatWidget,
    summary: 'Create a chat widget (its id is generated)',
  }),
  deleteChatWidget: admin({
    method: 'DELETE',
    path: '/api/admin/widgets/:widgetId',
    params: WidgetParams,
    response: Ok,
    summary: 'Delete a chat widget: its embed tag stops working',
  }),
  updateChatWidget: admin({
    method: 'PUT',
    path: '/api/admin/widgets/:widgetId',
    params: WidgetParams,
    body: NewChatWidget,
    response: ChatWidget,
    summary: "Change a chat widget's title or workstream",
  }),
  listChannels: admin({
    method: 'GET',
    path: '/api/admin/channels',
    response: list(ChannelView),
    summary: 'SMS channels: provider, numbers, workstream, webhook URL (secrets shown as set or not)',
  }),
  createChannel: admin({
    method: 'POST',
    path: '/api/admin/channels',
    body: ChannelInput,
    response: ChannelView,
    summary: "Add a channel; its credentials are checked with the provider's rules and sealed at rest",
  }),
  updateChannel: admin({
    method: 'PUT',
    path: '/api/admin/channels/:id',
    params: IdParams,
    body: ChannelInput,
    response: ChannelView,
    summary: 'Change a channel; a secret left out keeps its stored value',
  }),
  deleteChannel: admin({
    method: 'DELETE',
    path: '/api/admin/channels/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete a channel that has no conversations',
  }),
  validateChannelKey: admin({
    method: 'POST',
    path: '/api/admin/channels/:id/validate-key',
    params: IdParams,
    body: ValidateKeyRequest,
    response: ValidateKeyResult,
    summary: "TeleSign's Validate API key: send a test SMS and report the provider's answer",
  }),
  listOutbox: admin({
    method: 'GET',
    path: '/api/admin/outbox',
    query: OutboxQuery,
    response: list(OutboxEntry),
    summary: 'Replies that failed for good (dead) or are still being retried, newest first',
  }),
  retryOutbox: admin({
    method: 'POST',
    path: '/api/admin/outbox/:id/retry',
    params: IdParams,
    body: Empty,
    response: OutboxEntry,
    summary: 'Send a dead reply again',
  }),
  listTemplates: route({
    method: 'GET',
    path: '/api/templates',
    auth: 'staff',
    response: list(MessageTemplate),
    summary: 'Message templates (CH6), for everyone who sends; admins edit them',
  }),
  createTemplate: admin({
    method: 'POST',
    path: '/api/admin/templates',
    body: NewMessageTemplate,
    response: MessageTemplate,
    summary: 'Add a message template; placeholders: {customerName}, {agentName}, {orgName}, {channelNumber}',
  }),
  updateTemplate: admin({
    method: 'PUT',
    path: '/api/admin/templates/:id',
    params: IdParams,
    body: NewMessageTemplate,
    response: MessageTemplate,
    summary: 'Change a message template',
  }),
  deleteTemplate: admin({
    method: 'DELETE',
    path: '/api/admin/templates/:id',
    params: IdParams,
    response: Ok,
    summary: 'Delete a message template',
  }),
  listAutomatedMessages: admin({
    method: 'GET',
    path: '/api/admin/automated-messages',
    response: list(AutomatedMessage),
    summary: 'What Switchboard tells customers on system events (CH6), for every channel and event',
  }),
  saveAutomatedMessage: admin({
    method: 'PUT',
    path: '/api/admin/automated-messages/:channel/:trigger',
    params: AutomatedMessageKey,
    body: AutomatedMessageInput,
    response: AutomatedMessage,
    summary: 'Turn an automated message on or off and write its text per language; placeholders as templates',
  }),
  startOutbound: route({
    method: 'POST',
    path: '/api/outbound',
    auth: 'staff',
    maxBodyBytes: 512 * 1024,
    body: NewOutboundJob,
    response: OutboundJob,
    summary:
      'Send a template to one customer or many over an SMS channel; the answer is the job, sent in the background',
  }),
  listOutboundChannels: route({
    method: 'GET',
    path: '/api/outbound/channels',
    auth: 'staff',
    response: z.array(OutboundChannel),
    summary: 'SMS channels one may send from',
  }),
  getOutbound: route({
    method: 'GET',
    path: '/api/outbound/:id',
    auth: 'staff',
    params: IdParams,
    response: OutboundJob,
    summary: 'How far an outbound send has got, with every recipient',
  }),
  listAgents: admin({
    method: 'GET',
    path: '/api/admin/agents',
    response: list(AgentSummary),
    summary: 'Staff with their queues, skills and capacity',
  }),
  updateAgentRouting: admin({
    method: 'PUT',
    path: '/api/admin/agents/:id/routing',
    params: IdParams,
    body: AgentRouting.omit({ userId: true }),
    response: AgentSummary,
    summary: "Set an agent's queues, skills and capacity",
  }),
  getRoutingSettings: admin({
    method: 'GET',
    path: '/api/admin/settings',
    response: RoutingSettings,
    summary: 'Default presence and idle time',
  }),
  updateRoutingSettings: admin({
    method: 'PUT',
    path: '/api/admin/settings',
    body: RoutingSettings,
    response: RoutingSettings,
    summary: 'Change default presence and idle time',
  }),
  exportConfig: admin({
    method: 'GET',
    path: '/api/admin/config',
    response: ConfigExport,
    summary: 'The whole routing configuration as one file',
  }),
  importConfig: admin({
    method: 'PUT',
    path: '/api/admin/config',
    maxBodyBytes: 10_000_000,
    body: ConfigExport,
    response: ImportResult,
    summary: 'Replace the routing configuration; rejected whole, with every problem listed, when invalid',
  }),

  // Routing trace (RT5) and pick mode.
  getRoutingTrace: route({
    method: 'GET',
    path: '/api/conversations/:id/trace',
    auth: 'staff',
    roles: OVERSIGHT,
    params: IdParams,
    response: RoutingTrace,
    summary: 'Every routing decision taken for a conversation, with its reasons',
  }),
  listPickable: route({
    method: 'GET',
    path: '/api/pick',
    auth: 'staff',
    query: PageQuery,
    response: ConversationList,
    summary: 'Open items of my queues that I may pick (pick workstreams), a page at a time',
  }),
  pickConversation: route({
    method: 'POST',
    path: '/api/conversations/:id/pick',
    auth: 'staff',
    params: IdParams,
    body: Empty,
    response: Ok,
    summary: 'Take an open item: the same conditional write as push assignment',
  }),

  // Quick replies (AG4): the organisation's (admins edit them) and each staff member's own.
  listQuickReplies: route({
    method: 'GET',
    path: '/api/quick-replies',
    auth: 'staff',
    response: list(QuickReply),
    summary: "The organisation's quick replies and my own, by title",
  }),
  createQuickReply: route({
    method: 'POST',
    path: '/api/quick-replies',
    auth: 'staff',
    body: NewQuickReply,
    response: QuickReply,
    summary: 'Add a quick reply of my own; placeholders: {customerName}, {agentName}, {queue}',
  }),
  updateQuickReply: route({
    method: 'PUT',
    path: '/api/quick-replies/:id',
    auth: 'staff',
    params: IdParams,
    body: NewQuickReply,
    response: QuickReply,
    summary: 'Change a quick reply of my own',
  }),
  deleteQuickReply: route({
    method: 'DELETE',
    path: '/api/quick-replies/:id',
    auth: 'staff',
    params: IdParams,
    response: Ok,
    summary: 'Delete a quick reply of my own',
  }),
  createOrgQuickReply: admin({
    method: 'POST',
    path: '/api/admin/quick-replies',
    body: NewQuickReply,
    response: QuickReply,
    summary: 'Add a quick reply for the whole organisation; placeholders: {customerName}, {agentName}, {queue}',
  }),
  updateOrgQuickReply: admin({
    method: 'PUT',
    path: '/api/admin/quick-replies/:id',
    params: IdParams,
    body: NewQuickReply,
    response: QuickReply,
    summary: "Change one of the organisation's quick replies",
  }),
  deleteOrgQuickReply: admin({
    method: 'DELETE',
    path: '/api/admin/quick-replies/:id',
    params: IdParams,
    response: Ok,
    summary: "Delete one of the organisation's quick replies",
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
