import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { argon2Verifier, type PasswordVerifier } from '../src/auth/passwords.js';
import { systemClock } from '../src/domain/clock.js';
import { createStaffSessions } from '../src/services/staff-sessions.js';
import type { Database } from '../src/store/db.js';
import { conversations, organizations, staffSessions, users } from '../src/store/schema.js';
import {
  connectSocket,
  eventually,
  manualClock,
  openTestDatabase,
  startServer,
  type TestServer,
} from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Known only to this test's server, so the test can sign tokens the server would accept by signature.
const JWT_SECRET = 'a-test-signing-secret-of-at-least-32-characters';
let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db, env: { JWT_SECRET } });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const signIn = async (org: BuiltOrg, key: string) =>
  (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;

/** The status and message of a refused call. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiCallError)) throw new Error(`expected a refused call, got ${String(err)}`);
  return { status: err.status, message: err.body?.message ?? '' };
}

/** Whether Socket.IO lets this token connect. */
async function socketAccepted(token: string): Promise<boolean> {
  const s = connectSocket(server.url, token);
  s.socket.io.opts.reconnection = false;
  const ok = await s.ready.then(
    () => true,
    () => false,
  );
  s.close();
  return ok;
}

const forge = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));

describe('staff sessions (X3)', () => {
  it('sign-out revokes the token at once, over REST and Socket.IO, and leaves other sessions alone', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann', queues: ['Q'] }] });
    const token = await signIn(org, 'ann');
    const other = await signIn(org, 'ann');
    expect((await server.api(token).call('me')).id).toBe(org.user('ann').id);
    expect(await socketAccepted(token)).toBe(true);
    const open = connectSocket(server.url, token);
    const stays = connectSocket(server.url, other);
    await Promise.all([open.ready, stays.ready]);

    expect(await server.api(token).call('logout', { body: {} })).toEqual({ ok: true });
    // A socket already open with the signed-out session is closed by the server, and stays closed.
    await eventually(() => !open.socket.connected);
    await new Promise((r) => setTimeout(r, 300));
    expect(open.socket.connected).toBe(false);
    expect(stays.socket.connected).toBe(true);
    open.close();
    stays.close();
    expect(await refusal(server.api(token).call('me'))).toEqual({
      status: 401,
      message: 'You signed out of this session; sign in again',
    });
    expect(await socketAccepted(token)).toBe(false);
    expect((await server.api(other).call('me')).id).toBe(org.user('ann').id);
  });

  it('a disabled user is refused on the next request, on connect and at sign-in (same answer as a wrong password)', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann', queues: ['Q'] }] });
    const token = await signIn(org, 'ann');
    await db.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, org.user('ann').id));
    expect(await refusal(server.api(token).call('me'))).toEqual({
      status: 401,
      message: 'This account is disabled; ask an admin to enable it',
    });
    expect(await socketAccepted(token)).toBe(false);
    const login = server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } });
    expect(await refusal(login)).toEqual({ status: 401, message: 'Wrong email or password' });
  });

  it("a disabled organisation's staff and visitor tokens are refused with 401", async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann', queues: ['Q'] }] });
    const token = await signIn(org, 'ann');
    const chat = await server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'hi' } },
    });
    const id = chat.conversation.id;
    expect((await server.api(chat.token).call('visitorConversation', { params: { id } })).id).toBe(id);
    await db.db.update(organizations).set({ disabledAt: new Date() }).where(eq(organizations.id, org.orgId));
    expect((await refusal(server.api(token).call('me'))).status).toBe(401);
    expect(await refusal(server.api(chat.token).call('visitorConversation', { params: { id } }))).toEqual({
      status: 401,
      message: 'This chat is no longer available; start a new one',
    });
    expect(await socketAccepted(chat.token)).toBe(false);
    expect(await socketAccepted(token)).toBe(false);
    expect(
      (await refusal(server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } })))
        .status,
    ).toBe(401);
    // Its widget is gone for visitors: no new chat starts, nothing is stored.
    const before = await db.db.select().from(conversations).where(eq(conversations.orgId, org.orgId));
    const started = server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Al', email: 'a@x.example', question: 'hi' } },
    });
    expect((await refusal(started)).status).toBe(404);
    expect(await db.db.select().from(conversations).where(eq(conversations.orgId, org.orgId))).toEqual(before);
  });

  it('role comes from the user row: a changed role holds at the next request', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann', queues: ['Q'] }] });
    const token = await signIn(org, 'ann');
    expect((await refusal(server.api(token).call('listAgents'))).status).toBe(403);
    await db.db
      .update(users)
      .set({ role: 'admin' })
      .where(eq(users.id, org.user('ann').id));
    expect((await server.api(token).call('listAgents')).map((a) => a.id)).toContain(org.user('ann').id);
    await db.db
      .update(users)
      .set({ role: 'agent' })
      .where(eq(users.id, org.user('ann').id));
    expect((await refusal(server.api(token).call('listAgents'))).status).toBe(403);
  });

  it('a validly signed token for a user, organisation, session or conversation that does not exist is a 401, never a 500', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann', queues: ['Q'] }] });
    const ann = org.user('ann').id;
    const [session] = await db.db.select().from(staffSessions).where(eq(staffSessions.userId, ann));
    expect(session).toBeUndefined();
    const forged = [
      { typ: 'staff', sub: randomUUID(), org: randomUUID(), sid: randomUUID() },
      { typ: 'staff', sub: ann, org: org.orgId, sid: randomUUID() },
      // A token of the old format (role in the token, no session) no longer works.
      { typ: 'staff', sub: ann, org: org.orgId, role: 'admin', name: 'Ann' },
    ];
    for (const claims of forged) {
      const token = await forge(claims);
      expect((await refusal(server.api(token).call('me'))).status, JSON.stringify(claims)).toBe(401);
      expect(await socketAccepted(token)).toBe(false);
    }
    // Another user's session id under this user's name is refused too.
    const bobOrg = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'bob', queues: ['Q'] }] });
    await signIn(bobOrg, 'bob');
    const [bobSession] = await db.db
      .select()
      .from(staffSessions)
      .where(eq(staffSessions.userId, bobOrg.user('bob').id));
    const stolen = await forge({ typ: 'staff', sub: ann, org: org.orgId, sid: bobSession!.id });
    expect((await refusal(server.api(stolen).call('me'))).status).toBe(401);

    const visitor = await forge({ typ: 'visitor', sub: randomUUID(), org: org.orgId, name: 'Eve' });
    const id = JSON.parse(Buffer.from(visitor.split('.')[1]!, 'base64url').toString()).sub as string;
    expect((await refusal(server.api(visitor).call('visitorConversation', { params: { id } }))).status).toBe(401);
  });
});

