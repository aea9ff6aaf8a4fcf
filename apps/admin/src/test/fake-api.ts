import {
  routes,
  defaultWidgetSettings,
  type AttachmentSettings,
  type SupervisorSwitches,
  type NewStaffAccount,
  type StaffAccount,
  type StaffAccountChange,
  type AgentSummary,
  type CapacityProfile,
  type ChatWidget,
  type CustomPresence,
  type OperatingHours,
  type QueueConfig,
  type RouteName,
  type RoutingSettings,
  type RoutingTrace,
  type Skill,
  type StaffUser,
  type Workstream,
} from '@switchboard/protocol';
import { handleChannels, type ChannelState } from './fake-channels';
import { automatedMessagesOff, handleTemplates, type TemplateState } from './fake-templates';
import { handleQuickReplies, type QuickReplyState } from './fake-quick-replies';
import { handleDispositionCodes, type DispositionCodeState } from './fake-disposition-codes';
import { handleApiClients, type ApiClientState } from './fake-api-clients';
import { handleWidgetAuth } from './fake-widget-auth';
import {
  builtInNotificationTemplates,
  handleNotificationTemplates,
  type NotificationTemplateState,
} from './fake-notification-templates';

/** Ids that pass `z.uuid()` (version 4, variant 8). */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ORG = uuid(900);
export const SALES = uuid(1);
export const SUPPORT = uuid(2);
export const ALICE = uuid(11);
export const BOB = uuid(12);
export const ADA = uuid(15);
export const WEBSITE = uuid(21);

export function staffUser(role: StaffUser['role'], overrides: Partial<StaffUser> = {}): StaffUser {
  return {
    id: role === 'admin' ? ADA : ALICE,
    orgId: ORG,
    orgName: 'Contoso',
    email: role === 'admin' ? 'ada@contoso.example' : 'alice@contoso.example',
    name: role === 'admin' ? 'Ada Admin' : 'Alice Martin',
    role,
    presence: 'available',
    capacity: 3,
    usedCapacity: 0,
    ...overrides,
  };
}

type State = {
  skills: Skill[];
  capacityProfiles: CapacityProfile[];
  presences: CustomPresence[];
  operatingHours: OperatingHours[];
  queues: QueueConfig[];
  workstreams: Workstream[];
  widgets: ChatWidget[];
  agents: AgentSummary[];
  settings: RoutingSettings;
  attachmentSettings: AttachmentSettings;
  supervisorSwitches: SupervisorSwitches;
  sentiment: { enabled: boolean; threshold: 'none' | 'slightly-negative' | 'negative' | 'very-negative' };
  users: StaffAccount[];
  traces: Record<string, RoutingTrace>;
} & ChannelState &
  TemplateState &
  QuickReplyState &
  DispositionCodeState &
  ApiClientState &
  NotificationTemplateState;

const account = (id: string, name: string, email: string, role: StaffAccount['role']): StaffAccount => ({
  id,
  name,
  email,
  role,
  disabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
});

function demoState(): State {
  const agent = (
    id: string,
    name: string,
    email: string,
    role: AgentSummary['role'],
    queueIds: string[],
  ): AgentSummary => ({
    id,
    name,
    email,
    role,
    presence: 'offline',
    routing: { userId: id, capacity: 3, queueIds, skills: [], capacityProfiles: [] },
  });
  return {
    skills: [{ id: uuid(31), name: 'French', type: 'Language' }],
    capacityProfiles: [],
    presences: [],
    operatingHours: [],
    queues: [
      {
        id: SALES,
        name: 'Sales',
        priority: 100,
        assignment: { kind: 'highest-capacity' },
        operatingHoursId: null,
        overflow: [],
        memberIds: [ALICE],
      },
      {
        id: SUPPORT,
        name: 'Support',
        priority: 100,
        assignment: { kind: 'highest-capacity' },
        operatingHoursId: null,
        overflow: [],
        memberIds: [ALICE, BOB],
      },
    ],
    workstreams: [
      {
        id: WEBSITE,
        name: 'Website chat',
        channel: 'messaging',
        distribution: 'push',
        capacity: { kind: 'units', units: 1 },
        allowedPresences: ['available', 'busy'],
        wrapUpBlocking: { kind: 'always' },
        autoCloseAfterMinutes: null,
        affinity: false,
        reopenWindowMinutes: 1440,
        fallbackQueueId: SUPPORT,
        offerTimeoutSeconds: null,
        maxDeclines: 3,
        skillMatching: 'exact',
        classification: [],
        routeToQueue: [
          {
            name: 'Buying questions go to Sales',
            when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: ['price', 'buy'] },
            queues: [{ queueId: SALES, percentage: 100 }],
          },
        ],
      },
    ],
    widgets: [{ id: 'demo', title: 'Contoso help', workstreamId: WEBSITE, allowedSites: [] }],
    agents: [
      agent(ALICE, 'Alice Martin', 'alice@contoso.example', 'agent', [SALES, SUPPORT]),
      agent(BOB, 'Bob de Vries', 'bob@contoso.example', 'agent', [SUPPORT]),
      agent(ADA, 'Ada Admin', 'ada@contoso.example', 'admin', []),
    ],
    settings: {
      defaultPresence: 'available',
      idleMinutes: 15,
      missedOfferMakesInactive: false,
      rejectMakesDoNotDisturb: false,
      sessionLimit: null,
      fullPresence: 'busy',
    },
    attachmentSettings: { maxBytes: 5 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'application/pdf'] },
    supervisorSwitches: { monitor: true, assign: true, transfer: true, 'force-close': true },
    sentiment: { enabled: true, threshold: 'none' },
    // The same people as `agents`: the Users page shows each one's routing beside their account.
    users: [
      account(ADA, 'Ada Admin', 'ada@contoso.example', 'admin'),
      account(ALICE, 'Alice Martin', 'alice@contoso.example', 'agent'),
      account(BOB, 'Bob de Vries', 'bob@contoso.example', 'agent'),
    ],
    apiClients: [],
    apiKeys: [],
    issuedSecrets: [],
    traces: {},
    channels: [],
    outbox: [],
    templates: [],
    automated: automatedMessagesOff(),
    quickReplies: [],
    dispositionCodes: [],
    usedDispositionCodes: [],
    notificationTemplates: builtInNotificationTemplates(),
  };
}

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; query: Record<string, string>; body: unknown };
type Handler = (req: Request) => Reply | undefined;

