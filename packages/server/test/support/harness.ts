import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { createApiClient, type ApiClient } from '@switchboard/protocol';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/clock.js';
import { openDatabase, type Database } from '../../src/store/db.js';

export type ManualClock = Clock & { advance(ms: number): void; set(d: Date): void };

export function manualClock(start = new Date()): ManualClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => (t += ms), set: (d) => (t = d.getTime()) };
}

/**
 * Opens the database the tests run on: a PostgreSQL server when DATABASE_URL is set, else an
 * in-memory embedded one. Tests never share data: each builds its own organisation.
 */
export function openTestDatabase(): Promise<Database> {
  return openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory://' });
}

/** The key sealing secrets at rest in test servers (a fixed test value, never used outside tests). */
export const TEST_SECRET_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

export type TestServer = { app: App; url: string; api: (token?: string) => ApiClient; close(): Promise<void> };

export async function startServer(
  opts: { database?: Database; clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    APPS_DIR: '/nonexistent',
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: 'memory://',
    // Tests start many chats from 127.0.0.1; rate-limits.test.ts turns the limits on.
    RATE_LIMITS: 'off',
    // One key for every test server, so several nodes (and runs) on one database open each other's secrets.
    SECRET_KEY: TEST_SECRET_KEY,
    ...opts.env,
  });
  const app = await createApp(config, { database: opts.database, clock: opts.clock, log: pino({ level: 'silent' }) });
  await app.listen();
  const { port } = app.http.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    api: (token?: string) => createApiClient({ baseUrl: url, getToken: () => token }),
    close: () => app.close(),
  };
}

/** A socket client that records every event it receives. */
export function connectSocket(url: string, token: string) {
  const socket: Socket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 100,
  });
  const received: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    received,
    ready,
    of: <T>(event: string) => received.filter((r) => r.event === event).map((r) => r.payload as T),
    close: () => socket.close(),
  };
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `ms`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`condition not met within ${ms} ms${last ? `: ${String(last)}` : ''}`);
}

export const clientId = () => randomUUID();

/**
 * One database and one server for a test file, opened before its tests and closed after them,
 * with every socket opened through `socket` (a test that fails half-way leaves none open).
 */
export function serverForFile(opts: Omit<NonNullable<Parameters<typeof startServer>[0]>, 'database'> = {}) {
  let db: Database | undefined;
  let server: TestServer | undefined;
  const sockets: ReturnType<typeof connectSocket>[] = [];
  beforeAll(async () => {
    db = await openTestDatabase();
    server = await startServer({ ...opts, database: db });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.close();
    await db?.close();
  });
  return {
    get db(): Database {
      return db!;
    },
    get server(): TestServer {
      return server!;
    },
    socket(token: string) {
      const s = connectSocket(server!.url, token);
      sockets.push(s);
      return s;
    },
  };
}
