import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/db.js';
import { attachments, conversations } from '../src/store/schema.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Limits on abuse (X3): each limit refuses with 429, Retry-After and a message that names it.

let db: Database;
const servers: TestServer[] = [];
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await db.close();
});

/** A server with the limits on (the harness lifts them); TRUST_PROXY lets a test speak from several addresses. */
async function serverWith(env: Record<string, string>) {
  const s = await startServer({ database: db, env: { RATE_LIMITS: 'on', TRUST_PROXY: 'true', ...env } });
  servers.push(s);
  return s;
}

type Answer = {
  status: number;
  retryAfter: number | null;
  body: { statusCode?: number; error?: string; message?: string; token?: string };
};
async function send(
  s: TestServer,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const retry = res.headers.get('retry-after');
  return {
    status: res.status,
    retryAfter: retry === null ? null : Number(retry),
    body: (await res.json()) as Answer['body'],
  };
}
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const prechat = { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Where is my order?' } };
const startChat = (s: TestServer, widgetId: string, ip: string) =>
  send(s, 'POST', `/api/widget/${widgetId}/conversations`, prechat, from(ip));
const signIn = (s: TestServer, email: string, password: string, ip = '10.9.9.9') =>
  send(s, 'POST', '/api/auth/login', { email, password }, from(ip));

async function conversationCount(orgId: string) {
  const [row] = await db.db.select({ n: count() }).from(conversations).where(eq(conversations.orgId, orgId));
  return row!.n;
}
/** The conversation a visitor token opens (its subject). */
const conversationOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
const newOrg = () => buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann' }, { key: 'bob' }] });

function expect429(a: Answer, message: RegExp, maxSeconds: number) {
  expect(a.status).toBe(429);
  expect(a.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(message) });
  expect(a.retryAfter).toBeGreaterThanOrEqual(1);
  expect(a.retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(a.body.message).toContain(`try again in ${a.retryAfter} s`);
}

describe('chat starts and visitor messages', () => {
  let s: TestServer;
  let org: BuiltOrg;
  beforeAll(async () => {
    s = await serverWith({
      RATE_LIMIT_CHAT_STARTS_PER_ADDRESS: '3/1m',
      RATE_LIMIT_CHAT_STARTS_PER_WIDGET: '4/1m',
      RATE_LIMIT_VISITOR_MESSAGES: '5/1m',
    });
    org = await newOrg();
  });

  it('counts chat starts per address: the 4th from one address is refused and starts nothing; another address still starts', async () => {
    const { widgetId, orgId } = await newOrg();
    for (let i = 0; i < 3; i++) expect((await startChat(s, widgetId, '10.1.0.1')).status).toBe(200);
    const before = await conversationCount(orgId);
    expect429(
      await startChat(s, widgetId, '10.1.0.1'),
      /^Too many chat starts from this address: try again in \d+ s$/,
      60,
    );
    expect429(await startChat(s, org.widgetId, '10.1.0.1'), /from this address/, 60);
    expect(await conversationCount(orgId)).toBe(before);
    expect((await startChat(s, widgetId, '10.1.0.2')).status).toBe(200);
  });

  it('counts chat starts per widget, from all addresses together', async () => {
    const { widgetId } = await newOrg();
    for (let i = 0; i < 4; i++) expect((await startChat(s, widgetId, `10.2.0.${i}`)).status).toBe(200);
    expect429(
      await startChat(s, widgetId, '10.2.0.9'),
      /^Too many chat starts on this widget: try again in \d+ s$/,
      60,
    );
    // Another widget is not affected.
    expect((await startChat(s, org.widgetId, '10.2.0.9')).status).toBe(200);
  });

  it("counts a visitor's messages per conversation", async () => {
    const chat = async (ip: string) => (await startChat(s, org.widgetId, ip)).body.token!;
    const [first, second] = [await chat('10.3.0.1'), await chat('10.3.0.2')];
    const message = (token: string, conversation: string) =>
      send(
        s,
        'POST',
        `/api/widget/conversations/${conversation}/messages`,
        { clientMessageId: randomUUID(), text: 'hello?' },
        { authorization: `Bearer ${token}` },
      );
    const ids = [conversationOf(first), conversationOf(second)];
    for (let i = 0; i < 5; i++) expect((await message(first, ids[0]!)).status).toBe(200);
    expect429(await message(first, ids[0]!), /^Too many messages in this conversation: try again in \d+ s$/, 60);
    expect((await message(second, ids[1]!)).status).toBe(200);
  });

  it("counts a visitor's files with their messages (AG4): beyond the budget an upload is refused", async () => {
    // A widget of its own: the shared one's chat starts are counted by the other tests.
    const token = (await startChat(s, (await newOrg()).widgetId, '10.3.1.1')).body.token!;
    const id = conversationOf(token);
    const upload = async () => {
      const res = await fetch(`${s.url}/api/widget/conversations/${id}/attachments?name=note.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'hello',
      });
      return {
        status: res.status,
        retryAfter: Number(res.headers.get('retry-after')),
        body: (await res.json()) as Answer['body'],
      };
    };
    for (let i = 0; i < 5; i++) expect((await upload()).status).toBe(200);
    expect429(await upload(), /^Too many files in this conversation: try again in \d+ s$/, 60);
    const kept = await db.db.select({ n: count() }).from(attachments).where(eq(attachments.conversationId, id));
    expect(kept[0]!.n).toBe(5);
  });

  it('a stranger cannot use up a conversation’s budget: unauthenticated sends are refused before they count', async () => {
    const token = (await startChat(s, org.widgetId, '10.4.0.1')).body.token!;
    const id = conversationOf(token);
    for (let i = 0; i < 8; i++) {
      expect(
        (
          await send(s, 'POST', `/api/widget/conversations/${id}/messages`, {
            clientMessageId: randomUUID(),
            text: 'x',
          })
        ).status,
      ).toBe(401);
    }
    const sent = await send(
      s,
      'POST',
      `/api/widget/conversations/${id}/messages`,
      { clientMessageId: randomUUID(), text: 'hi' },
      { authorization: `Bearer ${token}` },
    );
    expect(sent.status).toBe(200);
  });
});

describe('the defaults', () => {
  it('one visitor starting chats in a loop gets 20 a minute; the rest are refused', async () => {
    const s = await serverWith({});
    const { widgetId, orgId } = await newOrg();
    const answers = await Promise.all(Array.from({ length: 30 }, () => startChat(s, widgetId, '10.10.0.1')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(20);
    for (const a of answers.filter((x) => x.status !== 200))
      expect429(a, /^Too many chat starts from this address/, 60);
    expect(await conversationCount(orgId)).toBe(20);
  });
});

describe('sign-ins', () => {
  it('with the defaults, 50 wrong passwords at once get at most 10 answers; the rest are refused for 15 minutes', async () => {
    const s = await serverWith({});
    const { user } = await newOrg();
    const answers = await Promise.all(Array.from({ length: 50 }, () => signIn(s, user('ann').email, 'wrong password')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(10);
    expect(statuses.filter((x) => x === 429)).toHaveLength(40);
    for (const a of answers.filter((x) => x.status === 429))
      expect429(a, /^Too many failed sign-ins for this email: try again in \d+ s$/, 24 * 3600);
    // Even the right password waits now: the script does not learn it.
    expect((await signIn(s, user('ann').email, PASSWORD)).status).toBe(429);
    // Another account is untouched (from another address: this one has spent its budget too).
    expect((await signIn(s, user('bob').email, PASSWORD, '10.8.0.1')).status).toBe(200);
  });

  it('counts failures per email, in any case and from any address; successes do not use the budget', async () => {
    const s = await serverWith({ RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL: '3/15m' });
    const { user } = await newOrg();
    const email = user('ann').email;
    for (let i = 0; i < 5; i++) expect((await signIn(s, email, PASSWORD, `10.5.0.${i}`)).status).toBe(200);
    expect((await signIn(s, email.toUpperCase(), 'wrong', '10.5.1.1')).status).toBe(401);
    expect((await signIn(s, email, 'wrong', '10.5.1.2')).status).toBe(401);
    expect((await signIn(s, email, PASSWORD, '10.5.1.3')).status).toBe(200);
    expect(
      (
        await signIn(
          s,
          email.replace(/^./, (c) => c.toUpperCase()),
          'wrong',
          '10.5.1.4',
        )
      ).status,
    ).toBe(401);
    const refused = await signIn(s, email, 'wrong', '10.5.1.5');
    expect429(refused, /^Too many failed sign-ins for this email: try again in \d+ s$/, 900);
    expect(refused.retryAfter).toBeGreaterThan(890);
  });

  it('the wait doubles with each attempt beyond the budget', async () => {
    const s = await serverWith({ RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL: '2/10s' });
    const { user } = await newOrg();
    for (let i = 0; i < 2; i++) expect((await signIn(s, user('ann').email, 'wrong')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) waits.push((await signIn(s, user('ann').email, 'wrong')).retryAfter!);
    expect(waits).toEqual([10, 20, 40, 80]);
  });

  it('counts failures per address, whatever the email', async () => {
    const s = await serverWith({ RATE_LIMIT_SIGNIN_FAILURES_PER_ADDRESS: '3/15m' });
    const { user } = await newOrg();
    for (let i = 0; i < 3; i++)
      expect((await signIn(s, `nobody-${i}@test.example`, 'wrong', '10.6.0.1')).status).toBe(401);
    expect429(
      await signIn(s, user('ann').email, PASSWORD, '10.6.0.1'),
      /^Too many failed sign-ins from this address: try again in \d+ s$/,
      900,
    );
    expect((await signIn(s, user('ann').email, PASSWORD, '10.6.0.2')).status).toBe(200);
  });
});

describe('RATE_LIMITS=off', () => {
  it('lifts every limit, for a load test', async () => {
    const s = await startServer({
      database: db,
      env: {
        RATE_LIMITS: 'off',
        RATE_LIMIT_CHAT_STARTS_PER_ADDRESS: '1/1m',
        RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL: '1/1m',
      },
    });
    servers.push(s);
    const { widgetId, user } = await newOrg();
    const starts = await Promise.all(Array.from({ length: 25 }, () => startChat(s, widgetId, '127.0.0.1')));
    expect(starts.map((a) => a.status)).toEqual(Array(25).fill(200));
    const signIns = await Promise.all(Array.from({ length: 15 }, () => signIn(s, user('ann').email, 'wrong')));
    expect(signIns.map((a) => a.status)).toEqual(Array(15).fill(401));
  });
});

describe('across nodes (REDIS_URL)', () => {
  it('two nodes on one Redis share the counts', async () => {
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_CHAT_STARTS_PER_WIDGET: '3/1m',
      RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL: '2/1m',
    };
    const [a, b] = [await serverWith(env), await serverWith(env)];
    const { widgetId, user } = await newOrg();
    expect((await startChat(a, widgetId, '10.7.0.1')).status).toBe(200);
    expect((await startChat(b, widgetId, '10.7.0.2')).status).toBe(200);
    expect((await startChat(a, widgetId, '10.7.0.3')).status).toBe(200);
    expect429(await startChat(b, widgetId, '10.7.0.4'), /on this widget/, 60);
    expect((await signIn(a, user('ann').email, 'wrong')).status).toBe(401);
    expect((await signIn(b, user('ann').email, PASSWORD)).status).toBe(200);
    expect((await signIn(b, user('ann').email, 'wrong')).status).toBe(401);
    expect429(await signIn(a, user('ann').email, 'wrong'), /for this email/, 60);
    expect((await signIn(b, user('ann').email, 'wrong')).retryAfter).toBe(120);
  });
});
