import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, SocketEvents, type ConfigExportInput, type RouteName } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { connectSocket, manualClock, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';
import { orgSnapshot } from './support/org-snapshot.js';

// X3: no input gives a 5xx. For EVERY route of the protocol table, fast-check takes a valid-ish
// request (below, `samples`) and breaks it with hostile values: NUL and control characters, lone
// surrogates, 100k-character strings, huge, negative, fractional and infinite numbers, deep nesting,
// `__proto__`/`constructor` keys, wrong types, arrays for objects, extra and missing keys, bad ids in
// params, bad queries. Each request goes out with the route's own auth to a real server, and:
//  - it never answers 5xx;
//  - a 4xx has a JSON body `{ statusCode, error, message }` (statusCode equal to the status);
//  - a 4xx changed nothing: the organisation's full configuration export and its conversation
//    tables (conversations, events, offers, participants, plus contacts and widgets) are equal before
//    and after. Decision: a mutated request can still be valid (a name that is odd but allowed), and
//    then its 2xx legitimately changes data; so only 4xx answers are compared, and the snapshot is
//    taken again after every 2xx. Each request carries at least one mutation of a part it sends, so
//    most are refused.
// A route added to the table without a sample here fails the first test.

// HOSTILE_RUNS=50 explores deeper (minutes); the default keeps the file near a minute on a busy machine.
const RUNS_PER_ROUTE = Number(process.env.HOSTILE_RUNS ?? 5);

let db: Database;
let server: TestServer;
let org: BuiltOrg;
const tokens = { admin: '', supervisor: '', agent: '', visitor: '', logout: '' };
const ids = {
  chat: '',
  waiting: '',
  offer: '',
  skill: '',
  profile: '',
  presence: '',
  hours: '',
  workstream: '',
  channel: '',
  template: '',
  job: '',
  orgReply: '',
  ownReply: '',
  article: '',
  code: '',
  apiClient: '',
  contact: '',
  account: '',
  kase: '',
  macro: '',
  script: '',
};
let exported: ConfigExportInput;

type Request = { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };

const zeros = '00000000-0000-4000-8000-000000000000';
const condition = {
  kind: 'or',
  any: [
    { kind: 'compare', field: 'prechat.question', operator: 'contains', value: 'order' },
    {
      kind: 'and',
      all: [{ kind: 'compare', field: 'context.plan', operator: 'in', value: ['gold', 'silver'] }, { kind: 'always' }],
    },
  ],
};
const workstreamBody = () => ({
  name: 'Email',
  channel: 'messaging',
  distribution: 'push',
  capacity: { kind: 'units', units: 1 },
  allowedPresences: ['available', 'busy'],
  wrapUpBlocking: { kind: 'release-after', seconds: 60 },
  autoCloseAfterMinutes: 60,
  fallbackQueueId: org.queueId('Support'),
  offerTimeoutSeconds: 30,
  maxDeclines: 2,
  classification: [
    {
      name: 'urgent',
      rules: [
        {
          name: 'order',
          when: condition,
          set: { priority: 5, severity: 'high', skills: [{ skillId: ids.skill, proficiency: 3 }] },
        },
      ],
    },
  ],
  routeToQueue: [{ name: 'sales', when: condition, queues: [{ queueId: org.queueId('Sales'), percentage: 100 }] }],
});
const queueBody = () => ({
  name: 'Billing',
  priority: 10,
  assignment: {
    kind: 'custom',
    order: [{ key: 'idle-time', direction: 'desc' }],
    filters: [{ kind: 'min-idle-seconds', seconds: 10 }],
  },
  operatingHoursId: ids.hours,
  overflow: [{ when: { kind: 'queue-size', limit: 5 }, then: { kind: 'message-and-end', message: 'We are busy.' } }],
  memberIds: [org.user('cat').id],
});

const macroBody = () => ({
  name: 'Look it up',
  steps: [{ id: 'kb', kind: 'searchKnowledge', phrase: 'invoice of {customer.name}' }],
});
const scriptBody = () => ({
  name: 'Support',
  steps: [
    { id: 'greet', kind: 'text', text: 'Greet the customer by name.' },
    { id: 'run', kind: 'macro', macroId: ids.macro, label: 'Look it up' },
  ],
  workstreamId: ids.workstream,
  rule: condition,
  order: 1,
});

const channelBody = (name: string) => ({
  name,
  provider: 'twilio',
  workstreamId: ids.workstream,
  config: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'x'.repeat(32), numbers: ['+15005550006'] },
});

