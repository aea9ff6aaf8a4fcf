import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@switchboard/protocol';
import type { AgentSummary, ChatWidget, ConfigExport, QueueConfig, Workstream } from '@switchboard/protocol';
import { deleteConfig } from '../src/store/config-deletes.js';
import { accounts } from '../src/store/schema.js';
import type { Database, Db } from '../src/store/db.js';
import * as config from '../src/store/routing-config.js';
import { deleteWidget, insertWidget, updateWidget } from '../src/store/widgets.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { PASSWORD, type OrgSpec } from './support/org-builder.js';
import { buildOrgPair, type FurnishedOrg, type OrgPair } from './support/two-orgs.js';

// X3: an admin of one organisation, holding every id of its neighbour, drives every admin route
// of the route table and the import with those ids. Each request is a 4xx that changes nothing of
// either organisation; reads show none of the neighbour's ids.

let db: Database;
let server: TestServer;
let pair: OrgPair;
let token: string;

const SPEC: OrgSpec = {
  queues: ['Support', 'Sales'],
  users: [
    { key: 'ann', queues: ['Support', 'Sales'] },
    { key: 'bob', queues: ['Sales'] },
    { key: 'sue', role: 'supervisor' },
    { key: 'ada', role: 'admin' },
  ],
};

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  pair = await buildOrgPair(db.db, SPEC);
  await db.db.insert(accounts).values({ orgId: pair.neighbour.orgId, ...NEIGHBOUR_ACCOUNT });
  token = (await server.api().call('login', { body: { email: pair.org.user('ada').email, password: PASSWORD } })).token;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** AG9: an account only the neighbour has, for the import to name. */
const NEIGHBOUR_ACCOUNT = { name: 'Neighbour Holdings', externalId: 'NEIGHBOUR-ACC-1' };

type Answer = { status: number; body: unknown };

async function send(method: string, path: string, body?: unknown, as = token): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${as}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** What the attacking admin knows of their own organisation (valid bodies to start from). */
type Own = { config: ConfigExport; widgets: ChatWidget[]; agents: AgentSummary[] };

/** One request: `expect` is the 4xx it must get, or 'read' (a 200 that shows nothing of the neighbour). */
type Call = {
  label: string;
  params?: Record<string, string>;
  body?: unknown;
  expect: 400 | 404 | 'read';
  /** What the message must say; by default it names one of the neighbour's ids. */
  says?: RegExp;
};
type Ctx = { o: FurnishedOrg; n: FurnishedOrg; own: Own };

const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
const queueOf = (own: Own, id: string) => own.config.queues.find((q) => q.id === id)!;
const workstreamOf = (own: Own, id: string) => own.config.workstreams.find((w) => w.id === id)!;
const agentOf = (own: Own, id: string) => own.agents.find((a) => a.id === id)!.routing;

/** Queue bodies that are valid except for one reference to the neighbour. */
const foreignQueueBodies = (base: Omit<QueueConfig, 'id'>, n: FurnishedOrg) => [
  { what: 'a member of the neighbour', body: { ...base, memberIds: [...base.memberIds, n.user('ann').id] } },
  { what: "the neighbour's operating hours", body: { ...base, operatingHoursId: n.operatingHoursId } },
  {
    what: "an overflow to the neighbour's queue",
    body: {
      ...base,
      overflow: [{ when: { kind: 'queue-size', limit: 5 }, then: { kind: 'transfer', queueId: n.queueId('Sales') } }],
    },
  },
  {
    what: "a filter on the neighbour's skill",
    body: {
      ...base,
      assignment: {
        kind: 'custom',
        order: [{ key: 'proficiency', direction: 'desc' }],
        filters: [{ kind: 'has-skill', skillId: n.skillId, minProficiency: 1 }],
      },
    },
  },
];

const ruleset = (name: string, set: Record<string, unknown>) => ({
  name,
  rules: [{ name: `${name} rule`, when: { kind: 'always' }, set }],
});

/** Workstream bodies that are valid except for one reference to the neighbour. */
const foreignWorkstreamBodies = (base: Omit<Workstream, 'id'>, n: FurnishedOrg) => {
  const always = { kind: 'always' } as const;
  return [
    { what: "a fallback to the neighbour's queue", body: { ...base, fallbackQueueId: n.queueId('Support') } },
    {
      what: "a route to the neighbour's queue",
      body: {
        ...base,
        routeToQueue: [{ name: 'Steal', when: always, queues: [{ queueId: n.queueId('Sales'), percentage: 100 }] }],
      },
    },
    {
      what: "the neighbour's capacity profile",
      body: { ...base, capacity: { kind: 'profiles', profileIds: [n.capacityProfileId] } },
    },
    {
      what: "a rule setting the neighbour's skill",
      body: { ...base, classification: [ruleset('Lang', { skills: [{ skillId: n.skillId, proficiency: 3 }] })] },
    },
    {
      what: "a rule setting the neighbour's capacity profile",
      body: { ...base, classification: [ruleset('Prof', { capacityProfileId: n.capacityProfileId })] },
    },
  ];
};

