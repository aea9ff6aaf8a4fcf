import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../packages/server/src/auth/passwords.js';
import { rowsOf, type Db } from '../../packages/server/src/store/db.js';
import { workstreamSettings } from '../../packages/server/src/store/routing-config.js';

export const BENCH_PASSWORD = 'bench password 1234';

export type BenchOrg = {
  orgId: string;
  widgetId: string;
  agents: { id: string; email: string }[];
  conversationIds: string[];
};

/**
 * One organisation for a benchmark: `agents` agents of `capacity` units, members of the chat
 * queue when `inQueue` (else of none, so nothing is offered to them), and `conversations` chats
 * already waiting in that queue, for idle widget connections.
 */
export async function seedOrg(
  db: Db,
  opts: { agents: number; capacity: number; inQueue: boolean; conversations?: number },
): Promise<BenchOrg> {
  const orgId = randomUUID();
  const tag = orgId.slice(0, 8);
  const hash = await hashPassword(BENCH_PASSWORD);
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${orgId}::uuid, ${'Bench ' + tag}, ${'bench-' + tag})`,
  );
  const [queue] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into queues (org_id, name) values (${orgId}::uuid, 'Chat') returning id`),
  );
  const agents = rowsOf<{ id: string; email: string }>(
    await db.execute(sql`insert into users (org_id, email, name, role, password_hash, capacity, presence)
      select ${orgId}::uuid, 'agent' || g || '@' || ${tag} || '.example', 'Agent ' || g, 'agent', ${hash}, ${opts.capacity}::int, 'offline'
      from generate_series(1, ${opts.agents}::int) g returning id, email`),
  );
  if (opts.inQueue)
    await db.execute(
      sql`insert into queue_members (org_id, queue_id, user_id) select ${orgId}::uuid, ${queue!.id}::uuid, id from users where org_id = ${orgId}::uuid`,
    );
  const settings = workstreamSettings({
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
  });
  const wsId = randomUUID();
  await db.execute(
    sql`insert into workstreams (id, org_id, name, fallback_queue_id, config) values (${wsId}::uuid, ${orgId}::uuid, 'Chat', ${queue!.id}::uuid, ${JSON.stringify(settings)}::jsonb)`,
  );
  const widgetId = `bench-${tag}`;
  await db.execute(
    sql`insert into widgets (id, org_id, workstream_id, title) values (${widgetId}, ${orgId}::uuid, ${wsId}::uuid, 'Chat')`,
  );
  const conversationIds = opts.conversations
    ? rowsOf<{ id: string }>(
        await db.execute(sql`insert into conversations (org_id, workstream_id, queue_id, channel, state, customer_name, capacity_units, queue_priority, waiting_since, routing_age, created_at, updated_at)
          select ${orgId}::uuid, ${wsId}::uuid, ${queue!.id}::uuid, 'webchat', 'open', 'Customer ' || g, 1, 0, now(), now(), now(), now()
          from generate_series(1, ${opts.conversations}::int) g returning id`),
      ).map((r) => r.id)
    : [];
  return { orgId, widgetId, agents, conversationIds };
}
