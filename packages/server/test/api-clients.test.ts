import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';
import { makeClient, storedClients, withKey } from './support/api-client-fixture.js';

// The admin's API clients (AD1): a client and its keys are made, listed, renamed, disabled and
// revoked in the admin's own organisation; a key's secret is in the one answer that makes it;
// bad input and another organisation's ids are a 4xx that changes nothing in either.
const t = serverForFile();

async function setup() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'sue', role: 'supervisor' },
      { key: 'ann', queues: ['Support'] },
    ],
  });
  const login = (key: string) =>
    t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const admin = t.server.api((await login('ada')).token);
  const supervisor = t.server.api((await login('sue')).token);
  return { org, admin, supervisor };
}

/** The status and message of a refused call. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiCallError)) throw new Error(`expected a refused call, got ${String(err)}`);
  return { status: err.status, message: err.body?.message ?? '' };
}

describe("the admin's API clients (AD1)", () => {
  it('makes a client with its first key, adds a key, lists them without secrets, renames and disables', async () => {
    const { admin } = await setup();
    const made = await admin.call('createApiClient', { body: { name: ' CRM sync ', keyName: 'production' } });
    expect(made.client).toMatchObject({ name: 'CRM sync', disabled: false, activeKeys: 1 });
    expect(made.key).toMatchObject({ name: 'production', lastUsedAt: null, revokedAt: null });
    expect(made.secret).toMatch(new RegExp(`^sbk_${made.key.prefix}_[A-Za-z0-9_-]{43}$`));

    const second = await admin.call('createApiKey', { params: { id: made.client.id }, body: { name: 'staging' } });
    expect(second.secret).not.toBe(made.secret);
    expect(second.key.prefix).not.toBe(made.key.prefix);
    const keys = await admin.call('listApiKeys', { params: { id: made.client.id } });
    expect(keys.map((k) => k.name)).toEqual(['staging', 'production']);
    const listed = JSON.stringify([keys, await admin.call('listApiClients')]);
    for (const secret of [made.secret, second.secret]) expect(listed).not.toContain(secret.slice(22));

    const revoked = await admin.call('revokeApiKey', { params: { id: made.key.id }, body: {} });
    expect(revoked.revokedAt).not.toBeNull();
    // Revoking again changes nothing: the first revocation's time stays.
    expect(await admin.call('revokeApiKey', { params: { id: made.key.id }, body: {} })).toEqual(revoked);
    const change = { name: 'CRM (old)', disabled: true };
    const changed = await admin.call('updateApiClient', { params: { id: made.client.id }, body: change });
    expect(changed).toMatchObject({ name: 'CRM (old)', disabled: true, activeKeys: 1 });
    expect(await admin.call('listApiClients')).toEqual([changed]);
  });

  it('is for admins only: a supervisor cannot list or make clients', async () => {
    const { supervisor } = await setup();
    expect(await refusal(supervisor.call('listApiClients'))).toEqual({
      status: 403,
      message: 'Only admins may do this',
    });
    const made = supervisor.call('createApiClient', { body: { name: 'x', keyName: 'y' } });
    expect((await refusal(made)).status).toBe(403);
  });

  it('keeps an API client out of the user accounts: no person becomes one, it is not changed as one', async () => {
    const { org, admin } = await setup();
    const client = await makeClient(admin);
    const person = admin.call('updateApiClient', {
      params: { id: org.user('ann').id },
      body: { name: 'Bot', disabled: true },
    });
    expect(await refusal(person)).toEqual({ status: 404, message: 'API client not found' });
    expect((await admin.call('listUsers')).find((u) => u.id === org.user('ann').id)?.disabled).toBe(false);
    const asApi = { name: 'Bot', email: `bot-${randomUUID()}@x.example`, role: 'api', password: 'long enough' };
    expect((await refusal(admin.call('createUser', { body: asApi as never }))).status).toBe(400);
    const body = { name: 'Bot', email: `bot-${randomUUID()}@x.example`, role: 'agent' as const, disabled: false };
    expect(await refusal(admin.call('updateUser', { params: { id: client.id }, body }))).toEqual({
      status: 409,
      message: 'this is an API client: change it under API clients',
    });
    const routing = { capacity: 2, queueIds: [], skills: [], capacityProfiles: [] };
    const asAgent = refusal(admin.call('updateAgentRouting', { params: { id: client.id }, body: routing }));
    expect(await asAgent).toEqual({ status: 404, message: 'agent not found' });
  });
});

describe('bad input about API clients changes nothing (AD1)', () => {
  it.each([
    ['an empty name', 'POST', '/api/admin/api-clients', { name: '  ', keyName: 'k' }, 400, 'name is required'],
    ['a name too long', 'POST', '/api/admin/api-clients', { name: 'x'.repeat(201), keyName: 'k' }, 400, '200'],
    ['an empty key name', 'POST', '/api/admin/api-clients', { name: 'CRM', keyName: '' }, 400, 'a key needs a name'],
    ['a key name too long', 'POST', '/api/admin/api-clients', { name: 'CRM', keyName: 'k'.repeat(101) }, 400, '100'],
    ['a control character', 'POST', '/api/admin/api-clients', { name: 'C\u0000', keyName: 'k' }, 400, 'NUL'],
    ['an unknown field', 'POST', '/api/admin/api-clients', { name: 'C', keyName: 'k', role: 'admin' }, 400, 'role'],
    ['an unknown client', 'PUT', `/api/admin/api-clients/${randomUUID()}`, { name: 'X', disabled: true }, 404, 'API'],
    ['an unknown client’s keys', 'GET', `/api/admin/api-clients/${randomUUID()}/keys`, undefined, 404, 'API client'],
    ['a key for no client', 'POST', `/api/admin/api-clients/${randomUUID()}/keys`, { name: 'k' }, 404, 'API client'],
    ['an unknown key', 'POST', `/api/admin/api-keys/${randomUUID()}/revoke`, {}, 404, 'API key not found'],
    ['a client id that is no id', 'PUT', '/api/admin/api-clients/not-an-id', { name: 'X', disabled: true }, 400, 'id'],
  ])('refuses %s', async (_what, method, path, body, status, says) => {
    const { org, admin } = await setup();
    const token = (await t.server.api().call('login', { body: { email: org.user('ada').email, password: PASSWORD } }))
      .token;
    await makeClient(admin);
    const before = await storedClients(t.db.db, org.orgId);
    const res = await fetch(`${t.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await res.json()) as { statusCode: number; message: string };
    expect(res.status).toBe(status);
    expect(answer).toMatchObject({ statusCode: status, message: expect.stringContaining(says) });
    expect(await storedClients(t.db.db, org.orgId)).toEqual(before);
  });

  it("refuses another organisation's client and key as if they did not exist; neither one changes", async () => {
    const a = await setup();
    const b = await setup();
    const theirs = await makeClient(b.admin, 'Their CRM');
    await makeClient(a.admin, 'Our CRM');
    const before = [await storedClients(t.db.db, a.org.orgId), await storedClients(t.db.db, b.org.orgId)];
    const calls = [
      () => a.admin.call('updateApiClient', { params: { id: theirs.id }, body: { name: 'Taken', disabled: true } }),
      () => a.admin.call('listApiKeys', { params: { id: theirs.id } }),
      () => a.admin.call('createApiKey', { params: { id: theirs.id }, body: { name: 'mine now' } }),
      () => a.admin.call('revokeApiKey', { params: { id: theirs.keyId }, body: {} }),
    ];
    for (const c of calls) expect((await refusal(c())).status).toBe(404);
    expect(JSON.stringify(await a.admin.call('listApiClients'))).not.toContain(theirs.id);
    expect([await storedClients(t.db.db, a.org.orgId), await storedClients(t.db.db, b.org.orgId)]).toEqual(before);
    // Their key still works, for them.
    expect((await withKey(t.server.url, theirs.secret, 'GET', '/api/me')).body).toMatchObject({ id: theirs.id });
  });
});
