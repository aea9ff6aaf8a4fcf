import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { createTokenIssuer } from './auth/tokens.js';
import type { Config } from './config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { ONGOING_STATES } from './domain/conversation/lifecycle.js';
import { installErrorHandling } from './http/errors.js';
import { installJsonBody } from './http/json-body.js';
import { identityOf } from './http/mount.js';
import { createLogger, installRequestLog, requestLogOptions, withRedaction } from './http/request-log.js';
import { adminRoutes } from './http/routes/admin-routes.js';
import { authRoutes } from './http/routes/auth-routes.js';
import { conversationRoutes } from './http/routes/conversation-routes.js';
import { transferRoutes } from './http/routes/transfer-routes.js';
import { workspaceRoutes } from './http/routes/workspace-routes.js';
import { notificationRoutes } from './http/routes/notification-routes.js';
import { attachmentRoutes } from './http/routes/attachment-routes.js';
import { createAttachmentService, type AttachmentService } from './services/attachments.js';
import type { FileStore } from './files/file-store.js';
import { openFileStore } from './files/open-file-store.js';
import { healthRoutes } from './http/routes/health-routes.js';
import { widgetRoutes } from './http/routes/widget-routes.js';
import { installCors } from './http/cors.js';
import { createOriginPolicy } from './http/origins.js';
import { installRateLimits } from './http/rate-limits.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { serveApps } from './http/static-apps.js';
import { startTimers } from './jobs/timers.js';
import { createMetrics, metricsRoute } from './observability/metrics.js';
import { createRealtime, type Realtime } from './realtime/socket-server.js';
import { createTypingService } from './services/typing.js';
import { createAdminConfigService } from './services/admin-config.js';
import { createChatWidgetService } from './services/chat-widgets.js';
import { createEventBus } from './services/bus.js';
import { createConversationService, type ConversationService } from './services/conversations.js';
import { createWidgetAuthService } from './services/widget-auth.js';
import { createSiteTokenVerifier } from './auth/site-tokens.js';
import { widgetAuthRoutes } from './http/routes/widget-auth-routes.js';
import { createOfferService, type OfferService } from './services/offers.js';
import { createNotificationService, type NotificationService } from './services/notifications.js';
import { createTransferService, type TransferService } from './services/transfers.js';
import { createWorkspaceService } from './services/workspaces.js';
import { createConsultService } from './services/consults.js';
import { createCallbackService, type CallbackService } from './services/callbacks.js';
import { createJourneyService } from './services/journey.js';
import { createResumeLinks } from './services/resume-links.js';
import { journeyRoutes } from './http/routes/journey-routes.js';
import { noGeoLocator, openGeoLocator } from './visitor/geo.js';
import type { StaffIdentity } from './services/identity.js';
import { conversationKit } from './services/conversation-kit.js';
import { createPickService } from './services/pick.js';
import { createAgentHome } from './services/agent-home.js';
import { createSupervisionService } from './services/supervision.js';
import { createAccountService } from './services/accounts.js';
import { accountRoutes } from './http/routes/account-routes.js';
import { apiClientRoutes } from './http/routes/api-client-routes.js';
import { createApiClientService } from './services/api-clients.js';
import { createApiKeyAuth } from './services/api-key-auth.js';
import { createSentimentFollower } from './services/sentiment-follower.js';
import { createMultilangAnalyzer } from './sentiment/multilang-analyzer.js';
import { createSupervisorAssign } from './services/supervisor-assign.js';
import { supervisionRoutes } from './http/routes/supervision-routes.js';
import { insightsRoutes } from './http/routes/insights-routes.js';
import { createInsightsService } from './services/insights.js';
import { createInsightsProjector } from './services/insights-projector.js';
import { createPresenceService, type PresenceService } from './services/presence.js';
import { createRoutingEngine, type RoutingEngine } from './services/routing-engine.js';
import { listConversations } from './store/conversations.js';
import { consultingIds } from './store/participants.js';
import { openDatabase, refreshStatistics, type Database } from './store/db.js';
import { openOrganisations } from './store/routing.js';
import { getOrCreateSecret } from './store/settings.js';
import { loadSecretBox } from './security/secrets.js';
import { createStaffSessions } from './services/staff-sessions.js';
import { publicUrl } from './config.js';
import { channelRoutes } from './http/routes/channel-routes.js';
import { webhookRoutes } from './http/routes/webhook-routes.js';
import { outboundRoutes } from './http/routes/outbound-routes.js';
import { quickReplyRoutes } from './http/routes/quick-reply-routes.js';
import { knowledgeRoutes } from './http/routes/knowledge-routes.js';
import { recordRoutes } from './http/routes/record-routes.js';
import { createRecordsService } from './services/records/index.js';
import { createKnowledgeService } from './services/records/knowledge.js';
import { macroRoutes } from './http/routes/macro-routes.js';
import { createMacroService } from './services/macros/macros.js';
import { createMacroRunner } from './services/macros/run-macro.js';
import { createScriptService } from './services/scripts.js';
import { wrapUpRoutes } from './http/routes/wrap-up-routes.js';
import { widgetSettingsRoutes } from './http/routes/widget-settings-routes.js';
import { createWidgetSettingsService } from './services/widget-settings.js';
import { createOutboundService } from './services/outbound.js';
import { createQuickReplyService } from './services/quick-replies.js';
import { createWrapUpService } from './services/wrap-up.js';
import { createAutomatedMessageSettings } from './services/automated-message-settings.js';
import { createChannelInbound } from './services/channel-inbound.js';
import { createChannelService, type ChannelService } from './services/channels.js';
import { installDemoPhone } from './demo/phone.js';
import { demoOrgId } from './demo/seed-channels.js';
import { createOutbox, type Outbox } from './services/outbox.js';

