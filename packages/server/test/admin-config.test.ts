import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, type ConfigExportInput } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

let db: Database;
let server: TestServer;
let org: BuiltOrg;
const token: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    queues: ['Support', 'Sales'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
      { key: 'ada', role: 'admin' },
    ],
  });
  for (const key of ['ann', 'sue', 'ada'])
    token[key] = (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const admin = () => server.api(token.ada);
const problemsOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiCallError);
  return {
    status: (err as ApiCallError).status,
    body: (err as ApiCallError).body as { message: string; problems?: string[] },
  };
};

describe('admin center API (AD3)', () => {
  it('is for admins only: agents and supervisors get 403 with a message', async () => {
    for (const who of ['ann', 'sue']) {
      const res = await fetch(`${server.url}/api/admin/skills`, { headers: { authorization: `Bearer ${token[who]}` } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toBe('Only admins may do this');
    }
  });

  it('creates, changes and deletes configuration, refusing what would dangle', async () => {
    const french = await admin().call('createSkill', { body: { name: 'French', type: 'Language' } });
    const hours = await admin().call('createOperatingHours', {
      body: {
        name: 'Office',
        timeZone: 'Europe/Paris',
        weekly: [{ day: 'mon', start: '09:00', end: '17:00' }],
        holidays: ['2026-12-25'],
      },
    });
    const vip = await admin().call('createQueue', {
      body: {
        name: 'VIP',
        priority: 1,
        assignment: { kind: 'round-robin' },
        operatingHoursId: hours.id,
        overflow: [],
        memberIds: [org.user('ann').id],
      },
    });
    expect((await admin().call('listQueueConfigs')).map((q) => q.name)).toEqual(['Sales', 'Support', 'VIP']);

    // An agent's queues and a queue's members are one relation.
    const agents = await admin().call('listAgents');
    expect(agents.find((a) => a.id === org.user('ann').id)!.routing.queueIds).toContain(vip.id);
    const updated = await admin().call('updateAgentRouting', {
      params: { id: org.user('ann').id },
      body: { capacity: 4, queueIds: [vip.id], skills: [{ skillId: french.id, proficiency: 8 }], capacityProfiles: [] },
    });
    expect(updated.routing).toMatchObject({
      capacity: 4,
      queueIds: [vip.id],
      skills: [{ skillId: french.id, proficiency: 8 }],
    });
    expect((await admin().call('listQueueConfigs')).find((q) => q.name === 'Support')!.memberIds).toEqual([]);

    // Dangling references are refused with every problem named, and nothing changes.
    const missing = '00000000-0000-4000-8000-000000000042';
    const { id: _vipId, ...vipBody } = vip;
    const bad = await problemsOf(
      admin().call('updateQueue', {
        params: { id: vip.id },
        body: {
          ...vipBody,
          operatingHoursId: missing,
          overflow: [{ when: { kind: 'queue-size', limit: 3 }, then: { kind: 'transfer', queueId: missing } }],
        },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      `queue "VIP" uses operating hours ${missing}, which do not exist`,
      `queue "VIP" overflows to queue ${missing}, which does not exist`,
    ]);
    expect((await admin().call('listQueueConfigs')).find((q) => q.id === vip.id)!.operatingHoursId).toBe(hours.id);

    // Deleting something still in use is a 409 that says where it is used.
    const used = await problemsOf(admin().call('deleteOperatingHours', { params: { id: hours.id } }));
    expect(used.status).toBe(409);
    expect(used.body.problems).toEqual([`queue "VIP" uses operating hours ${hours.id}, which do not exist`]);
    // A skill goes, and with it the agents' links to it.
    await admin().call('deleteSkill', { params: { id: french.id } });
    expect((await admin().call('listAgents')).find((a) => a.id === org.user('ann').id)!.routing.skills).toEqual([]);
    await expect(admin().call('deleteSkill', { params: { id: french.id } })).rejects.toMatchObject({ status: 404 });
    // Names are unique per kind.
    expect(
      (await problemsOf(admin().call('createQueue', { body: { name: 'vip', memberIds: [] } }))).body.problems,
    ).toEqual(['queue "vip" appears twice']);
  });

  it('exports the whole configuration and imports it back; an invalid file is rejected whole with its problems', async () => {
    const before = await admin().call('exportConfig');
    expect(before.format).toBe('switchboard-config');
    const result = await admin().call('importConfig', { body: before as ConfigExportInput });
    expect(result.ok).toBe(true);
    const again = await admin().call('exportConfig');
    expect({ ...again, exportedAt: null }).toEqual({ ...before, exportedAt: null });

    const ghost = '00000000-0000-4000-8000-000000000099';
    const broken = {
      ...before,
      skills: [...before.skills, { id: ghost, name: 'Ghostly', type: 'General' }],
      workstreams: before.workstreams.map((w) => ({ ...w, fallbackQueueId: '00000000-0000-4000-8000-000000000098' })),
      agents: [
        ...before.agents,
        { email: 'nobody@nowhere.example', capacity: 1, queueIds: [], skills: [], capacityProfiles: [] },
      ],
    };
    const res = await problemsOf(admin().call('importConfig', { body: broken as ConfigExportInput }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^The import was rejected and nothing was changed/);
    expect(res.body.problems).toEqual([
      'agent nobody@nowhere.example is not a user of this organisation',
      'workstream "Chat" falls back to queue 00000000-0000-4000-8000-000000000098, which does not exist',
    ]);
    const after = await admin().call('exportConfig');
    expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });

    // Schema errors are refused before anything is read.
    const shape = await fetch(`${server.url}/api/admin/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token.ada}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...before, queues: [{ name: '' }] }),
    });
    expect(shape.status).toBe(400);
    expect(((await shape.json()) as { message: string }).message).toMatch(/body\.queues\.0\./);
  });

  it('the session limit and what a full agent shows travel with an export; an older export without them imports with the defaults', async () => {
    await admin().call('updateRoutingSettings', {
      body: { defaultPresence: 'available', idleMinutes: 15, sessionLimit: 5, fullPresence: 'busy-dnd' },
    });
    const saved = await admin().call('exportConfig');
    expect(saved.settings).toMatchObject({ sessionLimit: 5, fullPresence: 'busy-dnd' });
    const { sessionLimit: _limit, fullPresence: _full, ...olderSettings } = saved.settings;
    expect(
      (await admin().call('importConfig', { body: { ...saved, settings: olderSettings } as ConfigExportInput })).ok,
    ).toBe(true);
    expect(await admin().call('getRoutingSettings')).toMatchObject({ sessionLimit: null, fullPresence: 'busy' });
    expect((await admin().call('importConfig', { body: saved as ConfigExportInput })).ok).toBe(true);
    expect(await admin().call('getRoutingSettings')).toMatchObject({ sessionLimit: 5, fullPresence: 'busy-dnd' });
    const zero = await problemsOf(
      admin().call('updateRoutingSettings', {
        body: { defaultPresence: 'available', idleMinutes: 15, sessionLimit: 0 },
      }),
    );
    expect(zero.status).toBe(400);
    // Back to the defaults for the tests after this one (they share the organisation).
    await admin().call('updateRoutingSettings', { body: { defaultPresence: 'available', idleMinutes: 15 } });
  });

  it('refuses to remove a queue that still holds conversations', async () => {
    const chat = await server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'E', email: 'e@x.example', question: 'q' } },
      });
    expect(chat.conversation.id).toBeTruthy();
    const support = (await admin().call('listQueueConfigs')).find((q) => q.name === 'Support')!;
    const res = await problemsOf(admin().call('deleteQueue', { params: { id: support.id } }));
    expect(res.status).toBe(409);
    expect(res.body.problems![0]).toMatch(/holds 1 conversation\(s\) and cannot be removed/);
  });
});
