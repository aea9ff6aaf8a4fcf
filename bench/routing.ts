// `npm run bench:routing [-- --agents 10000 --queues 100 --items 500000 --db embedded,postgres]`
// Prints figures; it is not a test. Ratios are against a baseline measured in the same run on
// the same database: the bare claim (one conditional UPDATE of the item, one of the agent).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import type { AssignmentMethod, QueueConfig, Workstream } from '@switchboard/protocol';
import { startAssignmentCycle } from '../packages/server/src/domain/routing/assign.js';
import { prioritize } from '../packages/server/src/domain/routing/prioritize.js';
import type { AgentState, RoutingConfig, WorkItem } from '../packages/server/src/domain/routing/types.js';
import { createEventBus } from '../packages/server/src/services/bus.js';
import { createPresenceService } from '../packages/server/src/services/presence.js';
import { createRoutingEngine } from '../packages/server/src/services/routing-engine.js';
import { refreshStatistics, rowsOf, type Database } from '../packages/server/src/store/db.js';
import { workstreamSettings } from '../packages/server/src/store/routing-config.js';
import { createTarget, type Target } from './support/databases.js';

const { values: args } = parseArgs({
  options: {
    agents: { type: 'string', default: '10000' },
    queues: { type: 'string', default: '100' },
    items: { type: 'string', default: '500000' },
    decisions: { type: 'string', default: '20000' },
    db: { type: 'string', default: 'embedded,postgres' },
  },
});
const AGENTS = Number(args.agents);
const QUEUES = Number(args.queues);
const ITEMS = Number(args.items);
const DECISIONS = Number(args.decisions);
const METHODS: AssignmentMethod[] = [
  { kind: 'highest-capacity' },
  { kind: 'round-robin' },
  { kind: 'least-active' },
  {
    kind: 'custom',
    order: [
      { key: 'remaining-capacity', direction: 'desc' },
      { key: 'idle-time', direction: 'desc' },
    ],
    filters: [],
  },
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

// ---- 1. the pure engine ----
function pureEngine() {
  const queueIds = Array.from({ length: QUEUES }, (_, i) => `q${i}`);
  const queues = new Map<string, QueueConfig>(
    queueIds.map((id, i) => [
      id,
      {
        id,
        name: id,
        priority: i % 3,
        assignment: METHODS[i % 4]!,
        operatingHoursId: null,
        overflow: [],
        memberIds: [],
      },
    ]),
  );
  const ws = {
    id: 'ws',
    name: 'Chat',
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
    wrapUpBlocking: { kind: 'always' },
    autoCloseAfterMinutes: null,
    affinity: false,
    reopenWindowMinutes: 1440,
    fallbackQueueId: 'q0',
    offerTimeoutSeconds: null,
    maxDeclines: 3,
    skillMatching: 'closest',
    classification: [],
    routeToQueue: [],
  } satisfies Workstream;
  const config: RoutingConfig = {
    workstreams: new Map([['ws', ws]]),
    queues,
    capacityProfiles: new Map(),
    operatingHours: new Map(),
    sessionLimit: null,
  };
  const now = new Date('2026-06-01T12:00:00Z');
  const agents: AgentState[] = Array.from({ length: AGENTS }, (_, i) => {
    const qs = [queueIds[i % QUEUES]!, queueIds[(i * 7 + 3) % QUEUES]!];
    return {
      id: `a${i}`,
      name: `Agent ${i}`,
      presence: rand() < 0.8 ? 'available' : 'away',
      capacity: 5,
      usedCapacity: Math.floor(rand() * 5),
      profiles: {},
      queueIds: qs,
      skills: { s1: 1 + Math.floor(rand() * 10), s2: 1 + Math.floor(rand() * 10) },
      lastAssignedAt: Object.fromEntries(
        qs.map((q) => [q, rand() < 0.5 ? null : new Date(now.getTime() - rand() * 3600_000)]),
      ),
      joinedQueueAt: Object.fromEntries(qs.map((q) => [q, new Date(now.getTime() - 86_400_000)])),
      lastCapacityReleaseAt: rand() < 0.3 ? null : new Date(now.getTime() - rand() * 3600_000),
      sessions: 0,
    };
  });
  const item = (i: number): WorkItem => ({
    id: `c${i}`,
    workstreamId: 'ws',
    queueId: queueIds[i % QUEUES]!,
    priority: 100,
    skills: i % 3 === 0 ? [{ skillId: 's1', proficiency: 5 }] : [],
    need: { kind: 'units', units: 1 },
    enqueuedAt: new Date(now.getTime() - (ITEMS - i) * 10),
    lastCustomerMessageAt: null,
    asynchronous: false,
    declines: {},
    affinityAgentId: null,
  });
  const perDecision: number[] = [];
  const perCycleStart: number[] = [];
  for (let done = 0; done < DECISIONS;) {
    let t = performance.now();
    const cycle = startAssignmentCycle(agents, config, now);
    perCycleStart.push(performance.now() - t);
    const block = prioritize(
      Array.from({ length: 100 }, (_, k) => item((done + k) % ITEMS)),
      queues,
    );
    for (const it of block) {
      t = performance.now();
      cycle.assign(it);
      perDecision.push(performance.now() - t);
    }
    done += block.length;
  }
  perDecision.sort((a, b) => a - b);
  perCycleStart.sort((a, b) => a - b);
  return { p50: pct(perDecision, 50), p99: pct(perDecision, 99), cycleStartP50: pct(perCycleStart, 50) };
}

// ---- 2. durable assignments on a database ----
async function seedOrg(database: Database) {
  const { db } = database;
  const orgId = randomUUID();
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${orgId}::uuid, 'Bench', ${'bench-' + orgId})`,
  );
  await db.execute(sql`insert into queues (id, org_id, name, priority, assignment)
    select gen_random_uuid(), ${orgId}::uuid, 'Queue ' || g, g % 3, ${JSON.stringify(METHODS[0])}::jsonb from generate_series(0, ${QUEUES - 1}::int) g`);
  await db.execute(sql`update queues set assignment = case (row_number) % 4 when 0 then ${JSON.stringify(METHODS[0])}::jsonb when 1 then ${JSON.stringify(METHODS[1])}::jsonb when 2 then ${JSON.stringify(METHODS[2])}::jsonb else ${JSON.stringify(METHODS[3])}::jsonb end
    from (select id as qid, row_number() over (order by name) from queues where org_id = ${orgId}::uuid) r where queues.id = r.qid`);
  // Every agent takes one conversation: the run ends when all are busy.
  await db.execute(sql`insert into users (id, org_id, email, name, role, password_hash, capacity, presence, connected)
    select gen_random_uuid(), ${orgId}::uuid, 'agent' || g || '@' || ${orgId} || '.example', 'Agent ' || g, 'agent', 'x', 1, 'available', true from generate_series(1, ${AGENTS}::int) g`);
  await db.execute(sql`insert into queue_members (org_id, queue_id, user_id)
    select ${orgId}::uuid, q.id, u.id from (select id, row_number() over (order by id) - 1 as n from users where org_id = ${orgId}::uuid) u
    join (select id, row_number() over (order by name) - 1 as n from queues where org_id = ${orgId}::uuid) q on q.n = u.n % ${QUEUES}::int or q.n = (u.n * 7 + 3) % ${QUEUES}::int`);
  const [fallback] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from queues where org_id = ${orgId}::uuid order by name limit 1`),
  );
  const settings = workstreamSettings({
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
  });
  const wsId = randomUUID();
  await db.execute(
    sql`insert into workstreams (id, org_id, name, fallback_queue_id, config) values (${wsId}::uuid, ${orgId}::uuid, 'Chat', ${fallback!.id}::uuid, ${JSON.stringify(settings)}::jsonb)`,
  );
  for (let from = 0; from < ITEMS; from += 100_000) {
    const to = Math.min(ITEMS, from + 100_000) - 1;
    await db.execute(sql`insert into conversations (org_id, workstream_id, queue_id, channel, state, customer_name, capacity_units, queue_priority, waiting_since, routing_age, created_at, updated_at)
      select ${orgId}::uuid, ${wsId}::uuid, q.id, 'webchat', 'open', 'Customer ' || g, 1, q.priority, now() - (${ITEMS}::int - g) * interval '10 ms', now() - (${ITEMS}::int - g) * interval '10 ms', now(), now()
      from generate_series(${from}::int, ${to}::int) g join (select id, priority, row_number() over (order by name) - 1 as n from queues where org_id = ${orgId}::uuid) q on q.n = g % ${QUEUES}::int`);
  }
  // What the server's autovacuum, or the embedded database's statistics job, does after a bulk load.
  await refreshStatistics(db);
  return orgId;
}

