import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organizations } from '../src/store/schema.js';
import { connectSocket, manualClock, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';
import { makeClient, storedClients, withKey } from './support/api-client-fixture.js';

// API clients (AD1): a key stands for its client on every request, as a supervisor's reads and
// commands and nothing more; a revoked key, a disabled client or organisation is refused at once.
const clock = manualClock(new Date('2026-05-04T09:00:00Z'));
const t = serverForFile({ clock });

async function setup() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'ann', queues: ['Support'] },
    ],
  });
  const login = await t.server.api().call('login', { body: { email: org.user('ada').email, password: PASSWORD } });
  const admin = t.server.api(login.token);
  const client = await makeClient(admin);
  const call = (method: string, path: string, opts?: Parameters<typeof withKey>[4]) =>
    withKey(t.server.url, client.secret, method, path, opts);
  return { org, admin, client, call };
}

const startChat = (widgetId: string) =>
  t.server.api().call('startChat', {
    params: { widgetId },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' } },
  });

describe('what an API key may call (AD1)', () => {
  it('reads and gives supervisor commands as its client, by either header', async () => {
    const { org, client, call } = await setup();
    const me = await call('GET', '/api/me');
    expect(me).toMatchObject({ status: 200, body: { id: client.id, role: 'api', name: 'CRM sync' } });
    expect((await call('GET', '/api/supervision/conversations', { header: 'x-api-key' })).status).toBe(200);

    const chat = await startChat(org.widgetId);
    const all = await call('GET', '/api/conversations?scope=all');
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).toContain(chat.conversation.id);
    const closed = await call('POST', `/api/supervision/conversations/${chat.conversation.id}/force-close`, {
      body: {},
    });
    expect(closed.status).toBe(200);
    const detail = await call('GET', `/api/conversations/${chat.conversation.id}`);
    expect(detail.body).toMatchObject({ state: 'closed' });
    expect(JSON.stringify(detail.body)).toContain(`"actor":{"type":"api","id":"${client.id}","name":"CRM sync"}`);
  });

  it.each([
    ['an admin list', 'GET', '/api/admin/users', 'cannot call admin routes'],
    ['a change of configuration', 'PUT', '/api/admin/settings/supervision', 'cannot call admin routes'],
    ['making more keys', 'POST', '/api/admin/api-clients', 'cannot call admin routes'],
    ["an agent's presence", 'PUT', '/api/me/presence', 'no desk of its own'],
    ["an agent's workspace", 'GET', '/api/me/workspace', 'no desk of its own'],
    ["an agent's offers", 'GET', '/api/offers', 'no desk of its own'],
    ['a sign-out', 'POST', '/api/auth/logout', 'cannot act as an agent'],
  ])('refuses %s with 403, changing nothing', async (_what, method, path, message) => {
    const { org, call } = await setup();
    const before = await storedClients(t.db.db, org.orgId);
    const body = method === 'GET' ? undefined : { presence: 'available' };
    const answer = await call(method, path, { body: method === 'GET' ? undefined : body });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain(message);
    // A refused call still records that the key was used; nothing else of the client moves.
    const after = await storedClients(t.db.db, org.orgId);
    expect(after.clients).toEqual(before.clients);
  });

  it('never takes part in routing, sign-in or sockets', async () => {
    const { org, admin, client, call } = await setup();
    const [row] = (await storedClients(t.db.db, org.orgId)).clients;
    const signIn = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: row!.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(401);
    expect((await admin.call('listAgents')).map((a) => a.id)).not.toContain(client.id);
    expect((await admin.call('listUsers')).map((u) => u.id)).not.toContain(client.id);
    expect((await admin.call('exportConfig')).agents.map((a) => a.email)).not.toContain(row!.email);
    const search = await call('GET', '/api/supervision/agents?search=CRM&limit=10');
    expect(search).toMatchObject({ status: 200, body: { agents: [] } });
    const chat = await startChat(org.widgetId);
    await t.server.app.settled();
    const options = await call('GET', `/api/supervision/conversations/${chat.conversation.id}/assign-options`);
    expect(options.status).toBe(200);
    expect(JSON.stringify(options.body)).not.toContain(client.id);
    const socket = connectSocket(t.server.url, client.secret);
    socket.socket.io.opts.reconnection = false;
    await expect(socket.ready).rejects.toThrow(/REST API/);
    socket.close();
  });
});

