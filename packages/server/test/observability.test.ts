import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '@switchboard/protocol';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/http/request-log.js';
import type { Database } from '../src/store/db.js';
import {
  clientId,
  connectSocket,
  eventually,
  manualClock,
  openTestDatabase,
  startServer,
  TEST_SECRET_KEY,
  type TestServer,
} from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// X4: what an operator sees. Metrics in Prometheus format, a token in front of them when one is
// configured, one log line per request with its id, and nothing secret in the log.

let db: Database;
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let server: TestServer;
const closers: (() => unknown)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db, clock });
});
afterAll(async () => {
  for (const close of closers) await close();
  await server.close();
  await db.close();
});

async function signIn(s: TestServer, org: BuiltOrg, key: string) {
  const { token } = await s.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const socket = connectSocket(s.url, token);
  closers.push(() => socket.close());
  await socket.ready;
  await s.api(token).call('setPresence', { body: { presence: 'available' } });
  return { token, socket, api: s.api(token) };
}

async function startChat(s: TestServer, org: BuiltOrg, question: string) {
  const res = await s
    .api()
    .call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@customer.example', question } },
    });
  const socket = connectSocket(s.url, res.token);
  closers.push(() => socket.close());
  await socket.ready;
  return { ...res, socket, api: s.api(res.token) };
}

