import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, type WidgetAuthSettings } from '@switchboard/protocol';
import { accounts, contacts, conversations } from '../src/store/schema.js';
import type { Database } from '../src/store/db.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// CH1, CH5: authenticated chat through the real start route. The site's keys are made here by jose;
// a refused token is a 401 that says why, and nothing is created: no conversation, no contact.

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
const ISS = 'https://shop.example';
const prechat = { name: 'Typed Name', email: 'typed@visitor.example', question: 'Where is my order?' };

let db: Database;
let server: TestServer;
let org: BuiltOrg;
let other: BuiltOrg;
let site: Keys;
let stranger: Keys;
let pem: string;
let jwks: Server;
let keyUrl: string;
const ids = { emma: '', fabrikam: '', neighbourContact: '' };
let adminToken = '';

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ada', role: 'admin' },
    ],
  });
  other = await buildOrg(db.db, { queues: ['Elsewhere'], users: [{ key: 'oz', role: 'admin' }] });
  adminToken = (await server.api().call('login', { body: { email: org.user('ada').email, password: PASSWORD } })).token;
  const [fabrikam] = await db.db.insert(accounts).values({ orgId: org.orgId, name: 'Fabrikam' }).returning();
  const [emma] = await db.db
    .insert(contacts)
    .values({
      orgId: org.orgId,
      name: 'Emma Janssen',
      email: 'emma@fabrikam.example',
      externalId: 'CUST-1001',
      accountId: fabrikam!.id,
    })
    .returning();
  const [nina] = await db.db
    .insert(contacts)
    .values({ orgId: other.orgId, name: 'Nina Neighbour', email: 'nina@other.example', externalId: 'CUST-9' })
    .returning();
  Object.assign(ids, { emma: emma!.id, fabrikam: fabrikam!.id, neighbourContact: nina!.id });

  site = await generateKeyPair('RS256', { extractable: true });
  stranger = await generateKeyPair('RS256', { extractable: true });
  pem = await exportSPKI(site.publicKey);
  const jwk = { ...(await exportJWK(site.publicKey)), kid: 'shop-1', alg: 'RS256' };
  jwks = createServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  keyUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => jwks.close(() => resolve()));
  await server.close();
  await db.close();
});

const admin = () => server.api(adminToken);
const configure = (body: WidgetAuthSettings) =>
  admin().call('updateWidgetAuth', { params: { widgetId: org.widgetId }, body });
const start = (authToken?: string, context: Record<string, string> = {}) =>
  server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat, context, ...(authToken ? { authToken } : {}) },
  });

type Claims = { sub?: string; iss?: string; aud?: string; iat?: number; exp?: number; lwicontexts?: string };
async function token(claims: Claims = {}, opts: { key?: Keys; kid?: string } = {}) {
  const secs = Math.floor(Date.now() / 1000);
  const { sub = 'CUST-1001', iss = ISS, iat = secs, exp = secs + 600, ...rest } = claims;
  const jwt = new SignJWT(rest).setProtectedHeader({ alg: 'RS256', ...(opts.kid ? { kid: opts.kid } : {}) });
  return jwt
    .setSubject(sub)
    .setIssuer(iss)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign((opts.key ?? site).privateKey);
}

/** The organisation's conversations and contacts, counted: a refusal changes neither. */
async function counts() {
  const [c] = await db.db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(eq(conversations.orgId, org.orgId));
  const [k] = await db.db.select({ n: sql<number>`count(*)::int` }).from(contacts);
  return { conversations: c!.n, contacts: k!.n };
}

async function refused(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiCallError);
  return { status: (err as ApiCallError).status, message: (err as ApiCallError).body?.message ?? '' };
}