async function durable(database: Database) {
  const orgId = await seedOrg(database);
  const clock = { now: () => new Date() };
  const bus = createEventBus(() => undefined);
  const presence = createPresenceService({ db: database.db, clock, bus, onRoutable: () => undefined });
  const engine = createRoutingEngine({
    db: database.db,
    clock,
    log: pino({ level: 'silent' }),
    bus,
    presence,
    defaultOfferTimeoutSeconds: 60,
  });
  const t0 = performance.now();
  await engine.dispatch(orgId);
  const seconds = (performance.now() - t0) / 1000;
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from conversations where org_id = ${orgId}::uuid and state = 'active'`,
    ),
  );

  // The machine's limit for the same work: a bare claim transaction, one after another.
  const [bench] = rowsOf<{ id: string }>(
    await database.db.execute(sql`insert into users (org_id, email, name, role, password_hash, capacity, presence)
    values (${orgId}::uuid, ${'bare@' + orgId + '.example'}, 'Bare', 'agent', 'x', 1000000, 'available') returning id`),
  );
  const open = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`select id from conversations where org_id = ${orgId}::uuid and state = 'open' order by routing_age limit ${n}::int`,
    ),
  );
  const t1 = performance.now();
  for (const c of open) {
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update conversations set state = 'active', agent_id = ${bench!.id}::uuid where id = ${c.id}::uuid and state = 'open' and agent_id is null`,
      );
      await tx.execute(
        sql`update users set used_capacity = used_capacity + 1 where id = ${bench!.id}::uuid and used_capacity + 1 <= capacity`,
      );
    });
  }
  const bareSeconds = (performance.now() - t1) / 1000;
  return { assigned: n, perSecond: n / seconds, bare: open.length / bareSeconds };
}