/** One valid-ish request per route: what the mutations start from. */
const samples: Record<string, () => Request> = {
  login: () => ({ body: { email: org.user('cat').email, password: PASSWORD } }),
  // Its own session (tokens.logout): a mutated request that still signs out revokes only that one.
  logout: () => ({ body: {} }),
  me: () => ({}),
  myHome: () => ({ query: { since: new Date(Date.now() - 3_600_000).toISOString() } }),
  setPresence: () => ({ body: { presence: 'available' } }),
  getWorkspace: () => ({}),
  writeWorkspace: () => ({
    body: {
      baseVersion: 0,
      changes: {
        sessions: {
          [ids.chat]: {
            id: ids.chat,
            conversationId: ids.chat,
            tabs: [{ id: 'conversation:1', kind: 'conversation', title: 'Eve' }],
            activeTabId: 'conversation:1',
          },
        },
        activeSessionId: ids.chat,
        drafts: { [ids.chat]: 'Let me check' },
        scroll: { 'conversation:1': 120 },
      },
    },
  }),
  presenceOptions: () => ({}),
  listQueues: () => ({}),
  listConversations: () => ({
    query: { scope: 'closed', limit: 10, customer: 'Eve', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
  }),
  getConversation: () => ({ params: { id: ids.chat } }),
  listEvents: () => ({ params: { id: ids.chat }, query: { after: 0 } }),
  sendMessage: () => ({
    params: { id: ids.chat },
    body: { clientMessageId: randomUUID(), text: 'a note', internal: true },
  }),
  endConversation: () => ({ params: { id: ids.chat }, body: {} }),
  closeConversation: () => ({ params: { id: ids.chat }, body: {} }),
  listOffers: () => ({}),
  acceptOffer: () => ({ params: { id: ids.offer }, body: {} }),
  rejectOffer: () => ({ params: { id: ids.offer }, body: {} }),
  widgetConfig: () => ({ params: { widgetId: org.widgetId } }),
  startChat: () => ({
    params: { widgetId: org.widgetId },
    body: {
      prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' },
      context: { plan: 'gold', seats: 3, vip: true },
      locale: 'en',
    },
  }),
  visitorConversation: () => ({ params: { id: ids.chat } }),
  visitorEvents: () => ({ params: { id: ids.chat }, query: { after: 0 } }),
  visitorSend: () => ({ params: { id: ids.chat }, body: { clientMessageId: randomUUID(), text: 'hello' } }),
  visitorEnd: () => ({ params: { id: ids.chat }, body: {} }),
  visitorCallback: () => ({ params: { id: ids.chat }, body: { name: 'Eve', phone: '+31612345678' } }),
  visitorJourney: () => ({
    params: { id: ids.chat },
    body: { actions: [{ kind: 'search', name: 'ink', detail: { resultsCount: 3 }, at: new Date().toISOString() }] },
  }),
  visitorResumeLink: () => ({ params: { id: ids.chat }, body: {} }),
  resumeChat: () => ({ params: { widgetId: org.widgetId }, body: { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' } }),
  conversationJourney: () => ({ params: { id: ids.chat } }),
  listSkills: () => ({}),
  createSkill: () => ({ body: { name: 'Billing', type: 'Product' } }),
  updateSkill: () => ({ params: { id: ids.skill }, body: { name: 'French', type: 'Language' } }),
  deleteSkill: () => ({ params: { id: zeros } }),
  listCapacityProfiles: () => ({}),
  createCapacityProfile: () => ({
    body: { name: 'Chat', defaultLimit: 2, resetFrequency: 'immediate', blocksAssignment: true },
  }),
  updateCapacityProfile: () => ({
    params: { id: ids.profile },
    body: { name: 'Chat', defaultLimit: 3, resetFrequency: 'end-of-day' },
  }),
  deleteCapacityProfile: () => ({ params: { id: zeros } }),
  listPresences: () => ({}),
  createPresence: () => ({ body: { name: 'Lunch', base: 'away' } }),
  updatePresence: () => ({ params: { id: ids.presence }, body: { name: 'Training', base: 'busy-dnd' } }),
  deletePresence: () => ({ params: { id: zeros } }),
  listOperatingHours: () => ({}),
  createOperatingHours: () => ({
    body: {
      name: 'Office',
      timeZone: 'Europe/Paris',
      weekly: [{ day: 'mon', start: '09:00', end: '17:00' }],
      holidays: ['2026-12-25'],
    },
  }),
  updateOperatingHours: () => ({
    params: { id: ids.hours },
    body: {
      name: 'Office',
      timeZone: 'America/New_York',
      weekly: [{ day: 'fri', start: '08:00', end: '24:00' }],
      holidays: [],
    },
  }),
  deleteOperatingHours: () => ({ params: { id: zeros } }),
  listQueueConfigs: () => ({}),
  createQueue: () => ({ body: queueBody() }),
  updateQueue: () => ({
    params: { id: org.queueId('Sales') },
    body: { ...queueBody(), name: 'Sales', operatingHoursId: null },
  }),
  deleteQueue: () => ({ params: { id: zeros } }),
  listWorkstreams: () => ({}),
  createWorkstream: () => ({ body: workstreamBody() }),
  updateWorkstream: () => ({ params: { id: ids.workstream }, body: { ...workstreamBody(), name: 'Chat' } }),
  deleteWorkstream: () => ({ params: { id: zeros } }),
  listChatWidgets: () => ({}),
  createChatWidget: () => ({ body: { title: 'Help', workstreamId: ids.workstream } }),
  deleteChatWidget: () => ({ params: { widgetId: 'no-such-widget' } }),
  getWidgetAuth: () => ({ params: { widgetId: org.widgetId } }),
  // `off`: whatever a mutation makes of it, the widget's chats (sampled below) keep starting without a token.
  updateWidgetAuth: () => ({ params: { widgetId: org.widgetId }, body: { mode: 'off' } }),
  updateChatWidget: () => ({
    params: { widgetId: org.widgetId },
    body: { title: 'Chat with us', workstreamId: ids.workstream },
  }),
  parkConversation: () => ({ params: { id: ids.chat }, body: {} }),
  transferOptions: () => ({ params: { id: ids.chat } }),
  transferConversation: () => ({
    params: { id: ids.chat },
    body: { kind: 'agent', agentId: zeros, note: 'over to you' },
  }),
  listTransfers: () => ({}),
  consultOptions: () => ({ params: { id: ids.chat } }),
  consultConversation: () => ({ params: { id: ids.chat }, body: { userId: zeros, note: 'a second pair of eyes' } }),
  setConsultantPermission: () => ({ params: { id: ids.chat, userId: zeros }, body: { mayMessageCustomer: true } }),
  leaveConversation: () => ({ params: { id: ids.chat }, body: {} }),
  acceptTransfer: () => ({ params: { id: zeros }, body: {} }),
  rejectTransfer: () => ({ params: { id: zeros }, body: {} }),
  listNotifications: () => ({}),
  openNotification: () => ({ params: { id: zeros }, body: {} }),
  dismissNotification: () => ({ params: { id: zeros }, body: {} }),
  listNotificationTemplates: () => ({}),
  saveNotificationTemplate: () => ({
    params: { scenario: 'incoming-sms' },
    body: {
      kind: 'alert',
      titles: { nl: 'Sms!' },
      fields: ['customerName'],
      timeoutSeconds: 20,
      autoAccept: false,
      theme: 'dark',
    },
  }),
  resumeConversation: () => ({ params: { id: ids.chat }, body: {} }),
  reopenConversation: () => ({ params: { id: ids.chat }, body: {} }),
  listTemplates: () => ({}),
  createTemplate: () => ({ body: { name: 'Ready 2', bodies: { en: 'Hi {customerName}, it is ready.' } } }),
  updateTemplate: () => ({ params: { id: ids.template }, body: { name: 'Ready', bodies: { nl: 'Het ligt klaar.' } } }),
  deleteTemplate: () => ({ params: { id: zeros } }),
  listOutboundChannels: () => ({}),
  listAutomatedMessages: () => ({}),
  saveAutomatedMessage: () => ({
    params: { channel: 'sms', trigger: 'queued' },
    body: { enabled: true, bodies: { en: 'Hi {customerName}, you are next.' } },
  }),
  startOutbound: () => ({
    body: {
      channelId: ids.channel,
      templateId: ids.template,
      language: 'en',
      recipients: { kind: 'numbers', numbers: ['not a number'] },
    },
  }),
  getOutbound: () => ({ params: { id: ids.job } }),
  listChannels: () => ({}),
  createChannel: () => ({ body: channelBody('SMS 2') }),
  updateChannel: () => ({ params: { id: ids.channel }, body: channelBody('SMS') }),
  deleteChannel: () => ({ params: { id: zeros } }),
  validateChannelKey: () => ({ params: { id: ids.channel }, body: { phoneNumber: '31612345678' } }),
  listOutbox: () => ({ query: { status: 'dead' } }),
  retryOutbox: () => ({ params: { id: zeros }, body: {} }),
  listAgents: () => ({}),
  updateAgentRouting: () => ({
    params: { id: org.user('cat').id },
    body: {
      capacity: 2,
      queueIds: [org.queueId('Sales')],
      skills: [{ skillId: ids.skill, proficiency: 5 }],
      capacityProfiles: [{ profileId: ids.profile, customLimit: 2 }],
    },
  }),
  getRoutingSettings: () => ({}),
  updateRoutingSettings: () => ({
    body: {
      defaultPresence: 'available',
      idleMinutes: 15,
      missedOfferMakesInactive: false,
      rejectMakesDoNotDisturb: false,
    },
  }),
  exportConfig: () => ({}),
  importConfig: () => ({ body: structuredClone(exported) }),
  getRoutingTrace: () => ({ params: { id: ids.chat } }),
  listOngoing: () => ({ query: { state: 'active', channel: 'webchat', sort: 'wait', direction: 'asc', limit: 20 } }),
  searchAgents: () => ({ query: { search: 'ann', limit: 5 } }),
  runReport: () => ({
    body: {
      from: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString(),
      to: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
      bucket: 'hour',
      dimensions: ['queue'],
      measures: ['conversationsIn'],
    },
  }),
  insightsLive: () => ({}),
  getReportSettings: () => ({}),
  updateReportSettings: () => ({ body: { timeZone: 'UTC' } }),
  staffingEstimate: () => ({
    query: {
      from: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000).toISOString(),
      to: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString(),
    },
  }),
  monitorConversation: () => ({ params: { id: ids.chat }, body: {} }),
  stopMonitoring: () => ({ params: { id: ids.chat }, body: {} }),
  joinConversation: () => ({ params: { id: ids.chat }, body: {} }),
  // Not the shared chat: a force close that went through would end it for the routes after.
  forceClose: () => ({ params: { id: zeros }, body: {} }),
  assignOptions: () => ({ params: { id: ids.chat } }),
  supervisorTransferOptions: () => ({ params: { id: ids.chat } }),
  supervisorTransfer: () => ({ params: { id: ids.chat }, body: { agentId: zeros, note: '' } }),
  // An agent that is no one: a valid assignment would take the shared chat away from the routes after.
  assignConversation: () => ({ params: { id: ids.chat }, body: { kind: 'agent', agentId: zeros, override: true } }),
  getSupervisorSwitches: () => ({}),
  getSentimentSetting: () => ({}),
  listUsers: () => ({}),
  createUser: () => ({
    body: { name: 'Hostile', email: `h-${crypto.randomUUID()}@x.example`, role: 'agent', password: 'long enough' },
  }),
  updateUser: () => ({
    params: { id: zeros },
    body: { name: 'Nobody', email: 'nobody@x.example', role: 'agent', disabled: false },
  }),
  listApiClients: () => ({}),
  createApiClient: () => ({ body: { name: 'Hostile CRM', keyName: 'first' } }),
  updateApiClient: () => ({ params: { id: ids.apiClient }, body: { name: 'CRM sync', disabled: false } }),
  listApiKeys: () => ({ params: { id: ids.apiClient } }),
  createApiKey: () => ({ params: { id: ids.apiClient }, body: { name: 'another key' } }),
  // No key: a valid revoke of the client's own key would be a 2xx that only changes its own row.
  revokeApiKey: () => ({ params: { id: zeros }, body: {} }),
  updateSentimentSetting: () => ({ body: { enabled: true } }),
  updateSupervisorSwitches: () => ({ body: { monitor: true, assign: true, transfer: true, 'force-close': true } }),
  listPickable: () => ({ query: { limit: 10 } }),
  pickConversation: () => ({ params: { id: ids.waiting }, body: {} }),
  listQuickReplies: () => ({}),
  createQuickReply: () => ({ body: { title: 'Thanks 2', bodies: { en: 'Thanks {customerName}.' } } }),
  updateQuickReply: () => ({
    params: { id: ids.ownReply },
    body: { title: 'Thanks', bodies: { nl: 'Bedankt, {customerName}.', fr: 'Merci.' } },
  }),
  deleteQuickReply: () => ({ params: { id: zeros } }),
  createOrgQuickReply: () => ({ body: { title: 'Hello 2', bodies: { en: 'Hi, {agentName} of {queue} here.' } } }),
  updateOrgQuickReply: () => ({
    params: { id: ids.orgReply },
    body: { title: 'Hello', bodies: { fr: 'Bonjour {customerName}.' } },
  }),
  deleteOrgQuickReply: () => ({ params: { id: zeros } }),
  // AG7, AG8: the shared macro only searches knowledge, so a run that goes through writes only its timeline row.
  listMacros: () => ({}),
  createMacro: () => ({ body: macroBody() }),
  updateMacro: () => ({ params: { id: ids.macro }, body: macroBody() }),
  deleteMacro: () => ({ params: { id: zeros } }),
  listAgentMacros: () => ({}),
  runMacro: () => ({ params: { id: ids.chat, macroId: ids.macro }, body: { scriptId: ids.script, stepId: 'run' } }),
  listScripts: () => ({}),
  createScript: () => ({ body: scriptBody() }),
  updateScript: () => ({ params: { id: ids.script }, body: scriptBody() }),
  deleteScript: () => ({ params: { id: zeros } }),
  getConversationScript: () => ({ params: { id: ids.chat } }),
  markScriptStep: () => ({ params: { id: ids.chat, stepId: 'greet' }, body: { scriptId: ids.script } }),
  // AG9: unpublish and delete aim at no article, so one that went through leaves the shared one for the rest.
  listKnowledgeArticles: () => ({ query: { language: 'en', status: 'published', limit: 10 } }),
  getKnowledgeArticleDraft: () => ({ params: { id: ids.article } }),
  createKnowledgeArticle: () => ({
    body: { language: 'fr', title: 'Factures', keywords: 'facture paiement', body: 'Où trouver vos factures.' },
  }),
  updateKnowledgeArticle: () => ({
    params: { id: ids.article },
    body: { language: 'en', title: 'Invoices', keywords: 'billing', body: 'Where your invoices are.' },
  }),
  publishKnowledgeArticle: () => ({ params: { id: ids.article }, body: {} }),
  unpublishKnowledgeArticle: () => ({ params: { id: zeros }, body: {} }),
  deleteKnowledgeArticle: () => ({ params: { id: zeros } }),
  searchKnowledge: () => ({ query: { q: 'invoices "billing page"', language: 'en', limit: 5 } }),
  getKnowledgeArticle: () => ({ params: { id: ids.article } }),
  // AG9, CV4, AG6: records. Links and notes aim at the accepted chat and the shared records.
  listContacts: () => ({ query: { q: 'eve', limit: 10 } }),
  getContact: () => ({ params: { id: ids.contact } }),
  createContact: () => ({
    body: { name: 'Olga Jansen', email: 'olga@x.example', mobilePhone: '+31 6 12345678', relationshipType: 'customer' },
  }),
  updateContact: () => ({ params: { id: ids.contact }, body: { jobTitle: 'Buyer', preferredContactMethod: 'email' } }),
  contactTimeline: () => ({ params: { id: ids.contact }, query: { kinds: 'note,case', limit: 10 } }),
  listAccounts: () => ({ query: { q: 'acme', limit: 10 } }),
  getAccount: () => ({ params: { id: ids.account } }),
  createAccount: () => ({ body: { name: 'Globex', city: 'Lyon', category: 'Retail' } }),
  updateAccount: () => ({ params: { id: ids.account }, body: { mainPhone: '+33 1 23 45 67 89' } }),
  accountTimeline: () => ({ params: { id: ids.account }, query: { kinds: 'conversation', limit: 10 } }),
  listCases: () => ({ query: { q: 'CAS-01001', status: 'active', limit: 10 } }),
  getCase: () => ({ params: { id: ids.kase } }),
  createCase: () => ({ body: { title: 'Broken printer', priority: 'high', contactId: ids.contact } }),
  updateCase: () => ({ params: { id: ids.kase }, body: { product: 'X200', priority: 'low' } }),
  createNote: () => ({ body: { recordType: 'contact', recordId: ids.contact, body: 'Prefers mornings' } }),
  getConversationLinks: () => ({ params: { id: ids.chat } }),
  linkContact: () => ({ params: { id: ids.chat }, body: { contactId: ids.contact } }),
  unlinkContact: () => ({ params: { id: zeros } }),
  linkAccount: () => ({ params: { id: ids.chat }, body: { accountId: ids.account } }),
  unlinkAccount: () => ({ params: { id: zeros } }),
  linkCase: () => ({ params: { id: ids.chat }, body: { caseId: ids.kase } }),
  unlinkCase: () => ({ params: { id: zeros } }),
  customerSummary: () => ({ params: { id: ids.chat } }),
  importRecords: () => ({ body: { kind: 'contacts', csv: 'name,email\nPia,pia@x.example\n', firstLine: 2 } }),
  listDispositionCodes: () => ({}),
  createDispositionCode: () => ({ body: { name: 'Escalated', active: true } }),
  updateDispositionCode: () => ({ params: { id: ids.code }, body: { name: 'Resolved', active: true } }),
  deleteDispositionCode: () => ({ params: { id: zeros } }),
  saveWrapUp: () => ({ params: { id: ids.chat }, body: { dispositionCodeId: ids.code, note: 'Refund promised' } }),
  // Uploads take the file as the body: with no body the sample is an empty file, refused; mutations hit the name.
  uploadAttachment: () => ({ params: { id: ids.chat }, query: { name: 'order.txt' } }),
  visitorUpload: () => ({ params: { id: ids.chat }, query: { name: 'receipt.txt' } }),
  downloadAttachment: () => ({ params: { id: zeros } }),
  visitorDownload: () => ({ params: { id: ids.chat, attachmentId: zeros } }),
  getWidgetSettings: () => ({ params: { widgetId: org.widgetId } }),
  updateWidgetSettings: () => ({
    params: { widgetId: org.widgetId },
    body: {
      appearance: { primaryColor: '#0f6cbd', logoUrl: 'https://cdn.example/logo.png', theme: 'dark' },
      prechat: {
        questions: [
          {
            id: 'topic',
            kind: 'option-set',
            required: true,
            label: { en: 'Topic', nl: 'Onderwerp', fr: 'Sujet' },
            variable: 'topic',
            options: ['Billing', 'Orders'],
          },
        ],
        identification: [{ field: 'contact-email', answer: 'email' }],
      },
      postChat: { enabled: true },
      operatingHoursId: null,
    },
  }),
  leaveOfflineMessage: () => ({
    params: { widgetId: org.widgetId },
    body: { name: 'Olga', email: 'olga@x.example', message: 'Call me back please', locale: 'nl' },
  }),
  visitorSurvey: () => ({ params: { id: ids.chat }, body: { rating: 4, comment: 'Quick and kind' } }),
  visitorTranscript: () => ({ params: { id: ids.chat } }),
  getAttachmentSettings: () => ({}),
  updateAttachmentSettings: () => ({ body: { maxBytes: 5_242_880, types: ['image/png', 'text/plain'] } }),
};

// ---- Hostile values ----

const ANY_UTF16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const hostileString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfff',
      '\ud83d',
      '\u001b[2J',
      '\u0007\u0008',
      '\u007f',
      '\u2028\u2029',
      '\ufeff',
      '\u202eRTL',
    ),
  },
  fc.constantFrom(
    '',
    ' ',
    '\t\n\r',
    '%00',
    '%',
    '%zz',
    '..',
    "'; drop table users; --",
    '${7*7}',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
  ),
  fc.constantFrom('x'.repeat(100_000), 'é'.repeat(40_000), '😀'.repeat(20_000), 'a'.repeat(1001), 'a'.repeat(65)),
  ANY_UTF16,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(
    2_147_483_648,
    2_147_483_647,
    -2_147_483_649,
    -1,
    0,
    -0,
    0.5,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    1e-9,
    9_999_999_999,
  ),
  fc.double(),
  fc.integer(),
);
const withKey = (key: string, value: unknown) =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [{}]) },
  // Described here and written out as text (see toJson): deep values break recursive printers.
  { weight: 1, arbitrary: fc.record({ nestedDepth: fc.constantFrom(7, 1000, 100_000), asCondition: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('__proto__', 'constructor')
      .map((k) => withKey(k, k === 'constructor' ? { prototype: { polluted: true } } : { polluted: true })),
  },
  { weight: 1, arbitrary: fc.array(hostileNumber, { minLength: 1000, maxLength: 1000 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'sneaky', '', 'a\u0000', '\ud800', 'x'.repeat(500)),
  fc.string({ maxLength: 10 }),
);
const hostileQuery = fc.oneof(
  fc.constantFrom(
    '2147483648',
    '2147483647',
    '-1',
    '1e400',
    '-1e400',
    'NaN',
    'Infinity',
    '0x10',
    '1.5',
    ' ',
    '',
    '9'.repeat(400),
    'all',
    'closed',
  ),
  hostileString.map((s) => s.slice(0, 2000)),
  fc.array(fc.constantFrom('1', 'x'), { minLength: 2, maxLength: 3 }),
);
const hostileParam = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    zeros,
    '00000000-0000-0000-0000-000000000000',
    'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
    '%00',
    '%zz',
    '%',
    '..',
    'a'.repeat(2000),
    'UPPER-CASE',
    '-',
    'ab',
  ),
  hostileString.map((s) => s.slice(0, 2000)),
);

// ---- Mutations: where they land is a seed, resolved against the request when it runs ----

type Mutation =
  | { kind: 'string-leaf'; at: number; text: string; append: boolean }
  | { kind: 'number-leaf'; at: number; value: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'remove-key'; at: number }
  | { kind: 'append'; at: number; text: string }
  | { kind: 'wrap-in-array'; at: number }
  | { kind: 'param'; at: number; value: string }
  | { kind: 'query'; at: number; key: string | null; value: unknown }
  | { kind: 'raw-body'; text: string; contentType: string };

const seed = fc.nat();
// Type-keeping mutations (a string for a string, a number for a number) are the likeliest to pass the
// rest of the schema and reach the database, where NUL and out-of-range numbers once broke.
const leafMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('string-leaf' as const),
      at: seed,
      text: hostileString,
      append: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('number-leaf' as const), at: seed, value: hostileNumber }) },
);
const bodyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: leafMutation },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: seed, value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add-key' as const), at: seed, key: hostileKey, value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-key' as const), at: seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('append' as const), at: seed, text: hostileString }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap-in-array' as const), at: seed }) },
);
const paramMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('param' as const),
  at: seed,
  value: hostileParam,
});
const queryMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('query' as const),
  at: seed,
  key: fc.option(fc.constantFrom('after', 'scope', 'x', '__proto__', 'cursor', 'limit'), { nil: null }),
  value: hostileQuery,
});
const rawBody: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('raw-body' as const),
  text: fc.constantFrom(
    '{"text": ',
    '[',
    '{}}',
    'null',
    '"text"',
    '12',
    '\u0000',
    '{"a":1,"a":2}',
    '',
    ' ',
    '{"__proto__":{"x":1}}',
    '['.repeat(50_000),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
  ),
});
/** The first mutation always lands on a part the route sends; more may follow anywhere. */
const plan = fc.record({
  first: fc.oneof(
    { weight: 6, arbitrary: leafMutation },
    { weight: 2, arbitrary: bodyMutation },
    { weight: 1, arbitrary: paramMutation },
    { weight: 1, arbitrary: queryMutation },
    { weight: 1, arbitrary: rawBody },
  ),
  // Mostly one mutation: a request broken in one place gets furthest into the server.
  more: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Mutation[]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(bodyMutation, paramMutation, queryMutation), { minLength: 1, maxLength: 2 }),
    },
  ),
});