/** Own routings of an agent, each valid except for one link to the neighbour. */
const foreignRoutings = (base: Omit<AgentSummary['routing'], 'userId'>, n: FurnishedOrg) => [
  { what: "the neighbour's queue", body: { ...base, queueIds: [...base.queueIds, n.queueId('Sales')] } },
  { what: "the neighbour's skill", body: { ...base, skills: [{ skillId: n.skillId, proficiency: 4 }] } },
  {
    what: "the neighbour's capacity profile",
    body: { ...base, capacityProfiles: [{ profileId: n.capacityProfileId, customLimit: null }] },
  },
];

/** The attacker's own export with every id of one kind (or of all kinds) swapped for the neighbour's. */
function swapIds(own: Own, o: FurnishedOrg, n: FurnishedOrg, kinds: (keyof typeof SWAPS)[]): ConfigExport {
  let text = JSON.stringify(own.config);
  for (const k of kinds) for (const [from, to] of SWAPS[k](o, n)) text = text.split(from).join(to);
  return JSON.parse(text) as ConfigExport;
}
type Swap = (o: FurnishedOrg, n: FurnishedOrg) => [string, string][];
const SWAPS = {
  skills: (o, n) => [[o.skillId, n.skillId]],
  capacityProfiles: (o, n) => [[o.capacityProfileId, n.capacityProfileId]],
  presences: (o, n) => [[o.presenceId, n.presenceId]],
  operatingHours: (o, n) => [[o.operatingHoursId, n.operatingHoursId]],
  queues: (o, n) => ['Support', 'Sales'].map((q) => [o.queueId(q), n.queueId(q)]),
  workstreams: (o, n) => [[o.workstreamId, n.workstreamId]],
} satisfies Record<string, Swap>;

/** The server assigns ids: a create that names one is refused by the schema. */
const ID_IN_BODY = /Unrecognized key: "id"/;

/** Update and delete of one configuration collection by the neighbour's id, and a create that names an id. */
function crud(idOf: (n: FurnishedOrg) => string, list: (own: Own) => readonly { id: string }[]) {
  return {
    create: ({ n, own }: Ctx): Call[] => [
      {
        label: "with the neighbour's id in the body",
        body: { ...strip(list(own)[0]!), name: 'Taken over', id: idOf(n) },
        expect: 400,
        says: ID_IN_BODY,
      },
    ],
    update: ({ n, own }: Ctx): Call[] => [
      {
        label: "the neighbour's id",
        params: { id: idOf(n) },
        body: { ...strip(list(own)[0]!), name: 'Renamed' },
        expect: 404,
      },
    ],
    remove: ({ n }: Ctx): Call[] => [{ label: "the neighbour's id", params: { id: idOf(n) }, expect: 404 }],
  };
}
const read = (): Call[] => [{ label: 'read', expect: 'read' }];
const channelBody = (name: string, workstreamId: string) => ({
  name,
  provider: 'twilio',
  workstreamId,
  config: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'x'.repeat(32), numbers: ['+15005550006'] },
});
/** A body that is valid but for a reference to the neighbour: a 400 that names it. */
const refusedSays = (label: string, body: unknown, says: RegExp): Call => ({ label, body, expect: 400, says });
const refused = (label: string, body: unknown, params?: Record<string, string>): Call => ({
  label,
  params,
  body,
  expect: 400,
});

const skillsCrud = crud(
  (n) => n.skillId,
  (own) => own.config.skills,
);
const profilesCrud = crud(
  (n) => n.capacityProfileId,
  (own) => own.config.capacityProfiles,
);
const presencesCrud = crud(
  (n) => n.presenceId,
  (own) => own.config.presences,
);
const hoursCrud = crud(
  (n) => n.operatingHoursId,
  (own) => own.config.operatingHours,
);

