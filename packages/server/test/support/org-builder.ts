import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords.js';
import type { RouteToQueueRule } from '@switchboard/protocol';
import { workstreamSettings } from '../../src/store/routing-config.js';
import type { Db } from '../../src/store/db.js';
import { organizations, queueMembers, queues, users, widgets, workstreams } from '../../src/store/schema.js';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export type OrgSpec = {
  queues: string[];
  users: {
    key: string;
    role?: 'agent' | 'supervisor' | 'admin';
    queues?: string[];
    capacity?: number;
    presence?: 'available' | 'offline';
  }[];
  rules?: (queueId: (name: string) => string) => RouteToQueueRule[];
  workstream?: Partial<Parameters<typeof workstreamSettings>[0]>;
  offerTimeoutSeconds?: number;
};

export type BuiltOrg = {
  orgId: string;
  widgetId: string;
  workstreamId: string;
  queueId: (name: string) => string;
  user: (key: string) => { id: string; email: string; name: string };
};

/** A fresh organisation with unique names, so tests can share one database without seeing each other. */
export async function buildOrg(db: Db, spec: OrgSpec): Promise<BuiltOrg> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const [org] = await db
    .insert(organizations)
    .values({ name: `Org ${tag}`, slug: `org-${tag}` })
    .returning();
  const orgId = org!.id;
  const queueRows = await db
    .insert(queues)
    .values(spec.queues.map((name) => ({ orgId, name })))
    .returning();
  const queueId = (name: string) => {
    const q = queueRows.find((r) => r.name === name);
    if (!q) throw new Error(`no queue ${name}`);
    return q.id;
  };
  const userMap = new Map<string, { id: string; email: string; name: string }>();
  for (const u of spec.users) {
    const email = `${u.key}-${tag}@test.example`;
    const [row] = await db
      .insert(users)
      .values({
        orgId,
        email,
        name: `${u.key} ${tag}`,
        role: u.role ?? 'agent',
        passwordHash: hash,
        capacity: u.capacity ?? 2,
        presence: u.presence ?? 'offline',
        connected: u.presence === 'available',
      })
      .returning();
    userMap.set(u.key, { id: row!.id, email, name: row!.name });
    for (const q of u.queues ?? [])
      await db.insert(queueMembers).values({ orgId, queueId: queueId(q), userId: row!.id });
  }
  const config = workstreamSettings({
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
    routeToQueue: spec.rules?.(queueId) ?? [],
    offerTimeoutSeconds: spec.offerTimeoutSeconds ?? null,
    ...spec.workstream,
  });
  const [ws] = await db
    .insert(workstreams)
    .values({ orgId, name: 'Chat', fallbackQueueId: queueId(spec.queues[0]!), config })
    .returning();
  const widgetId = `w-${tag}`;
  await db.insert(widgets).values({ id: widgetId, orgId, workstreamId: ws!.id, title: 'Chat' });
  return {
    orgId,
    widgetId,
    workstreamId: ws!.id,
    queueId,
    user: (key) => {
      const u = userMap.get(key);
      if (!u) throw new Error(`no user ${key}`);
      return u;
    },
  };
}