type Node = { parent: unknown; key: string | number | null; value: unknown };
/** Every node of a JSON value, the root first, walked with a stack (values may be deep). */
function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ parent: null, key: null, value: root }];
  for (let n = stack.pop(); n; n = stack.pop()) {
    out.push(n);
    if (out.length > 2000) break;
    if (Array.isArray(n.value)) n.value.forEach((v, i) => stack.push({ parent: n!.value, key: i, value: v }));
    else if (n.value && typeof n.value === 'object')
      for (const k of Object.keys(n.value))
        stack.push({ parent: n.value, key: k, value: (n.value as Record<string, unknown>)[k] });
  }
  return out;
}

function setAt(holder: { body: unknown }, node: Node, value: unknown) {
  if (node.parent === null) holder.body = value;
  else if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
  else
    Object.defineProperty(node.parent, node.key as string, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));

type Built = { method: string; url: string; body?: string; contentType?: string };

/** The request a plan makes of a route: its sample, with each mutation applied. */
function build(name: RouteName, p: { first: Mutation; more: Mutation[] }): Built {
  const def = routes[name] as { method: string; path: string; body?: unknown; params?: unknown; query?: unknown };
  const sample = samples[name]!();
  const holder = { body: sample.body === undefined ? undefined : (JSON.parse(JSON.stringify(sample.body)) as unknown) };
  const params = { ...sample.params };
  const query: Record<string, unknown> = { ...sample.query };
  let raw: { text: string; contentType: string } | undefined;
  const sends = { body: def.body !== undefined, params: Object.keys(params).length > 0 };
  // The first mutation lands on something the route takes, so the request is not simply the sample.
  const fitted = (m: Mutation): Mutation => {
    if (m.kind === 'param' && !sends.params)
      return sends.body
        ? { kind: 'replace', at: m.at, value: m.value }
        : { kind: 'query', at: m.at, key: 'x', value: m.value };
    if (m.kind === 'raw-body' && !sends.body)
      return sends.params ? { kind: 'param', at: 0, value: m.text } : { kind: 'query', at: 0, key: 'x', value: m.text };
    if (m.kind !== 'param' && m.kind !== 'query' && m.kind !== 'raw-body' && !sends.body) {
      const value =
        m.kind === 'string-leaf'
          ? m.text
          : m.kind === 'replace' || m.kind === 'add-key' || m.kind === 'number-leaf'
            ? m.value
            : 'x';
      return sends.params
        ? { kind: 'param', at: m.at, value: asText(value) }
        : { kind: 'query', at: m.at, key: 'x', value };
    }
    if (m.kind === 'query' && def.query === undefined && (sends.body || sends.params))
      return sends.params
        ? { kind: 'param', at: m.at, value: asText(m.value) }
        : { kind: 'replace', at: m.at, value: m.value };
    if (m.kind === 'remove-key' || m.kind === 'wrap-in-array' || m.kind === 'append') {
      // These may find nothing to change (an empty body, no string): make them add a key instead.
      return { kind: 'add-key', at: m.at, key: 'extra', value: m.kind === 'append' ? m.text : 1 };
    }
    return m;
  };
  for (const m of [fitted(p.first), ...p.more]) {
    const all = holder.body === undefined ? [] : nodes(holder.body);
    switch (m.kind) {
      case 'string-leaf':
      case 'number-leaf': {
        const type = m.kind === 'string-leaf' ? 'string' : 'number';
        const leaves = all.filter((n) => typeof n.value === type);
        const target = leaves[m.at % Math.max(1, leaves.length)];
        const value =
          m.kind === 'string-leaf' ? (m.append && target ? `${target.value as string}${m.text}` : m.text) : m.value;
        // No leaf of that type (an empty body): the value goes in as an unknown key.
        if (target) setAt(holder, target, value);
        else if (all.length) {
          const root = all[0]!;
          if (root.value && typeof root.value === 'object') {
            Object.defineProperty(root.value, 'extra', { value, enumerable: true, writable: true, configurable: true });
          } else setAt(holder, root, value);
        }
        break;
      }
      case 'replace':
        if (all.length) setAt(holder, all[m.at % all.length]!, m.value);
        break;
      case 'add-key': {
        const objects = all.filter((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value));
        const target = objects[m.at % Math.max(1, objects.length)];
        const value = m.value;
        if (target)
          Object.defineProperty(target.value, m.key || 'extra', {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else if (all.length) setAt(holder, all[0]!, withKey(m.key || 'extra', value));
        break;
      }
      case 'remove-key': {
        const keyed = all.filter((n) => n.parent && !Array.isArray(n.parent));
        const target = keyed[m.at % Math.max(1, keyed.length)];
        if (target) delete (target.parent as Record<string, unknown>)[target.key as string];
        break;
      }
      case 'append': {
        const strings = all.filter((n) => typeof n.value === 'string');
        const target = strings[m.at % Math.max(1, strings.length)];
        if (target) setAt(holder, target, `${target.value as string}${m.text}`);
        break;
      }
      case 'wrap-in-array':
        if (all.length) {
          const target = all[m.at % all.length]!;
          setAt(holder, target, [target.value]);
        }
        break;
      case 'param': {
        const keys = Object.keys(params);
        if (keys.length) params[keys[m.at % keys.length]!] = m.value;
        break;
      }
      case 'query': {
        const keys = Object.keys(query);
        query[m.key ?? keys[m.at % Math.max(1, keys.length)] ?? 'x'] = m.value;
        break;
      }
      case 'raw-body':
        raw = { text: m.text, contentType: m.contentType };
        break;
    }
  }
  const path = def.path.replace(/:(\w+)/g, (_, k: string) => encodeSegment(params[k] ?? ''));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, typeof one === 'string' ? one : JSON.stringify(one));
  const url = `${path}${search.size ? `?${search}` : ''}`;
  if (raw) return { method: def.method, url, body: raw.text, contentType: raw.contentType };
  if (holder.body === undefined) return { method: def.method, url };
  return { method: def.method, url, body: toJson(holder.body), contentType: 'application/json' };
}

type Nesting = { nestedDepth: number; asCondition: boolean };
const isNesting = (v: unknown): v is Nesting =>
  typeof v === 'object' && v !== null && typeof (v as Nesting).nestedDepth === 'number';

/**
 * JSON text of a request body. A nesting description is written out as text, `depth` levels deep
 * (plain arrays, or routing conditions), because JSON.stringify recurses and would run out of stack.
 */
function toJson(body: unknown): string {
  const nests: Nesting[] = [];
  const text = JSON.stringify(body, (_k, v: unknown) => (isNesting(v) ? `@@nest${nests.push(v) - 1}@@` : v)) ?? 'null';
  return text.replace(/"@@nest(\d+)@@"/g, (_, i: string) => {
    const { nestedDepth, asCondition } = nests[Number(i)]!;
    const d = Math.max(1, nestedDepth);
    return asCondition
      ? '{"kind":"and","all":['.repeat(d - 1) + '{"kind":"always"}' + ']}'.repeat(d - 1)
      : '['.repeat(d - 1) + '1' + ']'.repeat(d - 1);
  });
}

/** A path segment as a client would send it; lone surrogates and raw escapes go out as their bytes. */
function encodeSegment(s: string): string {
  if (/^%[0-9a-z]{0,2}$|^\.\.?$/i.test(s)) return s;
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => (/[\ud800-\udfff]/.test(ch) && ch.length === 1 ? '%ED%A0%80' : encodeURIComponent(ch)))
      .join('');
  }
}