/** Every admin route of the route table: how to aim it at the neighbour. A route missing here fails the test. */
const CASES: Record<string, (ctx: Ctx) => Call[]> = {
  listSkills: read,
  // AG9: a CSV naming the neighbour's account (by external id, by name) imports nothing and shows none of it.
  importRecords: () => [
    {
      label: "contacts naming the neighbour's account",
      body: {
        kind: 'contacts',
        csv: `name,account\nEve,${NEIGHBOUR_ACCOUNT.externalId}\nBob,${NEIGHBOUR_ACCOUNT.name}\n`,
      },
      expect: 'read',
    },
  ],
  createSkill: skillsCrud.create,
  updateSkill: skillsCrud.update,
  deleteSkill: skillsCrud.remove,
  listCapacityProfiles: read,
  createCapacityProfile: profilesCrud.create,
  updateCapacityProfile: profilesCrud.update,
  deleteCapacityProfile: profilesCrud.remove,
  listPresences: read,
  createPresence: presencesCrud.create,
  updatePresence: presencesCrud.update,
  deletePresence: presencesCrud.remove,
  listOperatingHours: read,
  createOperatingHours: hoursCrud.create,
  updateOperatingHours: hoursCrud.update,
  deleteOperatingHours: hoursCrud.remove,
  listQueueConfigs: read,
  createQueue: ({ n, own, o }) => {
    const base = { ...strip(queueOf(own, o.queueId('Sales'))), name: 'Stolen' };
    return [
      {
        label: "with the neighbour's id in the body",
        body: { ...base, id: n.queueId('Sales') },
        expect: 400,
        says: ID_IN_BODY,
      },
      ...foreignQueueBodies(base, n).map((v) => refused(`with ${v.what}`, v.body)),
    ];
  },
  updateQueue: ({ n, own, o }) => {
    const base = strip(queueOf(own, o.queueId('Sales')));
    return [
      {
        label: "the neighbour's Sales queue, emptied",
        params: { id: n.queueId('Sales') },
        body: { ...base, name: 'Renamed', memberIds: [] },
        expect: 404,
      },
      ...foreignQueueBodies(base, n).map((v) => refused(`own ${v.what}`, v.body, { id: o.queueId('Sales') })),
    ];
  },
  deleteQueue: ({ n }) => [{ label: "the neighbour's queue", params: { id: n.queueId('Sales') }, expect: 404 }],
  listWorkstreams: read,
  createWorkstream: ({ n, own, o }) =>
    foreignWorkstreamBodies({ ...strip(workstreamOf(own, o.workstreamId)), name: 'Stolen' }, n).map((v) =>
      refused(`with ${v.what}`, v.body),
    ),
  updateWorkstream: ({ n, own, o }) => {
    const base = strip(workstreamOf(own, o.workstreamId));
    return [
      { label: "the neighbour's one", params: { id: n.workstreamId }, body: { ...base, name: 'Renamed' }, expect: 404 },
      ...foreignWorkstreamBodies(base, n).map((v) => refused(`own with ${v.what}`, v.body, { id: o.workstreamId })),
    ];
  },
  deleteWorkstream: ({ n }) => [{ label: "the neighbour's workstream", params: { id: n.workstreamId }, expect: 404 }],
  listChatWidgets: read,
  createChatWidget: ({ n, own }) => [
    refused("routing to the neighbour's workstream", { ...strip(own.widgets[0]!), workstreamId: n.workstreamId }),
  ],
  updateChatWidget: ({ n, o, own }) => [
    {
      label: "the neighbour's widget",
      params: { widgetId: n.widgetId },
      body: { ...strip(own.widgets[0]!), title: 'Renamed' },
      expect: 404,
    },
    refused(
      "own widget to the neighbour's workstream",
      { ...strip(own.widgets[0]!), workstreamId: n.workstreamId },
      {
        widgetId: o.widgetId,
      },
    ),
  ],
  deleteChatWidget: ({ n }) => [{ label: "the neighbour's widget", params: { widgetId: n.widgetId }, expect: 404 }],
  getWidgetAuth: ({ n }) => [{ label: "the neighbour's widget", params: { widgetId: n.widgetId }, expect: 404 }],
  updateWidgetAuth: ({ n }) => [
    { label: "the neighbour's widget", params: { widgetId: n.widgetId }, body: { mode: 'off' }, expect: 404 },
  ],
  getWidgetSettings: ({ n }) => [{ label: "the neighbour's widget", params: { widgetId: n.widgetId }, expect: 404 }],
  updateWidgetSettings: ({ n, o }) => {
    const body = { appearance: {}, prechat: {}, postChat: { enabled: true }, operatingHoursId: null };
    return [
      { label: "the neighbour's widget", params: { widgetId: n.widgetId }, body, expect: 404 },
      refused(
        "own widget told the neighbour's operating hours",
        { ...body, operatingHoursId: n.operatingHoursId },
        { widgetId: o.widgetId },
      ),
    ];
  },
  listAgents: read,
  updateAgentRouting: ({ n, o, own }) => {
    const { userId: _u, ...base } = agentOf(own, o.user('ann').id);
    return [
      {
        label: "the neighbour's agent",
        params: { id: n.user('ann').id },
        body: { ...base, queueIds: [], skills: [], capacityProfiles: [] },
        expect: 404,
      },
      ...foreignRoutings(base, n).map((v) => refused(`own agent with ${v.what}`, v.body, { id: o.user('ann').id })),
    ];
  },
  listChannels: read,
  createChannel: ({ n }) => [refused("routing to the neighbour's workstream", channelBody('Stolen', n.workstreamId))],
  updateChannel: ({ n, o }) => [
    {
      label: "the neighbour's channel",
      params: { id: n.channelId },
      body: channelBody('Renamed', o.workstreamId),
      expect: 404,
    },
    refused("own channel to the neighbour's workstream", channelBody('SMS', n.workstreamId), { id: o.channelId }),
  ],
  deleteChannel: ({ n }) => [{ label: "the neighbour's channel", params: { id: n.channelId }, expect: 404 }],
  validateChannelKey: ({ n }) => [
    {
      label: "the neighbour's channel",
      params: { id: n.channelId },
      body: { phoneNumber: '31612345678' },
      expect: 404,
    },
  ],
  createTemplate: ({ n }) => [
    {
      label: "with the neighbour's id in the body",
      body: { name: 'Taken over', bodies: { en: 'x' }, id: n.templateId },
      expect: 400,
      says: ID_IN_BODY,
    },
  ],
  updateTemplate: ({ n }) => [
    {
      label: "the neighbour's template",
      params: { id: n.templateId },
      body: { name: 'Renamed', bodies: { en: 'x' } },
      expect: 404,
    },
  ],
  deleteTemplate: ({ n }) => [{ label: "the neighbour's template", params: { id: n.templateId }, expect: 404 }],
  listAutomatedMessages: read,
  // Keyed by channel and event inside the caller's organisation: the neighbour's same key is out of reach.
  saveAutomatedMessage: () => [
    {
      label: 'an unknown placeholder',
      params: { channel: 'sms', trigger: 'queued' },
      body: { enabled: false, bodies: { en: 'Hi {password}' } },
      expect: 400,
      says: /\{password\}/,
    },
  ],
  listNotificationTemplates: read,
  // Keyed by scenario inside the caller's organisation (AG2): the neighbour's same scenario is out of reach.
  saveNotificationTemplate: () => [
    {
      label: 'an assigned alert, which nobody could answer',
      params: { scenario: 'assigned' },
      body: { kind: 'alert', titles: {}, fields: [], timeoutSeconds: 30, autoAccept: false, theme: 'light' },
      expect: 400,
      says: /is a toast/,
    },
  ],
  createOrgQuickReply: ({ n }) => [
    {
      label: "with the neighbour's id in the body",
      body: { title: 'Taken over', bodies: { en: 'x' }, id: n.quickReplyId },
      expect: 400,
      says: ID_IN_BODY,
    },
  ],
  updateOrgQuickReply: ({ n }) => [
    {
      label: "the neighbour's quick reply",
      params: { id: n.quickReplyId },
      body: { title: 'Renamed', bodies: { en: 'x' } },
      expect: 404,
    },
    {
      label: "a quick reply of the neighbour's agent",
      params: { id: n.personalQuickReplyId },
      body: { title: 'Renamed', bodies: { en: 'x' } },
      expect: 404,
    },
  ],
  deleteOrgQuickReply: ({ n }) => [
    { label: "the neighbour's quick reply", params: { id: n.quickReplyId }, expect: 404 },
    { label: "a quick reply of the neighbour's agent", params: { id: n.personalQuickReplyId }, expect: 404 },
  ],
  // AG7, AG8: the neighbour's macros and scripts are not found, and a step naming one of theirs is refused.
  listMacros: read,
  createMacro: ({ n }) => [
    refused("a quick reply of the neighbour's", {
      name: 'Tell',
      steps: [{ id: 'q', kind: 'sendQuickReply', quickReplyId: n.quickReplyId }],
    }),
  ],
  updateMacro: ({ n }) => [
    {
      label: "the neighbour's macro",
      params: { id: n.macroId },
      body: { name: 'Mine', steps: [{ id: 'k', kind: 'searchKnowledge', phrase: 'x' }] },
      expect: 404,
    },
  ],
  deleteMacro: ({ n }) => [{ label: "the neighbour's macro", params: { id: n.macroId }, expect: 404 }],
  listScripts: read,
  createScript: ({ n }) => [
    refused("the neighbour's macro in a step", {
      ...{ name: 'S', workstreamId: null, rule: null, order: 0 },
      steps: [{ id: 'm', kind: 'macro', macroId: n.macroId }],
    }),
    refused("the neighbour's script as a sub-script", {
      ...{ name: 'S', workstreamId: null, rule: null, order: 0 },
      steps: [{ id: 's', kind: 'script', scriptId: n.scriptId }],
    }),
    refused("the neighbour's workstream", {
      ...{ name: 'S', workstreamId: n.workstreamId, rule: null, order: 0 },
      steps: [{ id: 't', kind: 'text', text: 'x' }],
    }),
  ],
  updateScript: ({ n }) => [
    {
      label: "the neighbour's script",
      params: { id: n.scriptId },
      body: { name: 'S', workstreamId: null, rule: null, order: 0, steps: [{ id: 't', kind: 'text', text: 'x' }] },
      expect: 404,
    },
  ],
  deleteScript: ({ n }) => [{ label: "the neighbour's script", params: { id: n.scriptId }, expect: 404 }],
  // AG9: the neighbour's article is not found, by id or in the list.
  listKnowledgeArticles: read,
  getKnowledgeArticleDraft: ({ n }) => [
    { label: "the neighbour's article", params: { id: n.knowledgeArticleId }, expect: 404 },
  ],
  createKnowledgeArticle: ({ n }) => [
    {
      label: "with the neighbour's id in the body",
      body: { language: 'en', title: 'Taken over', body: 'x', id: n.knowledgeArticleId },
      expect: 400,
      says: ID_IN_BODY,
    },
  ],
  updateKnowledgeArticle: ({ n }) => [
    {
      label: "the neighbour's article",
      params: { id: n.knowledgeArticleId },
      body: { language: 'en', title: 'Renamed', body: 'x' },
      expect: 404,
    },
  ],
  publishKnowledgeArticle: ({ n }) => [
    { label: "the neighbour's draft", params: { id: n.knowledgeArticleId }, body: {}, expect: 404 },
  ],
  unpublishKnowledgeArticle: ({ n }) => [
    { label: "the neighbour's article", params: { id: n.knowledgeArticleId }, body: {}, expect: 404 },
  ],
  deleteKnowledgeArticle: ({ n }) => [
    { label: "the neighbour's article", params: { id: n.knowledgeArticleId }, expect: 404 },
  ],
  createDispositionCode: ({ n }) => [
    {
      label: "with the neighbour's id in the body",
      body: { name: 'Taken over', active: true, id: n.dispositionCodeId },
      expect: 400,
      says: ID_IN_BODY,
    },
  ],
  updateDispositionCode: ({ n }) => [
    {
      label: "the neighbour's disposition code, retired",
      params: { id: n.dispositionCodeId },
      body: { name: 'Renamed', active: false },
      expect: 404,
    },
  ],
  deleteDispositionCode: ({ n }) => [
    { label: "the neighbour's disposition code", params: { id: n.dispositionCodeId }, expect: 404 },
  ],
  listOutbox: read,
  // No outbox entry of the neighbour's exists in this fixture: an id of none is refused the same way.
  retryOutbox: () => [
    { label: 'an entry of no organisation', params: { id: crypto.randomUUID() }, body: {}, expect: 404 },
  ],
  getAttachmentSettings: read,
  // The limits are the caller's organisation's row: the neighbour's stay as they are; a bad body changes neither.
  updateAttachmentSettings: () => [
    refusedSays(
      'a type the server does not know',
      { maxBytes: 2048, types: ['application/zip'] },
      /application\/zip|recognises/,
    ),
  ],
  listUsers: read,
  // Accounts are created in the caller's organisation only; a bad body creates none anywhere.
  createUser: () => [
    refusedSays(
      'a password too short',
      { name: 'Short', email: 'short@x.example', role: 'agent', password: 'short' },
      /at least 8 characters/,
    ),
  ],
  updateUser: ({ n }) => [
    {
      label: "the neighbour's user",
      params: { id: n.user('ann').id },
      body: { name: 'Taken over', email: n.user('ann').email, role: 'admin', disabled: true },
      expect: 404,
    },
  ],
  listApiClients: read,
  // A client is made in the caller's organisation only; a bad body makes none anywhere.
  createApiClient: () => [refusedSays('a name left empty', { name: ' ', keyName: 'first' }, /name is required/)],
  updateApiClient: ({ n }) => [
    {
      label: "the neighbour's API client, disabled",
      params: { id: n.apiClientId },
      body: { name: 'Taken over', disabled: true },
      expect: 404,
    },
  ],
  listApiKeys: ({ n }) => [{ label: "the neighbour's API client", params: { id: n.apiClientId }, expect: 404 }],
  createApiKey: ({ n }) => [
    { label: "a key for the neighbour's API client", params: { id: n.apiClientId }, body: { name: 'x' }, expect: 404 },
  ],
  revokeApiKey: ({ n }) => [{ label: "the neighbour's key", params: { id: n.apiKeyId }, body: {}, expect: 404 }],
  getSentimentSetting: read,
  updateSentimentSetting: () => [refusedSays('not a yes or no', { enabled: 'yes' }, /enabled/)],
  getReportSettings: read,
  updateReportSettings: () => [refusedSays('a zone that does not exist', { timeZone: 'Mars/Olympus' }, /IANA/)],
  getSupervisorSwitches: read,
  updateSupervisorSwitches: () => [
    refusedSays('a switch left out', { monitor: true, assign: true, transfer: true }, /force-close/),
  ],
  getRoutingSettings: read,
  updateRoutingSettings: ({ n, own }) => [
    refused("the neighbour's custom presence as default", { ...own.config.settings, defaultPresence: n.presenceId }),
  ],
  exportConfig: read,
  importConfig: ({ n, o, own }) => {
    const { exportedAt: _e, ...file } = own.config;
    const kinds = Object.keys(SWAPS) as (keyof typeof SWAPS)[];
    const sales = file.queues.find((q) => q.id === o.queueId('Sales'))!;
    return [
      ...kinds.map((k) => refused(`own file with the neighbour's ${k} ids`, swapIds(own, o, n, [k]))),
      refused("own file with every id swapped for the neighbour's", swapIds(own, o, n, kinds)),
      refused("own file with the neighbour's Sales queue, renamed and emptied", {
        ...file,
        queues: [...file.queues, { ...sales, id: n.queueId('Sales'), name: 'Renamed', memberIds: [] }],
      }),
      refused("own file listing the neighbour's agent", {
        ...file,
        agents: [...file.agents, { ...file.agents[0]!, email: n.user('ann').email }],
      }),
      refused("own file with the neighbour's agent as a queue member", {
        ...file,
        queues: file.queues.map((q) => ({ ...q, memberIds: [...q.memberIds, n.user('bob').id] })),
      }),
    ];
  },
};