/** The value of one sample (`name{labels}`) in a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (.+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const scrape = async (s: TestServer, token?: string) => {
  const res = await fetch(`${s.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('GET /metrics (X4)', () => {
  it('after a chat flow shows the counters moved and the gauges right', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support', 'Sales'],
      users: [{ key: 'ann', queues: ['Support'] }],
      rules: (q) => [
        {
          name: 'sales',
          when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: 'price' },
          queues: [{ queueId: q('Sales'), percentage: 100 }],
        },
      ],
    });
    const ann = await signIn(server, org, 'ann');
    const first = await startChat(server, org, 'My printer is broken');
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const second = await startChat(server, org, 'Help again');
    const next = await eventually(() =>
      ann.socket.of<Offer>('offer:new').find((o) => o.conversationId === second.conversation.id),
    );
    await ann.api.call('rejectOffer', { params: { id: next.id }, body: {} });
    // Offered to Ann again, and this time she lets it run out.
    await eventually(
      () => ann.socket.of<Offer>('offer:new').filter((o) => o.conversationId === second.conversation.id).length === 2,
    );
    clock.advance(61_000);
    expect(await server.app.offers.expireDue()).toBeGreaterThanOrEqual(1);
    await server.app.settled();
    // Nobody is in Sales: this one waits there, and the clock shows how long.
    await startChat(server, org, 'What is the price?');
    await server.app.settled();
    clock.advance(90_000);

    const { status, type, text } = await scrape(server);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'switchboard_offers_total', { outcome: 'made' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'switchboard_offers_total', { outcome: 'accepted' })).toBe(1);
    expect(sample(text, 'switchboard_offers_total', { outcome: 'rejected' })).toBe(1);
    expect(sample(text, 'switchboard_offers_total', { outcome: 'expired' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'switchboard_assignments_total')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'switchboard_routing_decision_duration_seconds_count')).toBeGreaterThan(0);

    const sales = { queue_id: org.queueId('Sales'), queue: 'Sales' };
    expect(sample(text, 'switchboard_queue_length', sales)).toBe(1);
    expect(sample(text, 'switchboard_queue_longest_wait_seconds', sales)).toBeCloseTo(90, 0);
    expect(sample(text, 'switchboard_queue_length', { queue_id: org.queueId('Support'), queue: 'Support' })).toBe(0);
    expect(sample(text, 'switchboard_conversations', { state: 'active', channel: 'webchat' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'switchboard_socket_connections', { kind: 'staff' })).toBe(1);
    expect(sample(text, 'switchboard_socket_connections', { kind: 'visitor' })).toBe(3);
    expect(sample(text, 'switchboard_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    // HTTP latency by route pattern and status, never the raw URL.
    expect(
      sample(text, 'switchboard_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/offers/:id/accept',
        status: '200',
      }),
    ).toBe(1);
    expect(
      sample(text, 'switchboard_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/offers/:id/reject',
        status: '200',
      }),
    ).toBe(1);
    expect(text).not.toContain(offer.id);
    expect(text).not.toContain(first.conversation.id);
    await fetch(`${server.url}/no/such/${clientId()}`);
    expect(
      sample((await scrape(server)).text, 'switchboard_http_request_duration_seconds_count', {
        route: 'unmatched',
        status: '404',
      }),
    ).toBe(1);
  });

  it('asks for the metrics token when one is configured', async () => {
    const guarded = await startServer({ database: db, env: { METRICS_TOKEN: 'a-long-metrics-token-123' } });
    closers.push(() => guarded.close());
    expect((await scrape(guarded)).status).toBe(401);
    expect((await scrape(guarded, 'a-long-metrics-token-124')).status).toBe(401);
    const ok = await scrape(guarded, 'a-long-metrics-token-123');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('switchboard_offers_total');
    // Without a token (the default) they are open.
    expect((await scrape(server)).status).toBe(200);
  });
});

describe('request ids and request logs (X4)', () => {
  it('returns a request id, keeping a sane incoming one and replacing anything else', async () => {
    const fresh = await fetch(`${server.url}/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'proxy-4711.a:b' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-4711.a:b');
    for (const bad of ['two words', 'x'.repeat(200), '<script>', '../../etc']) {
      const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs one line per request and never a password, a token or a message text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      SEED_DEMO: 'false',
      APPS_DIR: '/nonexistent',
      DATA_DIR: 'memory://',
      SECRET_KEY: TEST_SECRET_KEY,
      RATE_LIMITS: 'off',
    });
    const app: App = await createApp(config, { database: db, log: createLogger('trace', sink) });
    closers.push(() => app.close());
    await app.listen();
    const { port } = app.http.server.address() as { port: number };
    const s: TestServer = { app, url: `http://127.0.0.1:${port}`, api: server.api, close: () => app.close() };
    const { createApiClient } = await import('@switchboard/protocol');
    s.api = (token?: string) => createApiClient({ baseUrl: s.url, getToken: () => token });

    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(s, org, 'ann');
    const chat = await startChat(s, org, 'secret-question-text-31337');
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await chat.api.call('visitorSend', {
      params: { id: chat.conversation.id },
      body: { clientMessageId: clientId(), text: 'customer-secret-text-4242' },
    });
    const sent = await fetch(`${s.url}/api/conversations/${chat.conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ann.token}`,
        'content-type': 'application/json',
        'x-request-id': 'trace-me-1',
      },
      body: JSON.stringify({ clientMessageId: clientId(), text: 'agent-secret-text-2718' }),
    });
    expect(sent.status).toBe(200);
    const wrong = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.user('ann').email, password: 'wrong-password-xyz' }),
    });
    expect(wrong.status).toBe(401);
    // The logger itself redacts what an error or a debug line could carry.
    const direct = createLogger('info', sink);
    direct.info(
      {
        req: { headers: { authorization: `Bearer ${ann.token}` } },
        body: { password: PASSWORD, text: 'direct-secret-text-1' },
      },
      'probe',
    );
    const failed = Object.assign(new Error(`Failed query: insert ...\nparams: direct-secret-text-2,${PASSWORD}`), {
      params: [PASSWORD],
    });
    direct.error({ err: failed }, 'probe failed');
    await new Promise((r) => setTimeout(r, 50));

    const log = lines.join('\n');
    for (const secret of [
      PASSWORD,
      'wrong-password-xyz',
      ann.token,
      chat.token,
      'customer-secret-text-4242',
      'agent-secret-text-2718',
      'direct-secret-text-1',
      'direct-secret-text-2',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('[redacted]');
    // One info line for the message request, with its route pattern, status, duration and id.
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = parsed.filter((l) => l.reqId === 'trace-me-1');
    expect(mine.filter((l) => l.msg === 'request')).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'POST',
        route: '/api/conversations/:id/messages',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(parsed.some((l) => l.msg === 'request' && l.route === '/api/auth/login' && l.status === 401)).toBe(true);
  });
});