const COLLECTIONS = {
  Skill: 'skills',
  CapacityProfile: 'capacityProfiles',
  Presence: 'presences',
  OperatingHours: 'operatingHours',
  Queue: 'queues',
  Workstream: 'workstreams',
} as const;
const LIST_NAMES: Record<string, keyof typeof COLLECTIONS> = {
  listSkills: 'Skill',
  listCapacityProfiles: 'CapacityProfile',
  listPresences: 'Presence',
  listOperatingHours: 'OperatingHours',
  listQueueConfigs: 'Queue',
  listWorkstreams: 'Workstream',
};

const notFound = (): Reply => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } });

/**
 * An in-memory admin API behind a fake `fetch`, matching requests against the protocol's route
 * table. `calls` records every request; `on` replaces the answer of one route.
 */
export function createFakeApi() {
  const state = demoState();
  const calls: Request[] = [];
  const overrides = new Map<RouteName, Handler>();
  let nextId = 500;
  let me: StaffUser = staffUser('admin');

  function handle(req: Request): Reply {
    const custom = overrides.get(req.name)?.(req);
    if (custom) return custom;
    const { name, params, body } = req;
    if (name === 'login') {
      const email = (body as { email: string }).email;
      if (email.startsWith('ada'))
        return { status: 200, body: { token: 'admin-token', user: (me = staffUser('admin')) } };
      if (email.startsWith('alice'))
        return { status: 200, body: { token: 'agent-token', user: (me = staffUser('agent')) } };
      return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' } };
    }
    const channelReply = handleChannels(state, req, () => uuid(nextId++));
    if (channelReply) return channelReply;
    const templateReply = handleTemplates(state, req, () => uuid(nextId++));
    if (templateReply) return templateReply;
    const quickReply = handleQuickReplies(state, req, () => uuid(nextId++));
    if (quickReply) return quickReply;
    const codeReply = handleDispositionCodes(state, req, () => uuid(nextId++));
    if (codeReply) return codeReply;
    const clientReply = handleApiClients(state, req, () => uuid(nextId++));
    if (clientReply) return clientReply;
    const signInReply = handleWidgetAuth(state, req);
    if (signInReply) return signInReply;
    const notificationReply = handleNotificationTemplates(state, req);
    if (notificationReply) return notificationReply;
    if (name in LIST_NAMES) return { status: 200, body: state[COLLECTIONS[LIST_NAMES[name]!]] };
    const crud = /^(create|update|delete)(Skill|CapacityProfile|Presence|OperatingHours|Queue|Workstream)$/.exec(name);
    if (crud) {
      const list = state[COLLECTIONS[crud[2] as keyof typeof COLLECTIONS]] as { id: string }[];
      if (crud[1] === 'create') {
        const item = { ...(body as object), id: uuid(nextId++) };
        list.push(item);
        return { status: 200, body: item };
      }
      const index = list.findIndex((i) => i.id === params.id);
      if (index < 0) return notFound();
      if (crud[1] === 'delete') {
        list.splice(index, 1);
        return { status: 200, body: { ok: true } };
      }
      list[index] = { ...(body as object), id: params.id! };
      return { status: 200, body: list[index] };
    }
    switch (name) {
      case 'me':
        return { status: 200, body: me };
      case 'listChatWidgets':
        return { status: 200, body: state.widgets };
      case 'createChatWidget':
      case 'updateChatWidget': {
        const data = { allowedSites: [], ...(body as Partial<ChatWidget>) } as Omit<ChatWidget, 'id'>;
        if (!state.workstreams.some((w) => w.id === data.workstreamId)) {
          return {
            status: 400,
            body: { statusCode: 400, error: 'Bad Request', message: `workstream ${data.workstreamId} does not exist` },
          };
        }
        if (name === 'createChatWidget') {
          const slug =
            data.title
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '') || 'widget';
          const widget = { ...data, id: `${slug}-${nextId++}` };
          state.widgets.push(widget);
          return { status: 200, body: widget };
        }
        const widget = state.widgets.find((w) => w.id === params.widgetId);
        if (!widget) return notFound();
        Object.assign(widget, data);
        return { status: 200, body: widget };
      }
      case 'deleteChatWidget': {
        const index = state.widgets.findIndex((w) => w.id === params.widgetId);
        if (index < 0) return notFound();
        state.widgets.splice(index, 1);
        return { status: 200, body: { ok: true } };
      }
      // CH1 widget settings: every widget reads as the plain one unless a test says otherwise (api.on).
      case 'getWidgetSettings':
        return { status: 200, body: defaultWidgetSettings() };
      case 'listAgents':
        return { status: 200, body: state.agents };
      case 'updateAgentRouting': {
        const agent = state.agents.find((a) => a.id === params.id);
        if (!agent) return notFound();
        agent.routing = { ...(body as Omit<AgentSummary['routing'], 'userId'>), userId: agent.id };
        return { status: 200, body: agent };
      }
      case 'getRoutingSettings':
        return { status: 200, body: state.settings };
      case 'updateRoutingSettings':
        state.settings = body as RoutingSettings;
        return { status: 200, body: state.settings };
      case 'getAttachmentSettings':
        return { status: 200, body: state.attachmentSettings };
      case 'updateAttachmentSettings':
        state.attachmentSettings = body as AttachmentSettings;
        return { status: 200, body: state.attachmentSettings };
      case 'listUsers':
        return { status: 200, body: state.users };
      case 'createUser': {
        const input = body as NewStaffAccount;
        const user: StaffAccount = {
          id: uuid(state.users.length + 500),
          name: input.name,
          email: input.email,
          role: input.role,
          disabled: false,
          createdAt: '2026-12-01T00:00:00.000Z',
        };
        state.users.push(user);
        return { status: 200, body: user };
      }
      case 'updateUser': {
        const user = state.users.find((u) => u.id === params.id);
        if (!user) return notFound();
        const { password: _password, ...change } = body as StaffAccountChange;
        Object.assign(user, change);
        return { status: 200, body: user };
      }
      case 'getSentimentSetting':
        return { status: 200, body: state.sentiment };
      case 'updateSentimentSetting':
        state.sentiment = body as State['sentiment'];
        return { status: 200, body: state.sentiment };
      case 'getSupervisorSwitches':
        return { status: 200, body: state.supervisorSwitches };
      case 'updateSupervisorSwitches':
        state.supervisorSwitches = body as SupervisorSwitches;
        return { status: 200, body: state.supervisorSwitches };
      case 'listConversations':
        return { status: 200, body: { conversations: [] } };
      case 'getRoutingTrace': {
        const trace = state.traces[params.id!];
        return trace ? { status: 200, body: trace } : notFound();
      }
      case 'exportConfig':
        return {
          status: 200,
          body: {
            format: 'switchboard-config',
            version: 1,
            skills: state.skills,
            capacityProfiles: state.capacityProfiles,
            presences: state.presences,
            operatingHours: state.operatingHours,
            queues: state.queues,
            workstreams: state.workstreams,
            agents: state.agents.map(({ email, routing: { userId: _u, ...r } }) => ({ ...r, email })),
            settings: state.settings,
          },
        };
      case 'importConfig':
        return { status: 200, body: { ok: true, counts: { skills: 1 } } };
      default:
        return {
          status: 500,
          body: { statusCode: 500, error: 'Internal Server Error', message: `fake API has no ${name}` },
        };
    }
  }

  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://admin.test');
    const method = init?.method ?? 'GET';
    for (const [name, def] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
      if (def.method !== method) continue;
      const keys: string[] = [];
      const pattern = new RegExp(`^${def.path.replace(/:(\w+)/g, (_, k: string) => (keys.push(k), '([^/]+)'))}$`);
      const m = pattern.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)]));
      const query = Object.fromEntries(url.searchParams);
      const req = { name, params, query, body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined };
      calls.push(req);
      const reply = handle(req);
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify({ statusCode: 404, message: `No route ${method} ${url.pathname}` }), {
      status: 404,
    });
  }) as typeof globalThis.fetch;

  return {
    state,
    calls,
    fetch,
    /** Who `me` answers is (sign-in sets it too). */
    setMe(user: StaffUser) {
      me = user;
    },
    on(name: RouteName, handler: Handler) {
      overrides.set(name, handler);
    },
    /** The bodies sent to one route, in order. */
    sent(name: RouteName) {
      return calls.filter((c) => c.name === name).map((c) => c.body);
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