/** Every id of the neighbour: a read that shows one of them leaks it. */
function neighbourIds(n: FurnishedOrg): string[] {
  return [
    n.orgId,
    n.widgetId,
    n.workstreamId,
    n.skillId,
    n.capacityProfileId,
    n.presenceId,
    n.operatingHoursId,
    n.quickReplyId,
    n.personalQuickReplyId,
    n.dispositionCodeId,
    n.knowledgeArticleId,
    n.macroId,
    n.scriptId,
    n.apiClientId,
    n.apiKeyId,
    ...SPEC.queues.map(n.queueId),
    ...SPEC.users.flatMap((u) => [n.user(u.key).id, n.user(u.key).email]),
  ];
}

function pathOf(template: string, params: Record<string, string> = {}): string {
  const path = template.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`);
    return encodeURIComponent(value);
  });
  return path;
}

async function ownView(): Promise<Own> {
  const answers = await Promise.all(['config', 'widgets', 'agents'].map((p) => send('GET', `/api/admin/${p}`)));
  const [exported, widgets, agents] = answers;
  expect([exported!.status, widgets!.status, agents!.status]).toEqual([200, 200, 200]);
  return {
    config: exported!.body as ConfigExport,
    widgets: widgets!.body as ChatWidget[],
    agents: agents!.body as AgentSummary[],
  };
}

describe('organisations are sealed (X3)', () => {
  it('refuses every admin route and the import aimed at another organisation; neither changes', async () => {
    const adminRoutes = Object.entries(routes).filter(([, r]) => r.path.startsWith('/api/admin'));
    expect(adminRoutes.length).toBeGreaterThan(30);
    const unknown = adminRoutes.map(([name]) => name).filter((name) => !(name in CASES));
    expect(unknown, 'admin routes this test does not know how to aim at the neighbour: add them to CASES').toEqual([]);

    const own = await ownView();
    const ctx: Ctx = { o: pair.org, n: pair.neighbour, own };
    const foreign = neighbourIds(pair.neighbour);
    const before = await pair.snapshot();
    let calls = 0;
    for (const [name, route] of adminRoutes) {
      for (const call of CASES[name]!(ctx)) {
        const what = `${name} (${route.method} ${route.path}) ${call.label}`;
        const answer = await send(route.method, pathOf(route.path, call.params), call.body);
        calls += 1;
        if (call.expect === 'read') {
          expect(answer.status, what).toBe(200);
          const text = JSON.stringify(answer.body);
          expect(
            foreign.filter((id) => text.includes(id)),
            `${what} shows the neighbour's ids`,
          ).toEqual([]);
        } else {
          expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(call.expect);
          const shape = { statusCode: call.expect, error: expect.any(String), message: expect.any(String) };
          expect(answer.body, what).toMatchObject(shape);
          // A 400 is about the neighbour's id, not some other flaw of the body.
          const message = (answer.body as { message: string }).message;
          if (call.says) expect(message, what).toMatch(call.says);
          else if (call.expect === 400) {
            expect(
              foreign.some((id) => message.includes(id)),
              `${what}: ${message}`,
            ).toBe(true);
          }
        }
        await pair.expectUnchanged(before, what);
      }
    }
    expect(calls).toBeGreaterThan(60);
  });

  it("refuses an import that brings another organisation's ids, saying which, as if they did not exist", async () => {
    const own = await ownView();
    const before = await pair.snapshot();
    const { o, n } = { o: pair.org, n: pair.neighbour };
    const everyKind = Object.keys(SWAPS) as (keyof typeof SWAPS)[];
    const answer = await send('PUT', '/api/admin/config', swapIds(own, o, n, everyKind));
    expect(answer.status).toBe(400);
    const problems = (answer.body as { problems: string[] }).problems;
    const tail = 'and cannot be used for a new one: give it a new id';
    const skillProblem = `skill "French" has id ${n.skillId}, which belongs to no skill of this organisation ${tail}`;
    const sales = n.queueId('Sales');
    const queueProblem = `queue "Sales" has id ${sales}, which belongs to no queue of this organisation ${tail}`;
    expect(problems).toContain(skillProblem);
    expect(problems).toContain(queueProblem);
    for (const id of [n.capacityProfileId, n.presenceId, n.operatingHoursId, n.queueId('Support'), n.workstreamId]) {
      expect(
        problems.some((p) => p.includes(id) && p.includes('belongs to no')),
        `a problem names ${id}`,
      ).toBe(true);
    }
    // The words never say whose the id is.
    expect(problems.join(' ')).not.toMatch(/another organisation|other organisation/i);
    await pair.expectUnchanged(before, 'the import');

    // The file's own ids still import: the check is about the neighbour's, not about new ids.
    const again = await send('PUT', '/api/admin/config', own.config);
    expect(again.status).toBe(200);
    await pair.expectUnchanged(before, 'importing the own export again');
  });
});