const row = async (id: string) => (await db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;

describe('authenticated chat with a PEM (CH1, CH5)', () => {
  beforeAll(async () => {
    expect(await configure({ mode: 'pem', issuer: ISS, publicKeyPem: pem })).toEqual({
      mode: 'pem',
      issuer: ISS,
      publicKeyPem: pem,
    });
  });

  it('the admin reads the settings back, and the widget config says sign-in is required', async () => {
    expect(await admin().call('getWidgetAuth', { params: { widgetId: org.widgetId } })).toMatchObject({
      mode: 'pem',
      issuer: ISS,
    });
    expect((await server.api().call('widgetConfig', { params: { widgetId: org.widgetId } })).signInRequired).toBe(true);
  });

  it('a sub with the external id identifies the contact: authenticated, their account, lwicontexts', async () => {
    const lwicontexts = JSON.stringify({ plan: 'Gold', orders: 3 });
    const chat = await start(await token({ lwicontexts }), { plan: 'Free', page: '/cart' });
    const c = await row(chat.conversation.id);
    expect(c).toMatchObject({
      authenticated: true,
      contactId: ids.emma,
      accountId: ids.fabrikam,
      customerName: 'Emma Janssen',
    });
    expect(c.customerEmail).toBe('emma@fabrikam.example');
    // The site vouches for its context; the host page's other keys stay.
    expect(c.context).toMatchObject({ plan: 'Gold', orders: 3, page: '/cart' });
  });

  it("a token whose sub is the contact's id identifies them too", async () => {
    const chat = await start(await token({ sub: ids.emma }));
    expect(await row(chat.conversation.id)).toMatchObject({ authenticated: true, contactId: ids.emma });
  });

  it.each<[string, () => Promise<string | undefined>, RegExp]>([
    ['no token', async () => undefined, /needs the site to sign the customer in/],
    ['a token signed with another key', () => token({}, { key: stranger }), /signature does not match/],
    ['an expired token', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 }), /expired/],
    [
      'a token issued in the future',
      () => token({ iat: Math.floor(Date.now() / 1000) + 3600 }),
      /issued in the future/,
    ],
    ['another issuer', () => token({ iss: 'https://evil.example' }), /issuer \(iss\)/],
    ['a token for another widget', () => token({ aud: 'another-widget' }), /another widget \(aud\)/],
    ['an unknown sub', () => token({ sub: 'CUST-404' }), /no contact has the id or external id/],
    ["the neighbour's contact by external id", () => token({ sub: 'CUST-9' }), /no contact/],
    ["the neighbour's contact by id", () => token({ sub: ids.neighbourContact }), /no contact/],
    ['bad lwicontexts', () => token({ lwicontexts: '{"a":{"b":1}}' }), /lwicontexts/],
    ['alg none', async () => `${b64({ alg: 'none' })}.${b64({ sub: 'CUST-1001', iss: ISS })}.`, /RS256, not none/],
    [
      'HS256 with the public key as the secret',
      () =>
        new SignJWT({ sub: 'CUST-1001', iss: ISS })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(pem)),
      /RS256, not HS256/,
    ],
  ])('refuses %s with a 401 and creates nothing', async (_what, make, message) => {
    const before = await counts();
    const err = await refused(start(await make()));
    expect(err.status).toBe(401);
    expect(err.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authenticated chat with a key URL (JWKS, CH1)', () => {
  beforeAll(async () => {
    await configure({ mode: 'jwks', issuer: ISS, keyUrl });
  });

  it('a token with a known kid starts an authenticated chat', async () => {
    const chat = await start(await token({}, { kid: 'shop-1' }));
    expect(await row(chat.conversation.id)).toMatchObject({ authenticated: true, contactId: ids.emma });
  });

  it('an unknown kid is refused and creates nothing', async () => {
    const before = await counts();
    const err = await refused(start(await token({}, { kid: 'other', key: stranger })));
    expect(err).toEqual({
      status: 401,
      message: `sign-in token refused: no key at the widget's key URL has its kid "other"`,
    });
    expect(await counts()).toEqual(before);
  });
});

describe('the sign-in settings (CH1)', () => {
  it('refuses a PEM that is no RSA key, and a key URL over plain http to another host; nothing changes', async () => {
    const before = await admin().call('getWidgetAuth', { params: { widgetId: org.widgetId } });
    const garbage = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----';
    expect(await refused(configure({ mode: 'pem', issuer: ISS, publicKeyPem: garbage }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not a readable PEM/),
    });
    expect(await refused(configure({ mode: 'jwks', issuer: ISS, keyUrl: 'http://shop.example/keys' }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/https/),
    });
    expect(await admin().call('getWidgetAuth', { params: { widgetId: org.widgetId } })).toEqual(before);
  });

  it('turned off, a chat starts without a token and is not authenticated', async () => {
    expect(await configure({ mode: 'off' })).toEqual({ mode: 'off' });
    expect((await server.api().call('widgetConfig', { params: { widgetId: org.widgetId } })).signInRequired).toBe(
      false,
    );
    const chat = await start();
    expect((await row(chat.conversation.id)).authenticated).toBe(false);
  });

  it("the neighbour's widget is not found", async () => {
    expect(await refused(admin().call('getWidgetAuth', { params: { widgetId: other.widgetId } }))).toMatchObject({
      status: 404,
    });
  });
});
