import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { routes, type RouteName } from '@switchboard/protocol';
import type { Config, RateLimit } from '../config.js';
import { localFailureBudget, redisFailureBudget, type FailureBudget } from './failure-budget.js';
import { HttpError } from './errors.js';

const NAMESPACE = 'sb:rate:';

/** The protocol route a request matched, by its method and path pattern. */
const routeNames = new Map(Object.entries(routes).map(([name, r]) => [`${r.method} ${r.path}`, name as RouteName]));
export const routeNameOf = (req: FastifyRequest): RouteName | undefined =>
  routeNames.get(`${req.method} ${req.routeOptions.url}`);

/** IPv6 clients are counted per /64, as one household or server holds a whole /64. */
const address = (req: FastifyRequest) => normalizeIP(req.ip, 64);

const tooMany = (reply: FastifyReply, seconds: number, what: string) => {
  void reply.header('retry-after', String(seconds));
  return new HttpError(429, `${what}: try again in ${seconds} s`);
};

/**
 * Limits on abuse (X3): a person never meets them, a script does. Chat starts per address and per widget and
 * visitor messages (and files) per conversation count every request (@fastify/rate-limit); sign-ins count
 * failures only, per email and per address, with a wait that doubles beyond the budget (failure-budget.ts).
 * With REDIS_URL the counts live in Redis, so they hold across nodes. Each limit is a setting (config.ts);
 * RATE_LIMITS=off lifts them all. A refused request is a 429 with Retry-After, before it changes anything.
 */
export async function installRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  if (config.RATE_LIMITS === 'off') return;
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 })
    : undefined;
  if (redis) {
    await redis.connect();
    app.addHook('onClose', async () => void (await redis.quit().catch(() => undefined)));
  }
  // A Redis outage lets requests through rather than refusing every visitor.
  await app.register(fastifyRateLimit, {
    global: false,
    redis,
    nameSpace: NAMESPACE,
    cache: 50_000,
    skipOnError: true,
  });

  const counter = (limit: RateLimit, name: string, key: (req: FastifyRequest) => string) => {
    const check = app.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (req) => `${name}:${key(req)}`,
    });
    return async (req: FastifyRequest, reply: FastifyReply, what: string) => {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) throw tooMany(reply, Math.max(1, r.ttlInSeconds), what);
    };
  };
  const widgetOf = (req: FastifyRequest) => (req.params as { widgetId: string }).widgetId;
  const conversationOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  const startsPerAddress = counter(config.RATE_LIMIT_CHAT_STARTS_PER_ADDRESS, 'chat-address', address);
  const startsPerWidget = counter(config.RATE_LIMIT_CHAT_STARTS_PER_WIDGET, 'chat-widget', widgetOf);
  const messagesPerConversation = counter(config.RATE_LIMIT_VISITOR_MESSAGES, 'visitor-messages', conversationOf);

  const budget = (limit: RateLimit, name: string): FailureBudget =>
    redis ? redisFailureBudget(limit, redis, `${NAMESPACE}${name}:`) : localFailureBudget(limit);
  const signInsPerEmail = budget(config.RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL, 'signin-email');
  const signInsPerAddress = budget(config.RATE_LIMIT_SIGNIN_FAILURES_PER_ADDRESS, 'signin-address');
  // As with the counters: a Redis outage lets sign-ins through rather than refusing every one.
  const reserve = (b: FailureBudget, key: string) =>
    b.reserve(key).catch(() => ({ count: 0, exceeded: false, retryAfterSeconds: 0 }));
  const reserved = new WeakMap<FastifyRequest, { email: string; address: string }>();

  // Chat starts are refused before the body is read: the cheapest answer for the commonest flood.
  // The address goes first, so one flooding address does not use up the widget's budget for everyone.
  app.addHook('onRequest', async (req, reply) => {
    if (routeNameOf(req) !== 'startChat') return;
    await startsPerAddress(req, reply, 'Too many chat starts from this address');
    await startsPerWidget(req, reply, 'Too many chat starts on this widget');
  });

  // After authentication and validation: only a conversation's own visitor spends its budget, and only the
  // sign-in of a well-formed email counts against that email.
  app.addHook('preHandler', async (req, reply) => {
    const name = routeNameOf(req);
    if (name === 'visitorSend') return messagesPerConversation(req, reply, 'Too many messages in this conversation');
    // A file is a message's worth (AG4): uploads share the budget, so a script cannot fill the store.
    if (name === 'visitorUpload') return messagesPerConversation(req, reply, 'Too many files in this conversation');
    if (name !== 'login') return;
    const keys = { email: (req.body as { email: string }).email.trim().toLowerCase(), address: address(req) };
    const [byEmail, byAddress] = await Promise.all([
      reserve(signInsPerEmail, keys.email),
      reserve(signInsPerAddress, keys.address),
    ]);
    // Beyond the budget the reservation stays: it is an offence, and it lengthens the wait.
    if (byEmail.exceeded) throw tooMany(reply, byEmail.retryAfterSeconds, 'Too many failed sign-ins for this email');
    if (byAddress.exceeded) {
      throw tooMany(reply, byAddress.retryAfterSeconds, 'Too many failed sign-ins from this address');
    }
    reserved.set(req, keys);
  });

  // A successful sign-in gives its reservations back: only failures use up the budget.
  app.addHook('onResponse', async (req, reply) => {
    const keys = reserved.get(req);
    if (!keys || reply.statusCode >= 400) return;
    const refunds = [signInsPerEmail.refund(keys.email), signInsPerAddress.refund(keys.address)];
    await Promise.all(refunds).catch(() => undefined);
  });
}