describe('the store refuses another organisation ids even when a service check is missed (X3)', () => {
  const refused = async (what: string, write: (tx: Db) => Promise<unknown>) => {
    const before = await pair.snapshot();
    await expect(db.db.transaction(write), what).rejects.toThrow(/is not a .* of this organisation/);
    await pair.expectUnchanged(before, what);
  };

  it('writes nothing through an id or a link that is another organisation', async () => {
    const { org: o, neighbour: n } = pair;
    const own = await ownView();
    const sales = queueOf(own, o.queueId('Sales'));
    const ws = workstreamOf(own, o.workstreamId);
    const ann = agentOf(own, o.user('ann').id);

    const id = o.orgId;
    const writes: [string, (tx: Db) => Promise<unknown>][] = [
      ['upsertSkill', (tx) => config.upsertSkill(tx, id, { id: n.skillId, name: 'Renamed', type: 'X' })],
      [
        'upsertCapacityProfile',
        (tx) => config.upsertCapacityProfile(tx, id, { ...own.config.capacityProfiles[0]!, id: n.capacityProfileId }),
      ],
      ['upsertPresence', (tx) => config.upsertPresence(tx, id, { id: n.presenceId, name: 'Renamed', base: 'busy' })],
      [
        'upsertOperatingHours',
        (tx) => config.upsertOperatingHours(tx, id, { ...own.config.operatingHours[0]!, id: n.operatingHoursId }),
      ],
      [
        'upsertQueue by id',
        (tx) => config.upsertQueue(tx, id, { ...sales, id: n.queueId('Sales'), name: 'Renamed', memberIds: [] }),
      ],
      [
        'upsertQueue with a foreign member',
        (tx) => config.upsertQueue(tx, id, { ...sales, memberIds: [n.user('ann').id] }),
      ],
      [
        'upsertQueue with foreign hours',
        (tx) => config.upsertQueue(tx, id, { ...sales, operatingHoursId: n.operatingHoursId }),
      ],
      [
        'upsertWorkstream by id',
        (tx) => config.upsertWorkstream(tx, id, { ...ws, id: n.workstreamId, name: 'Renamed' }),
      ],
      [
        'upsertWorkstream with a foreign fallback',
        (tx) => config.upsertWorkstream(tx, id, { ...ws, fallbackQueueId: n.queueId('Sales') }),
      ],
      [
        'saveAgentRouting of a foreign agent',
        (tx) => config.saveAgentRouting(tx, id, { ...ann, userId: n.user('ann').id, queueIds: [], skills: [] }),
      ],
      [
        'saveAgentRouting into a foreign queue',
        (tx) => config.saveAgentRouting(tx, id, { ...ann, queueIds: [n.queueId('Sales')] }),
      ],
      [
        'saveAgentRouting with a foreign skill',
        (tx) => config.saveAgentRouting(tx, id, { ...ann, skills: [{ skillId: n.skillId, proficiency: 2 }] }),
      ],
      [
        'saveAgentRouting with a foreign profile',
        (tx) => {
          const capacityProfiles = [{ profileId: n.capacityProfileId, customLimit: 1 }];
          return config.saveAgentRouting(tx, id, { ...ann, capacityProfiles });
        },
      ],
      [
        'insertWidget on a foreign workstream',
        (tx) =>
          insertWidget(tx, id, { id: `x-${o.widgetId}`, title: 'X', workstreamId: n.workstreamId, allowedSites: [] }),
      ],
      [
        'updateWidget to a foreign workstream',
        (tx) => updateWidget(tx, id, { id: o.widgetId, title: 'X', workstreamId: n.workstreamId, allowedSites: [] }),
      ],
    ];
    for (const [what, write] of writes) await refused(what, write);

    const before = await pair.snapshot();
    expect(await deleteWidget(db.db, o.orgId, n.widgetId)).toBe(false);
    expect(
      await updateWidget(db.db, o.orgId, {
        id: n.widgetId,
        title: 'X',
        workstreamId: o.workstreamId,
        allowedSites: [],
      }),
    ).toBeNull();
    for (const [c, id] of [
      ['skills', n.skillId],
      ['capacityProfiles', n.capacityProfileId],
      ['presences', n.presenceId],
      ['operatingHours', n.operatingHoursId],
      ['queues', n.queueId('Sales')],
      ['workstreams', n.workstreamId],
    ] as const) {
      await deleteConfig(db.db, o.orgId, c, [id]);
    }
    await pair.expectUnchanged(before, 'deleting by foreign ids');
    await pair.neighbourUnchanged();
  });
});

