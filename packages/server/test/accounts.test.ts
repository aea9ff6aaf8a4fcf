import { describe, expect, it } from 'vitest';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

// User management (AD1): an admin adds, changes, disables and resets staff accounts; the change
// holds from the next request; nobody locks the organisation out; neighbours stay apart.
const t = serverForFile();

async function setup() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'ann', queues: ['Support'] },
    ],
  });
  const login = (email: string, password = PASSWORD) => t.server.api().call('login', { body: { email, password } });
  const ada = t.server.api((await login(org.user('ada').email)).token);
  return { org, ada, login };
}

const email = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@contoso.example`;

describe('user management (AD1)', () => {
  it('an admin adds a supervisor who signs in, changes their role, resets their password, disables them', async () => {
    const { org, ada, login } = await setup();
    const address = email('sven');
    const sven = await ada.call('createUser', {
      body: { name: 'Sven', email: address, role: 'supervisor', password: 'first password' },
    });
    expect(sven).toMatchObject({ name: 'Sven', email: address, role: 'supervisor', disabled: false });
    expect((await ada.call('listUsers')).map((u) => u.name).sort()).toEqual(
      [org.user('ada').name, org.user('ann').name, 'Sven'].sort(),
    );
    const session = await login(address, 'first password');
    expect(session.user.role).toBe('supervisor');
    const asSven = t.server.api(session.token);
    expect((await asSven.call('listOngoing', { query: {} })).total).toBe(0);

    // Made an agent: the next request already knows.
    const change = { name: 'Sven Berg', email: address, role: 'agent' as const, disabled: false };
    await ada.call('updateUser', { params: { id: sven.id }, body: change });
    await expect(asSven.call('listOngoing', { query: {} })).rejects.toMatchObject({ status: 403 });
    expect((await asSven.call('me')).role).toBe('agent');

    // A new password: the old one no longer signs in.
    await ada.call('updateUser', { params: { id: sven.id }, body: { ...change, password: 'second password' } });
    await expect(login(address, 'first password')).rejects.toMatchObject({ status: 401 });
    await login(address, 'second password');

    // Disabled: their session stops and they cannot sign in; enabled again, they can.
    const off = await ada.call('updateUser', { params: { id: sven.id }, body: { ...change, disabled: true } });
    expect(off.disabled).toBe(true);
    await expect(asSven.call('me')).rejects.toMatchObject({ status: 401 });
    await expect(login(address, 'second password')).rejects.toMatchObject({ status: 401 });
    await ada.call('updateUser', { params: { id: sven.id }, body: change });
    await login(address, 'second password');
  });

  it('refuses a taken email, a short password, locking oneself out; nothing changes', async () => {
    const { org, ada } = await setup();
    const before = await ada.call('listUsers');
    await expect(
      ada.call('createUser', {
        body: { name: 'Copy', email: org.user('ann').email.toUpperCase(), role: 'agent', password: 'long enough' },
      }),
    ).rejects.toMatchObject({ status: 409, body: { message: 'that email is already in use' } });
    await expect(
      ada.call('createUser', { body: { name: 'Short', email: email('short'), role: 'agent', password: 'short' } }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('at least 8 characters') } });
    const me = { name: 'Ada', email: org.user('ada').email, role: 'admin' as const, disabled: false };
    const id = org.user('ada').id;
    await expect(ada.call('updateUser', { params: { id }, body: { ...me, disabled: true } })).rejects.toMatchObject({
      status: 409,
      body: { message: 'you cannot disable your own account' },
    });
    await expect(ada.call('updateUser', { params: { id }, body: { ...me, role: 'agent' } })).rejects.toMatchObject({
      status: 409,
      body: { message: 'you cannot take away your own admin role' },
    });
    const ann = { name: 'Ann', email: org.user('ada').email, role: 'agent' as const, disabled: false };
    await expect(ada.call('updateUser', { params: { id: org.user('ann').id }, body: ann })).rejects.toMatchObject({
      status: 409,
      body: { message: 'that email is already in use' },
    });
    expect(await ada.call('listUsers')).toEqual(before);
  });

  it("keeps organisations apart and to admins: another's user is not found, an agent is refused", async () => {
    const a = await setup();
    const b = await setup();
    const body = { name: 'X', email: a.org.user('ann').email, role: 'agent' as const, disabled: true };
    await expect(b.ada.call('updateUser', { params: { id: a.org.user('ann').id }, body })).rejects.toMatchObject({
      status: 404,
      body: { message: 'user not found' },
    });
    expect((await b.ada.call('listUsers')).some((u) => u.id === a.org.user('ann').id)).toBe(false);
    const ann = t.server.api((await a.login(a.org.user('ann').email)).token);
    await expect(ann.call('listUsers')).rejects.toMatchObject({ status: 403 });
    expect((await a.ada.call('listUsers')).find((u) => u.id === a.org.user('ann').id)?.disabled).toBe(false);
  });
});