describe('session expiry', () => {
  it('refuses a session after 12 hours, and the sweep deletes it a day later', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann' }] });
    // Long ago: the sweep deletes by expiry across organisations, and other tests' clocks are later.
    const clock = manualClock(new Date('2020-01-01T08:00:00Z'));
    const sessions = createStaffSessions({ db: db.db, clock });
    const s = (await sessions.signIn(org.user('ann').email, PASSWORD))!;
    const claims = { typ: 'staff' as const, sub: s.userId, org: s.orgId, sid: s.sessionId };
    expect(await sessions.check(claims)).toMatchObject({
      ok: true,
      who: { userId: s.userId, role: 'agent', sessionId: s.sessionId },
    });
    clock.advance(12 * 3600_000 - 1000);
    expect((await sessions.check(claims)).ok).toBe(true);
    clock.advance(2000);
    expect(await sessions.check(claims)).toEqual({ ok: false, message: 'The session has expired; sign in again' });
    const young = (await sessions.signIn(org.user('ann').email, PASSWORD))!;
    clock.advance(24 * 3600_000);
    // Expired a day ago or more: deleted. Expired less than a day ago: kept.
    expect(await sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await db.db.select().from(staffSessions).where(eq(staffSessions.id, s.sessionId))).toEqual([]);
    expect(await db.db.select().from(staffSessions).where(eq(staffSessions.id, young.sessionId))).toHaveLength(1);
    clock.advance(24 * 3600_000);
    expect(await sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await db.db.select().from(staffSessions).where(eq(staffSessions.id, young.sessionId))).toEqual([]);
    expect(await db.db.select().from(staffSessions).where(eq(staffSessions.id, s.sessionId))).toEqual([]);
    expect(await sessions.check(claims)).toEqual({
      ok: false,
      message: 'This session no longer exists; sign in again',
    });
  });
});

describe('sign-in timing', () => {
  it('checks a password with argon2 for an unknown email and a disabled account too', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann' }, { key: 'off' }] });
    await db.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, org.user('off').id));
    const real = argon2Verifier();
    const checked: string[] = [];
    const spy: PasswordVerifier = {
      dummyHash: real.dummyHash,
      verify: async (hash, password) => {
        checked.push(hash === (await real.dummyHash()) ? 'dummy' : 'account');
        return real.verify(hash, password);
      },
    };
    const sessions = createStaffSessions({ db: db.db, clock: systemClock, passwords: spy });
    expect(await sessions.signIn(`nobody-${randomUUID()}@test.example`, PASSWORD)).toBeNull();
    expect(await sessions.signIn(org.user('off').email, PASSWORD)).toBeNull();
    expect(await sessions.signIn(org.user('ann').email, 'wrong password')).toBeNull();
    expect(await sessions.signIn(org.user('ann').email, PASSWORD)).toMatchObject({
      userId: org.user('ann').id,
      role: 'agent',
    });
    expect(checked).toEqual(['dummy', 'dummy', 'account', 'account']);
  });

  it('answers an unknown email about as slowly as a wrong password', async () => {
    const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ann' }] });
    const time = async (email: string) => {
      const started = performance.now();
      await refusal(server.api().call('login', { body: { email, password: 'wrong password' } }));
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknown.push(await time(`nobody-${randomUUID()}@test.example`));
      wrong.push(await time(org.user('ann').email));
    }
    // Without the dummy check an unknown email answers in about a millisecond, argon2 takes tens.
    const ratio = median(unknown) / median(wrong);
    expect(
      ratio,
      `unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms`,
    ).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('open sockets follow the account (X3)', () => {
  it('a disabled account loses its sockets at the next session check; other accounts keep theirs', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
      ],
    });
    const ann = connectSocket(server.url, await signIn(org, 'ann'));
    const ben = connectSocket(server.url, await signIn(org, 'ben'));
    await Promise.all([ann.ready, ben.ready]);
    expect(await server.app.realtime.recheckSessions()).toBe(0);
    expect(ann.socket.connected).toBe(true);

    await db.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, org.user('ann').id));
    expect(await server.app.realtime.recheckSessions()).toBe(1);
    await eventually(() => !ann.socket.connected);
    expect(ben.socket.connected).toBe(true);
    ann.close();
    ben.close();
  });
});