describe('when a key stops working (AD1)', () => {
  it('refuses a revoked key from the next request; the client’s other key goes on', async () => {
    const { admin, client, call } = await setup();
    const second = await admin.call('createApiKey', { params: { id: client.id }, body: { name: 'second' } });
    expect((await call('GET', '/api/me')).status).toBe(200);
    await admin.call('revokeApiKey', { params: { id: client.keyId }, body: {} });
    const refused = await call('GET', '/api/me');
    expect(refused).toMatchObject({ status: 401, body: { message: expect.stringContaining('has been revoked') } });
    expect((await withKey(t.server.url, second.secret, 'GET', '/api/me')).status).toBe(200);
  });

  it('refuses every key of a disabled client, and takes them again once it is enabled', async () => {
    const { admin, client, call } = await setup();
    await admin.call('updateApiClient', { params: { id: client.id }, body: { name: 'CRM sync', disabled: true } });
    const refused = await call('GET', '/api/supervision/conversations', { header: 'x-api-key' });
    expect(refused).toMatchObject({ status: 401, body: { message: expect.stringContaining('client is disabled') } });
    await admin.call('updateApiClient', { params: { id: client.id }, body: { name: 'CRM sync', disabled: false } });
    expect((await call('GET', '/api/me')).status).toBe(200);
  });

  it('refuses the keys of a disabled organisation', async () => {
    const { org, call } = await setup();
    await t.db.db.update(organizations).set({ disabledAt: clock.now() }).where(eq(organizations.id, org.orgId));
    const refused = await call('GET', '/api/me');
    expect(refused).toMatchObject({
      status: 401,
      body: { message: expect.stringContaining('organisation is disabled') },
    });
  });

  it("refuses another organisation's prefix with this one's secret, a changed secret, and no key at all", async () => {
    const a = await setup();
    const b = await setup();
    const [, prefixA] = /^sbk_([0-9a-f]{16})_/.exec(a.client.secret)!;
    const secretB = b.client.secret.slice('sbk_0123456789abcdef_'.length);
    const mixed = `sbk_${prefixA}_${secretB}`;
    const last = a.client.secret.at(-1) === 'A' ? 'B' : 'A';
    for (const key of [mixed, `${a.client.secret.slice(0, -1)}${last}`, 'sbk_not-a-key']) {
      const answer = await withKey(t.server.url, key, 'GET', '/api/me');
      expect(answer, key).toMatchObject({ status: 401, body: { message: expect.stringContaining('not valid') } });
    }
    const noKey = await fetch(`${t.server.url}/api/me`, { headers: { 'x-api-key': 'a signed-in token' } });
    expect(noKey.status).toBe(401);
    // B's key is B's client: it reads B's organisation only.
    const chatA = await startChat(a.org.widgetId);
    const seen = await b.call('GET', '/api/conversations?scope=all');
    expect(JSON.stringify(seen.body)).not.toContain(chatA.conversation.id);
    expect((await b.call('GET', `/api/conversations/${chatA.conversation.id}`)).status).toBe(404);
  });
});

describe('what is kept of a key (AD1)', () => {
  it('stores only the hash of its secret, and records its last use at most once a minute', async () => {
    const { org, admin, client, call } = await setup();
    const secret = client.secret.slice('sbk_0123456789abcdef_'.length);
    const [row] = (await storedClients(t.db.db, org.orgId)).keys;
    expect(row!.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const stored = JSON.stringify(await storedClients(t.db.db, org.orgId));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(client.secret);
    for (const listed of [
      await admin.call('listApiClients'),
      await admin.call('listApiKeys', { params: { id: client.id } }),
    ])
      expect(JSON.stringify(listed)).not.toContain(secret);

    const lastUsed = async () => (await storedClients(t.db.db, org.orgId)).keys[0]!.lastUsedAt?.toISOString() ?? null;
    expect(await lastUsed()).toBeNull();
    await call('GET', '/api/me');
    const first = clock.now().toISOString();
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await call('GET', '/api/me');
    await call('GET', '/api/supervision/conversations');
    expect(await lastUsed()).toBe(first);
    clock.advance(31_000);
    await call('GET', '/api/me');
    expect(await lastUsed()).toBe(clock.now().toISOString());
    const [listed] = await admin.call('listApiKeys', { params: { id: client.id } });
    expect(listed).toMatchObject({ id: client.keyId, lastUsedAt: clock.now().toISOString(), revokedAt: null });
  });
});