function tokenFor(name: RouteName): string | undefined {
  const def = routes[name] as { auth: string; roles?: readonly string[] };
  if (def.auth === 'public') return undefined;
  if (def.auth === 'visitor') return tokens.visitor;
  if (name === 'logout') return tokens.logout;
  return def.roles?.includes('admin') ? tokens.admin : tokens.agent;
}

const snapshot = async () => {
  await server.app.settled();
  return orgSnapshot(db.db, server.api(tokens.admin), org.orgId);
};

beforeAll(async () => {
  db = await openTestDatabase();
  // A manual clock: offers never time out and idle presences never clear while the test compares data.
  server = await startServer({ database: db, clock: manualClock(), env: { RATE_LIMITS: 'off' } });
  org = await buildOrg(db.db, {
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'sue', role: 'supervisor' },
      { key: 'cat', queues: ['Sales'], presence: 'available', capacity: 2 },
    ],
    queues: ['Support', 'Sales'],
    rules: (q) => [
      {
        name: 'sales',
        when: { kind: 'compare', field: 'prechat.question', operator: 'equals', value: 'buy' },
        queues: [{ queueId: q('Sales'), percentage: 100 }],
      },
    ],
  });
  const login = async (key: string) =>
    (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  tokens.admin = await login('ada');
  tokens.supervisor = await login('sue');
  tokens.logout = await login('sue');
  tokens.agent = await login('cat');
  const start = (question: string) =>
    server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question } },
    });
  const admin = server.api(tokens.admin);
  const agent = server.api(tokens.agent);
  const held = await start('buy');
  tokens.visitor = held.token;
  ids.chat = held.conversation.id;
  await server.app.settled();
  const [first] = (await agent.call('listOffers')).offers;
  await agent.call('acceptOffer', { params: { id: first!.id }, body: {} });
  await start('buy');
  await server.app.settled();
  ids.offer = (await agent.call('listOffers')).offers[0]!.id;
  ids.waiting = (await start('just looking')).conversation.id;
  ids.skill = (await admin.call('createSkill', { body: { name: 'French' } })).id;
  ids.profile = (
    await admin.call('createCapacityProfile', { body: { name: 'Chat', defaultLimit: 2, resetFrequency: 'immediate' } })
  ).id;
  ids.presence = (await admin.call('createPresence', { body: { name: 'Lunch', base: 'away' } })).id;
  ids.hours = (
    await admin.call('createOperatingHours', {
      body: { name: 'Office', timeZone: 'Europe/Paris', weekly: [], holidays: [] },
    })
  ).id;
  ids.workstream = (await admin.call('listWorkstreams'))[0]!.id;
  ids.channel = (await admin.call('createChannel', { body: channelBody('SMS') as never })).id;
  ids.template = (await admin.call('createTemplate', { body: { name: 'Ready', bodies: { en: 'It is ready.' } } })).id;
  const job = { channelId: ids.channel, templateId: ids.template, language: 'en' as const };
  ids.job = (
    await admin.call('startOutbound', { body: { ...job, recipients: { kind: 'numbers', numbers: ['x'] } } })
  ).id;
  const reply = { title: 'Hello', bodies: { en: 'Hello {customerName}.' } };
  ids.orgReply = (await admin.call('createOrgQuickReply', { body: reply })).id;
  ids.ownReply = (await agent.call('createQuickReply', { body: { ...reply, title: 'Thanks' } })).id;
  ids.code = (await admin.call('createDispositionCode', { body: { name: 'Resolved' } })).id;
  const kb = { language: 'en' as const, title: 'Invoices', body: 'On the billing page.' };
  ids.article = (await admin.call('createKnowledgeArticle', { body: kb })).id;
  await admin.call('publishKnowledgeArticle', { params: { id: ids.article }, body: {} });
  ids.apiClient = (await admin.call('createApiClient', { body: { name: 'CRM sync', keyName: 'first' } })).client.id;
  ids.account = (await admin.call('createAccount', { body: { name: 'Acme' } })).id;
  const contactBody = { name: 'Eve', email: 'eve@x.example', accountId: ids.account };
  ids.contact = (await admin.call('createContact', { body: contactBody })).id;
  ids.kase = (await admin.call('createCase', { body: { title: 'Invoice missing', contactId: ids.contact } })).id;
  ids.macro = (await admin.call('createMacro', { body: macroBody() as never })).id;
  ids.script = (await admin.call('createScript', { body: scriptBody() as never })).id;
  exported = await admin.call('exportConfig');
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe('no input gives a 5xx (X3)', () => {
  it('has a sample request for every route of the protocol table', () => {
    const missing = Object.keys(routes).filter((name) => !(name in samples));
    expect(missing, 'add a valid-ish sample for these routes to hostile-input.property.test.ts').toEqual([]);
  });

  let before: string | undefined;
  for (const name of Object.keys(routes) as RouteName[]) {
    it(`${name}: hostile requests get a 4xx with a clear body and change nothing`, async () => {
      if (!samples[name]) throw new Error(`no sample for route ${name}`);
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          const req = build(name, p);
          before ??= await snapshot();
          const headers: Record<string, string> = {};
          const token = tokenFor(name);
          if (token) headers.authorization = `Bearer ${token}`;
          if (req.contentType) headers['content-type'] = req.contentType;
          const res = await fetch(`${server.url}${req.url}`, { method: req.method, headers, body: req.body });
          const text = await res.text();
          const sent = `${req.method} ${req.url.slice(0, 300)} ${req.body?.slice(0, 300) ?? ''}`;
          const shown = `${sent} -> ${res.status} ${text.slice(0, 500)}`;
          expect(res.status, shown).toBeLessThan(500);
          if (res.status < 400) {
            before = undefined; // a 2xx may change data: the next request compares with a fresh snapshot
            return;
          }
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            throw new Error(`a ${res.status} without a JSON body: ${shown}`);
          }
          expect(body, shown).toMatchObject({
            statusCode: res.status,
            error: expect.any(String),
            message: expect.stringMatching(/\S/),
          });
          const after = await snapshot();
          expect(after === before, `data changed: ${shown}`).toBe(true);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  }
});

// Socket events a client sends are input too: each gets a sample here, broken the same ways. A
// refusal is an acknowledgement `{ ok: false, message }` that changes nothing; the socket stays up.
const socketSamples: Record<string, () => Record<string, unknown>> = {
  [SocketEvents.ongoingSubscribe]: () => ({
    queueId: org.queueId('Sales'),
    state: 'open',
    sort: 'wait',
    direction: 'asc',
  }),
};
const socketPayload = fc.oneof(
  { weight: 1, arbitrary: hostileValue },
  {
    weight: 3,
    arbitrary: fc.record({
      key: fc.oneof(fc.constantFrom('queueId', 'channel', 'state', 'agentId', 'sort', 'direction'), hostileKey),
      value: hostileValue,
    }),
  },
);

describe('no socket event a client sends breaks the server (X3)', () => {
  for (const [event, sample] of Object.entries(socketSamples)) {
    it(`${event}: hostile payloads are refused in the acknowledgement and change nothing`, async () => {
      const socket = connectSocket(server.url, tokens.supervisor);
      await socket.ready;
      try {
        const before = await snapshot();
        await fc.assert(
          fc.asyncProperty(socketPayload, async (p) => {
            const payload =
              p && typeof p === 'object' && 'key' in p && 'value' in p
                ? Object.defineProperty(sample(), String(p.key) || 'extra', { value: p.value, enumerable: true })
                : p;
            const answer = (await socket.socket.timeout(5000).emitWithAck(event, payload)) as unknown;
            expect(answer, JSON.stringify(payload)?.slice(0, 300)).toSatisfy(
              (a: { ok?: unknown; message?: unknown }) =>
                a?.ok === true || (a?.ok === false && typeof a.message === 'string' && /\S/.test(a.message)),
            );
            expect(socket.socket.connected).toBe(true);
          }),
          { numRuns: RUNS_PER_ROUTE * 10 },
        );
        expect(await snapshot()).toBe(before);
      } finally {
        socket.close();
      }
    });
  }
});
