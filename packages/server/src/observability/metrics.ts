import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../domain/clock.js';
import type { DomainEvent } from '../domain/events.js';
import { ongoingConversationCounts, queueBacklog } from '../store/metrics.js';
import type { Database } from '../store/db.js';

export type MetricsDeps = {
  database: Database;
  clock: Clock;
  /** Sockets connected to this node, by who holds them. */
  sockets: () => Iterable<{ kind: 'staff' | 'visitor' }>;
  /** A registry of the caller's (tests); by default a fresh one, never prom-client's global one. */
  register?: Registry;
};

/**
 * What an operator watches (X4), per node, in Prometheus format: HTTP latency by route pattern,
 * offers and assignments (counted from the DomainEvent bus), routing decision time, sockets, the
 * event loop and the database pool; conversations and queues are read from the database on scrape,
 * one query each. Labels stay few: route patterns (never raw URLs), queue ids and names.
 */
export function createMetrics({ database, clock, sockets, register = new Registry() }: MetricsDeps) {
  const registers = [register];
  // Process metrics under their usual names (nodejs_eventloop_lag_seconds, heap, handles...).
  collectDefaultMetrics({ register });

  const httpDuration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const offers = new Counter({
    name: 'switchboard_offers_total',
    help: 'Offers made to agents, and how they ended: accepted, rejected, expired (timed out), withdrawn',
    labelNames: ['outcome'],
    registers,
  });
  const assignments = new Counter({
    name: 'switchboard_assignments_total',
    help: 'Conversations assigned to an agent (push and pick)',
    registers,
  });
  const webhooksRefused = new Counter({
    name: 'switchboard_webhooks_refused_total',
    help: 'Channel webhooks refused (unknown channel, bad signature, unreadable body), by provider',
    labelNames: ['provider'],
    registers,
  });
  const deliveries = new Counter({
    name: 'switchboard_channel_deliveries_total',
    help: 'Changes of state of replies sent to channels such as SMS (queued, sent, delivered, failed, dead ...)',
    labelNames: ['status'],
    registers,
  });
  const routingDecision = new Histogram({
    name: 'switchboard_routing_decision_duration_seconds',
    help: 'Time to decide and claim one block of open items in the routing engine',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  // Outcomes are created at zero so a dashboard shows them before the first one happens.
  for (const outcome of ['made', 'accepted', 'rejected', 'expired', 'withdrawn']) offers.inc({ outcome }, 0);

  new Gauge({
    name: 'switchboard_conversations',
    help: 'Conversations not yet closed, by state and channel (all organisations)',
    labelNames: ['state', 'channel'],
    registers,
    async collect() {
      const rows = await ongoingConversationCounts(database.db);
      this.reset();
      for (const r of rows) this.set({ state: r.state, channel: r.channel }, r.count);
    },
  });
  new Gauge({
    name: 'switchboard_queue_length',
    help: 'Open conversations waiting in each queue',
    labelNames: ['queue_id', 'queue'],
    registers,
    async collect() {
      const rows = await queueBacklog(database.db, clock.now());
      this.reset();
      for (const r of rows) this.set({ queue_id: r.queueId, queue: r.name }, r.length);
    },
  });
  new Gauge({
    name: 'switchboard_queue_longest_wait_seconds',
    help: 'How long the longest-waiting open conversation of each queue has waited (0 when none waits)',
    labelNames: ['queue_id', 'queue'],
    registers,
    async collect() {
      const rows = await queueBacklog(database.db, clock.now());
      this.reset();
      for (const r of rows) this.set({ queue_id: r.queueId, queue: r.name }, r.longestWaitSeconds);
    },
  });
  new Gauge({
    name: 'switchboard_socket_connections',
    help: 'Socket.IO connections to this node, by kind (staff, visitor)',
    labelNames: ['kind'],
    registers,
    collect() {
      const count = { staff: 0, visitor: 0 };
      for (const s of sockets()) count[s.kind] += 1;
      for (const [kind, n] of Object.entries(count)) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: 'switchboard_db_pool_connections',
    help: 'Database connections: total, idle, and requests waiting for one (the embedded database has one)',
    labelNames: ['state'],
    registers,
    collect() {
      const p = database.poolStats?.() ?? { total: 1, idle: 0, waiting: 0 };
      for (const [state, n] of Object.entries(p)) this.set({ state }, n);
    },
  });

  return {
    register,
    observeHttp(method: string, route: string, status: number, seconds: number) {
      httpDuration.observe({ method, route, status: String(status) }, seconds);
    },
    webhookRefused(provider: string) {
      webhooksRefused.inc({ provider });
    },
    observeRoutingDecision(seconds: number) {
      routingDecision.observe(seconds);
    },
    /** A bus listener: offers and assignments as they are published (after commit). */
    listener(event: DomainEvent) {
      if (event.kind === 'offer-created') offers.inc({ outcome: 'made' });
      else if (event.kind === 'offer-closed')
        offers.inc({ outcome: event.closed.outcome === 'timeout' ? 'expired' : event.closed.outcome });
      else if (event.kind === 'assigned') assignments.inc();
      else if (event.kind === 'conversation-event' && event.staff.type === 'delivery')
        deliveries.inc({ status: event.staff.status });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics`. With a token configured (`METRICS_TOKEN`), only `Authorization: Bearer <token>`
 * may read it (401 otherwise); without one it is open, for a scraper on a private network.
 */
export function metricsRoute(http: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  http.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (token) {
      const header = req.headers.authorization ?? '';
      if (!header.startsWith('Bearer ') || !sameSecret(header.slice('Bearer '.length), token)) {
        return reply.status(401).send({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Send "Authorization: Bearer <metrics token>" (METRICS_TOKEN)',
        });
      }
    }
    const body = await metrics.register.metrics();
    return reply.header('content-type', metrics.register.contentType).send(body);
  });
}
