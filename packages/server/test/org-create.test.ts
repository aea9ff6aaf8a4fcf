import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../src/services/organisations.js';
import { openDatabase } from '../src/store/db.js';
import { eventually, serverForFile, startServer } from './support/harness.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const t = serverForFile();

const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@neworg.example`;

describe('creating an organisation (hosting several)', () => {
  it('gives a usable organisation at once: its admin signs in, and its widget takes chats', async () => {
    const adminEmail = email('ada');
    const org = await createOrganisation(t.db.db, {
      name: 'Fabrikam Support',
      adminEmail,
      adminPassword: 'fabrikam-admin',
    });
    const { token, user } = await t.server
      .api()
      .call('login', { body: { email: adminEmail, password: 'fabrikam-admin' } });
    expect(user).toMatchObject({ orgId: org.orgId, orgName: 'Fabrikam Support', role: 'admin' });
    const admin = t.server.api(token);
    const config = await admin.call('exportConfig');
    expect(config.queues.map((q) => q.name)).toEqual(['General']);
    expect(config.workstreams.map((w) => w.name)).toEqual(['Website chat']);
    expect((await admin.call('getRoutingSettings')).defaultPresence).toBe('available');
    expect((await admin.call('listChatWidgets')).map((w) => w.id)).toEqual([org.widgetId]);

    // Its widget takes a chat at once, and the chat waits in its queue for the agents the admin adds.
    const chat = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'hello' } },
    });
    const all = await eventually(async () => {
      const list = (await admin.call('listConversations', { query: { scope: 'all' } })).conversations;
      return list.length ? list : undefined;
    });
    expect(all.map((c) => [c.id, c.queueId])).toEqual([[chat.conversation.id, org.queueId]]);
  });

  it('refuses a taken email (any case), a weak password and a missing name, and creates nothing', async () => {
    const adminEmail = email('taken');
    await createOrganisation(t.db.db, { name: 'First', adminEmail, adminPassword: 'long enough' });
    await expect(
      createOrganisation(t.db.db, {
        name: 'Second',
        adminEmail: adminEmail.toUpperCase(),
        adminPassword: 'long enough',
      }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('already belongs to an account'),
    });
    await expect(
      createOrganisation(t.db.db, { name: 'Third', adminEmail: email('weak'), adminPassword: 'short' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: 'the admin password must be at least 8 characters',
    });
    await expect(
      createOrganisation(t.db.db, { name: '  ', adminEmail: email('x'), adminPassword: 'long enough' }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    // Two organisations of one name get two slugs.
    const a = await createOrganisation(t.db.db, {
      name: 'Same Name',
      adminEmail: email('s1'),
      adminPassword: 'long enough',
    });
    const b = await createOrganisation(t.db.db, {
      name: 'Same Name',
      adminEmail: email('s2'),
      adminPassword: 'long enough',
    });
    expect(a.slug).not.toBe(b.slug);
  });

  it('works from the command line the way an operator runs it, with clear errors', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-org-create-'));
    const dir = path.join(dataDir, 'data');
    // The CLI uses the server's own settings: DATABASE_URL when set, else the embedded database in DATA_DIR.
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL ?? '' };
    const cli = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/org-create.ts', ...args], {
        cwd: root,
        env,
      }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    try {
      const adminEmail = email('cli');
      const ok = await cli(['--name', 'Northwind', '--admin-email', adminEmail, '--admin-password', 'northwind-pw']);
      expect(ok.code, ok.err).toBe(0);
      expect(ok.out).toContain(`Admin:     ${adminEmail}`);

      const missing = await cli(['--name', 'Northwind']);
      expect(missing).toMatchObject({
        code: 2,
        err: expect.stringContaining('missing --admin-email, --admin-password'),
      });
      const taken = await cli(['--name', 'Again', '--admin-email', adminEmail, '--admin-password', 'northwind-pw']);
      expect(taken).toMatchObject({ code: 2, err: expect.stringContaining('already belongs to an account') });
      const weak = await cli(['--name', 'Weak', '--admin-email', email('weak'), '--admin-password', '1234']);
      expect(weak).toMatchObject({ code: 2, err: expect.stringContaining('at least 8 characters') });

      // A server on that database signs the new admin in.
      const database = process.env.DATABASE_URL ? t.db : await openDatabase({ dataDir: dir });
      const other = await startServer({ database });
      try {
        const { user } = await other.api().call('login', { body: { email: adminEmail, password: 'northwind-pw' } });
        expect(user).toMatchObject({ orgName: 'Northwind', role: 'admin' });
      } finally {
        await other.close();
        if (database !== t.db) await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