describe("an agent's workspace names only their organisation's conversations (X3, AG3)", () => {
  it("refuses a session of the neighbour's conversation as if it did not exist; nothing changes", async () => {
    const { org: o, neighbour: n } = pair;
    const theirs = await server.api().call('startChat', {
      params: { widgetId: n.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' } },
    });
    const id = theirs.conversation.id;
    const login = await server.api().call('login', { body: { email: o.user('ann').email, password: PASSWORD } });
    const ann = server.api(login.token);
    const before = await pair.snapshot();
    const tab = { id: 'conversation', kind: 'conversation' as const, title: 'Eve' };
    const body = {
      baseVersion: 0,
      changes: {
        sessions: { [id]: { id, conversationId: id, tabs: [tab], activeTabId: tab.id } },
        drafts: { [id]: 'x' },
      },
    };
    const answer = await send('PATCH', routes.writeWorkspace.path, body, login.token);
    expect(answer).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `Conversation ${id} not found` },
    });
    await pair.expectUnchanged(before, 'writeWorkspace with the neighbour’s conversation');
    const read = await ann.call('getWorkspace');
    expect(read.version).toBe(0);
    expect(JSON.stringify(read)).not.toContain(id);
  });
});

describe("another organisation's files are out of reach (AG4, X3)", () => {
  it('a staff member neither uploads to nor reads a conversation or file of the neighbour', async () => {
    // A pair of its own: the neighbour here gets a chat and a file, which the shared pair must not.
    const { org, neighbour, snapshot, expectUnchanged } = await buildOrgPair(db.db, SPEC);
    const chat = await server.api().call('startChat', {
      params: { widgetId: neighbour.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' } },
    });
    const theirFile = await fetch(
      `${server.url}/api/widget/conversations/${chat.conversation.id}/attachments?name=a.txt`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'text/plain' },
        body: 'their words',
      },
    );
    const fileId = ((await theirFile.json()) as { id: string }).id;
    const staff = (await server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } }))
      .token;
    const before = await snapshot();
    const headers = { authorization: `Bearer ${staff}` };
    const up = await fetch(`${server.url}/api/conversations/${chat.conversation.id}/attachments?name=b.txt`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'mine',
    });
    expect([up.status, ((await up.json()) as { message: string }).message]).toEqual([404, 'conversation not found']);
    const down = await fetch(`${server.url}/api/attachments/${fileId}`, { headers });
    expect([down.status, ((await down.json()) as { message: string }).message]).toEqual([404, 'attachment not found']);
    await expectUnchanged(before, "the neighbour's file");
  });
});