console.log(
  `Routing benchmark: ${fmt(AGENTS)} agents, ${fmt(QUEUES)} queues, ${fmt(ITEMS)} waiting items (Node ${process.version})\n`,
);
const pure = pureEngine();
console.log(`Pure engine, ${fmt(DECISIONS)} decisions in blocks of 100 (mixed strategies, skills on 1 in 3):`);
console.log(
  `  decision latency p50 ${fmt(pure.p50 * 1000)} µs, p99 ${fmt(pure.p99 * 1000)} µs   (target p99 < 5 ms: ${pure.p99 < 5 ? 'met' : 'NOT met'})`,
);
console.log(`  cycle start (index ${fmt(AGENTS)} agents by queue) p50 ${fmt(pure.cycleStartP50, 1)} ms\n`);

const rows: string[] = [];
for (const kind of (args.db ?? '').split(',').filter(Boolean)) {
  if (kind !== 'embedded' && kind !== 'postgres') throw new Error(`--db takes embedded and/or postgres, not ${kind}`);
  let target: Target;
  let database: Database;
  try {
    target = await createTarget(kind);
    database = await target.open();
  } catch (err) {
    console.log(`  ${kind}: skipped, no server (${(err as Error).message})`);
    continue;
  }
  const t = performance.now();
  process.stdout.write(`Seeding ${kind} ... `);
  const r = await durable(database);
  console.log(`done in ${fmt((performance.now() - t) / 1000, 1)} s`);
  rows.push(
    `  ${kind.padEnd(9)} ${fmt(r.assigned).padStart(8)} ${fmt(r.perSecond).padStart(12)}/s ${fmt(r.perSecond * 60).padStart(12)}/min ${fmt(r.bare).padStart(10)}/s ${(r.perSecond / r.bare).toFixed(2).padStart(7)} ${((r.perSecond * 60) / 5000).toFixed(1).padStart(9)}x`,
  );
  await database.close();
  await target.drop();
}
console.log(`\nDurable assignments (offer, event and trace committed per assignment), until every agent is busy:`);
console.log(`  database  assigned   assignments          per minute  bare claim   ratio  vs 5,000/min`);
for (const r of rows) console.log(r);
console.log(`\n  ratio = durable assignments / bare claims on the same database in the same run (target >= 0.5)`);
console.log(`  5,000/min is the reference system's published ceiling per organisation.`);