export type App = {
  http: FastifyInstance;
  realtime: Realtime;
  database: Database;
  routing: RoutingEngine;
  conversations: ConversationService;
  offers: OfferService;
  notifications: NotificationService;
  transfers: TransferService;
  attachments: AttachmentService;
  callbacks: CallbackService;
  presence: PresenceService;
  outbox: Outbox;
  channels: ChannelService;
  /** Resolves once routing triggered so far has settled on this node. */
  settled(): Promise<void>;
  listen(): Promise<string>;
  close(): Promise<void>;
};

/** The composition root: config -> store -> services -> http and realtime -> jobs. */
export async function createApp(
  config: Config,
  opts: { clock?: Clock; log?: Logger; database?: Database; files?: FileStore } = {},
): Promise<App> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ? withRedaction(opts.log) : createLogger(config.LOG_LEVEL);
  const database =
    opts.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const { db } = database;
  // Secrets at rest are sealed (X3); staff tokens name a session checked on every request.
  const {
    SECRET_KEY: secretKey,
    SECRET_KEY_PREVIOUS: previousKey,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
  } = config;
  const secrets = await loadSecretBox({ secretKey, previousKey, dataDir, databaseUrl });
  // Statements that many requests share (`store/coalesce.ts`): the embedded database runs one at a time.
  const inFlight = database.kind === 'embedded' ? 1 : 2;
  const sessions = createStaffSessions({ db, clock, inFlight });
  const jwtSecret = config.JWT_SECRET ?? (await getOrCreateSecret(db, 'jwt_secret', secrets));
  // API clients' keys (AD1) are checked on every request too, beside the tokens.
  const onTouchFailed = (err: unknown) => log.warn({ msg: 'recording an API key use failed', err });
  const apiKeys = createApiKeyAuth({ db, clock, inFlight, onTouchFailed });
  const tokens = createTokenIssuer(jwtSecret, sessions.check, clock, apiKeys);

  const bus = createEventBus((err) => log.error({ msg: 'event listener failed', err }));
  // Routing is triggered by many services; it is created after them, so they get a late-bound trigger.
  const onRoutable = (orgId: string) => void routing.dispatch(orgId);
  const presence = createPresenceService({ db, clock, bus, onRoutable });
  // Sockets are counted once realtime exists; the metrics read them on scrape.
  const metrics = createMetrics({ database, clock, sockets: () => socketKinds() });
  const routing = createRoutingEngine({
    db,
    clock,
    log,
    bus,
    presence,
    defaultOfferTimeoutSeconds: config.OFFER_TIMEOUT_SECONDS,
    onDecision: metrics.observeRoutingDecision,
  });
  // One analyzer (SV8): the follower scores each message; supervisors' reads score each customer message.
  const analyzer = createMultilangAnalyzer();
  // CH1, CH5: a widget that requires sign-in checks the site's JWT (keys from a key URL cached per URL).
  const widgetAuth = createWidgetAuthService({ db, clock, verifier: createSiteTokenVerifier() });
  const conversations = createConversationService({
    db,
    clock,
    bus,
    presence,
    onRoutable,
    inFlight,
    analyzer,
    widgetAuth,
  });
  // Channels (CH5): the public URL is where providers post; until a PUBLIC_URL is set, the address we listen on.
  let listeningAt = publicUrl(config);
  const baseUrl = () => config.PUBLIC_URL ?? listeningAt;
  const channels = createChannelService({ db, clock, secrets, publicUrl: baseUrl });
  const outbox = createOutbox({ db, clock, bus, secrets, publicUrl: baseUrl });
  const inbound = createChannelInbound({
    db,
    clock,
    bus,
    secrets,
    outbox,
    onRoutable,
    onRefused: (provider) => metrics.webhookRefused(provider),
  });
  const offers = createOfferService({ db, clock, bus, presence, onRoutable });
  const notifications = createNotificationService({ db, clock, bus });
  const kit = {
    ...conversationKit({ db, clock, bus, presence, onRoutable }),
    defaultOfferTimeoutSeconds: config.OFFER_TIMEOUT_SECONDS,
  };
  const consults = createConsultService(kit);
  const callbacks = createCallbackService(kit);
  // CH1: the visitor's journey and details; the location database is opened once, here.
  const geo = await openGeoLocator().catch((err: unknown) => {
    log.warn({ msg: 'no IP location database: visitor locations stay empty', err });
    return noGeoLocator;
  });
  const mayRead = async (who: StaffIdentity, c: { id: string; agentId: string | null }) =>
    kit.guard(db, who, c, 'read');
  const journey = createJourneyService({ db, clock, geo, mayRead });
  const resume = createResumeLinks({
    db,
    clock,
    secret: jwtSecret,
    tokens,
    visitorView: (orgId, conversationId) =>
      conversations.visitorView({ kind: 'visitor', orgId, conversationId, name: '' }),
  });
  const transfers = createTransferService({ ...kit, consults });
  const admin = createAdminConfigService({ db, onChanged: onRoutable });
  const pick = createPickService({ db, clock, bus, presence });
  // Attachment bytes (AG4): the data folder, or S3 when ATTACHMENT_STORE=s3.
  const files = opts.files ?? openFileStore(config);
  const attachments = createAttachmentService({ db, clock, files, partOf: kit.partOf });

  // One line per request at info (X4), tagged so the routing log can be read without them.
  const httpLog = log.child({ component: 'http' });
  const http = Fastify({
    loggerInstance: httpLog as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    trustProxy: config.TRUST_PROXY,
    ...requestLogOptions(),
  });
  installRequestLog(http, metrics.observeHttp);
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandling(http);
  installJsonBody(http);
  const origins = createOriginPolicy({ db, tokens, publicUrl: config.PUBLIC_URL });
  await installSecurityHeaders(http, origins);
  await installCors(http, origins);
  await installRateLimits(http, config);
  await http.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Switchboard API',
        version: '0.1.0',
        description: 'REST commands and queries; events arrive over Socket.IO at /socket.io.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/docs' });
  healthRoutes(http, { db });
  metricsRoute(http, metrics, config.METRICS_TOKEN);
  // Realtime is created below; a sign-out can only come once the server listens.
  authRoutes(http, { db, tokens, presence, sessions, onSignedOut: (sessionId) => realtime.endSession(sessionId) });
  conversationRoutes(http, { db, tokens, conversations, offers, pick, clock });
  transferRoutes(http, { tokens, transfers, consults });
  const supervision = createSupervisionService({ db, clock });
  supervisionRoutes(http, {
    tokens,
    supervision,
    conversations,
    assign: createSupervisorAssign(kit),
    db,
    transfers,
  });
  insightsRoutes(http, { tokens, insights: createInsightsService({ db, clock }) });
  workspaceRoutes(http, {
    tokens,
    workspaces: createWorkspaceService({ db, clock, bus }),
    home: createAgentHome({ db, clock }),
  });
  notificationRoutes(http, { tokens, notifications });
  attachmentRoutes(http, { tokens, attachments });
  // CH1: widget settings; a survey after the close re-folds the conversation into the reports (SV9).
  const widgetSettings = createWidgetSettingsService({ db, clock, onSurveyAfterClose: () => insights.kick() });
  widgetSettingsRoutes(http, { tokens, settings: widgetSettings, conversations });
  widgetRoutes(http, { db, tokens, conversations, callbacks, journey });
  journeyRoutes(http, { tokens, journey, resume });
  adminRoutes(http, { tokens, admin, widgets: createChatWidgetService({ db }), clock });
  accountRoutes(http, { tokens, accounts: createAccountService({ db, clock }) });
  widgetAuthRoutes(http, { tokens, widgetAuth });
  apiClientRoutes(http, { tokens, apiClients: createApiClientService({ db, clock }) });
  channelRoutes(http, { tokens, channels, outbox });
  outboundRoutes(http, {
    tokens,
    outbound: createOutboundService({ db, clock, onQueued: () => outbox.poke() }),
    automated: createAutomatedMessageSettings({ db, clock }),
  });
  quickReplyRoutes(http, { tokens, quickReplies: createQuickReplyService({ db, clock }) });
  knowledgeRoutes(http, { tokens, knowledge: createKnowledgeService({ db, clock, publicUrl: baseUrl }) });
  recordRoutes(http, { tokens, records: createRecordsService({ db, clock, bus, partOf: kit.partOf }) });
  // AG7, AG8: scripts and macros; a macro's actions send as the composer does and search as the agent does.
  const scripts = createScriptService({ db, clock });
  const macroReplies = createQuickReplyService({ db, clock });
  const macroKnowledge = createKnowledgeService({ db, clock, publicUrl: baseUrl });
  macroRoutes(http, {
    tokens,
    scripts,
    macros: createMacroService({ db, clock }),
    runMacro: createMacroRunner({
      db,
      clock,
      scripts,
      sendMessage: async (who, id, text, clientMessageId) => {
        await conversations.sendAgentMessage(who, id, { clientMessageId, text, internal: false });
      },
      quickReplies: (who) => macroReplies.list(who),
      records: createRecordsService({ db, clock, bus, partOf: kit.partOf }),
      searchKnowledge: (orgId, q, language) => macroKnowledge.search(orgId, { q, language, limit: 5 }),
    }),
  });
  wrapUpRoutes(http, { tokens, wrapUp: createWrapUpService(kit) });
  webhookRoutes(http, { inbound, publicUrl: baseUrl });
  // Using the workspace is activity: it keeps a manual presence from being cleared as idle (AG1).
  // Recorded before the answer goes out, so whatever the agent does next sees it.
  http.addHook('onSend', async (req, _reply, payload) => {
    const who = identityOf(req);
    if (who?.kind === 'staff' && who.role === 'agent')
      await presence.activity(who.orgId, who.userId).catch(() => undefined);
    return payload;
  });
  // The demo's fake phone and provider stand-ins (CH2): only where the demo is seeded.
  if (config.SEED_DEMO) await installDemoPhone(http, { channels, demoOrgId: () => demoOrgId(db) });
  const missing = await serveApps(http, config.APPS_DIR);
  if (missing.length) log.debug({ msg: 'apps not built, not served', missing });

  const realtime = await createRealtime({
    httpServer: http.server,
    tokens,
    log,
    redisUrl: config.REDIS_URL,
    ongoingFor: async (orgId, userId) => [
      ...(await listConversations(db, orgId, { agentId: userId, states: ONGOING_STATES })).map((c) => c.id),
      ...(await consultingIds(db, orgId, userId)),
    ],
    canFollow: (who, id) => conversations.canFollow(who, id),
    mayTypeToCustomer: createTypingService({ db }).mayTypeToCustomer,
    originAllowed: origins.socketAllowed,
    onPresence: (who, connected) =>
      who.role !== 'agent'
        ? Promise.resolve(undefined)
        : connected
          ? presence.connected(who.orgId, who.userId)
          : presence.disconnected(who.orgId, who.userId),
    ongoing: { rows: supervision.rowsOf, keys: supervision.keysOf },
  });
  // Customer sentiment (SV8) follows the event stream, off the message path.
  const sentiment = createSentimentFollower({ db, analyzer, bus, log });
  // The reports' model (SV9) folds each close soon after it commits; the timer takes other nodes' too.
  const insights = createInsightsProjector({ db, clock, log });
  bus.subscribe([
    realtime.deliver,
    metrics.listener,
    sentiment.listener,
    insights.listener,
    (e) => e.kind === 'outbox-ready' && outbox.poke(),
  ]);
  function* socketKinds() {
    for (const socket of realtime.io.of('/').sockets.values())
      yield { kind: (socket.data.who as { kind: 'staff' | 'visitor' }).kind };
  }

  // Work waiting for a trigger (a release, a presence change, a new item) is routed at once; a sweep
  // every minute catches what nothing triggered (a node that stopped mid-dispatch).
  const routeWaiting = async () => {
    const orgs = await openOrganisations(db);
    for (const orgId of orgs) onRoutable(orgId);
    return 0;
  };
  const timers = startTimers(log, [
    { name: 'routing sweep', everyMs: 60_000, run: routeWaiting },
    { name: 'offer timeouts', everyMs: config.OFFER_SWEEP_MS, run: () => offers.expireDue() },
    { name: 'transfer timeouts', everyMs: config.OFFER_SWEEP_MS, run: () => transfers.expireDue() },
    { name: 'toast timeouts', everyMs: config.OFFER_SWEEP_MS, run: () => notifications.expireDue() },
    { name: 'wrap-up capacity', everyMs: config.OFFER_SWEEP_MS, run: () => conversations.releaseDue() },
    { name: 'idle presence', everyMs: 30_000, run: () => presence.sweepIdle() },
    { name: 'end-of-day profiles', everyMs: 60_000, run: () => presence.newDay() },
    { name: 'auto-close', everyMs: 30_000, run: () => conversations.autoCloseDue() },
    { name: 'callbacks due', everyMs: 30_000, run: () => callbacks.sweepDue() },
    { name: 'channel outbox', everyMs: 5_000, run: () => outbox.sendDue() },
    { name: 'reporting model', everyMs: 5_000, run: () => insights.drain() },
    { name: 'expired staff sessions', everyMs: 3600_000, run: () => sessions.purgeExpired() },
    { name: 'unsent attachments', everyMs: 3600_000, run: () => attachments.sweepUnsent() },
    // The server's autovacuum keeps statistics; the embedded database needs us to.
    ...(database.kind === 'embedded'
      ? [{ name: 'planner statistics', everyMs: 10 * 60_000, run: () => refreshStatistics(db).then(() => 0) }]
      : []),
  ]);

  return {
    http,
    realtime,
    database,
    routing,
    conversations,
    offers,
    notifications,
    transfers,
    attachments,
    callbacks,
    presence,
    outbox,
    channels,
    settled: async () => {
      await routing.idle();
      await sentiment.idle();
      await insights.idle();
      await realtime.feedsIdle();
    },
    async listen() {
      if (database.kind === 'embedded') await refreshStatistics(db);
      const address = await http.listen({ port: config.PORT, host: config.HOST });
      listeningAt = address;
      // Work that waited while the server was down (or was offered by a node that died) is routed now.
      await routeWaiting();
      return address;
    },
    async close() {
      await timers.stop();
      // Sockets closing below must not start routing on a database about to close.
      routing.stop();
      await routing.idle();
      await sentiment.idle();
      await insights.idle();
      await realtime.close();
      await http.close();
      if (!opts.database) await database.close();
    },
  };
}
