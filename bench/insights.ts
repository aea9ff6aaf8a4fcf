// `npm run bench:insights [-- --db embedded|postgres|both --conversations 1000000 --days 365]`
// Prints figures; it is not a test. Folds a year of closed conversations into the reporting
// model (SV9) through the projector's own fold and upsert, then times reports over it through the
// insights service. Baseline, same run and database: the simplest of those reports (a year's
// conversations per queue) as an ad-hoc aggregate over one row per conversation, the way a report
// without a reporting model would read them.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createInsightsService } from '../packages/server/src/services/insights.js';
import type { StaffIdentity } from '../packages/server/src/services/identity.js';
import { rowsOf, type Db } from '../packages/server/src/store/db.js';
import { createTarget, parseKinds } from './support/databases.js';
import { fmt, printTable } from './support/format.js';
import { foldVolume } from './support/insight-volume.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    conversations: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '365' },
    repeat: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const CONVERSATIONS = Number(args.conversations);
const DAYS = Number(args.days);
const REPEAT = Number(args.repeat);
const ZONE = 'Europe/Amsterdam';
// Local midnight in the reporting zone (UTC+1 in December): whole days and months line up.
const END = new Date(Date.UTC(2025, 10, 30, 23));
const day = (n: number) => new Date(END.getTime() - n * 86_400_000).toISOString();

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function seed(db: Db) {
  const orgId = randomUUID();
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${orgId}::uuid, 'Bench', ${'bench-' + orgId})`,
  );
  const queues = rowsOf<{ id: string }>(
    await db.execute(sql`insert into queues (org_id, name)
      select ${orgId}::uuid, 'Queue ' || g from generate_series(1, 8) g returning id`),
  ).map((r) => r.id);
  const agents = rowsOf<{ id: string }>(
    await db.execute(sql`insert into users (org_id, email, name, role, password_hash)
      select ${orgId}::uuid, 'a' || g || '@bench.example', 'Agent ' || g, 'agent', 'x'
      from generate_series(1, 120) g returning id`),
  ).map((r) => r.id);
  await db.execute(sql`insert into org_settings (org_id, reporting_time_zone) values (${orgId}::uuid, ${ZONE})`);
  return { orgId, queues, agents };
}

/** One row per conversation, as the live tables would hold them: what the baseline aggregates. */
async function flatFacts(db: Db, queues: string[]) {
  await db.execute(sql`create table bench_flat (arrived_at timestamptz, queue_id uuid, answered boolean,
    wait_ms bigint, handle_ms bigint)`);
  const list = sql.join(
    queues.map((q) => sql`${q}::uuid`),
    sql`, `,
  );
  await db.execute(sql`insert into bench_flat
    select ${END.toISOString()}::timestamptz - (g % ${DAYS}) * interval '1 day' - (g % 24) * interval '1 hour',
      (array[${list}])[1 + g % ${queues.length}], g % 10 <> 0, (g::bigint * 7919) % 60000,
      120000 + (g::bigint * 104729) % 600000
    from generate_series(1, ${CONVERSATIONS}::int) g`);
}

const rows: string[][] = [];
for (const kind of parseKinds(args.db)) {
  const target = await createTarget(kind);
  const database = await target.open();
  const db = database.db;
  try {
    process.stdout.write(`\n${kind}: folding ${fmt(CONVERSATIONS)} conversations over ${DAYS} days ... `);
    const { orgId, queues, agents } = await seed(db);
    const foldStarted = performance.now();
    await foldVolume(db, orgId, { conversations: CONVERSATIONS, days: DAYS, queues, agents, zone: ZONE });
    const foldSeconds = (performance.now() - foldStarted) / 1000;
    const cells = rowsOf<{ grain: string; n: number }>(
      await db.execute(sql`select grain, count(*)::int as n from insight_rollups where org_id = ${orgId}::uuid
        group by grain order by grain`),
    );
    const counted = cells.map((c) => `${fmt(c.n)} ${c.grain}`).join(', ');
    console.log(`${fmt(foldSeconds, 1)} s (${fmt(CONVERSATIONS / foldSeconds)}/s); cells: ${counted}`);
    await flatFacts(db, queues);
    // What autovacuum does on a server and the node's maintenance timer on the embedded database.
    await db.execute(sql`vacuum analyze`);

    const baseline = await median(() =>
      db.execute(sql`select queue_id, count(*), count(*) filter (where answered), sum(wait_ms) filter (where answered),
        sum(handle_ms) from bench_flat where arrived_at >= ${day(DAYS)}::timestamptz group by queue_id`),
    );
    const insights = createInsightsService({ db, clock: { now: () => END } });
    const who: StaffIdentity = {
      kind: 'staff',
      orgId,
      userId: agents[0]!,
      role: 'supervisor',
      name: 'B',
      sessionId: '',
    };
    const kpis = [
      'conversationsIn',
      'conversationsHandled',
      'abandonRate',
      'averageSpeedOfAnswer',
      'averageHandleTime',
      'serviceLevel20',
      'transferRate',
      'sentimentAverage',
    ];
    const reports: [string, Parameters<typeof insights.report>[1]][] = [
      [
        'year, total per queue',
        { from: day(DAYS), to: day(0), bucket: 'total', dimensions: ['queue'], measures: kpis },
      ],
      ['year, per day', { from: day(DAYS), to: day(0), bucket: 'day', dimensions: [], measures: kpis }],
      [
        'year, per day per queue',
        { from: day(DAYS), to: day(0), bucket: 'day', dimensions: ['queue'], measures: kpis },
      ],
      [
        'year, per day, another zone (hours)',
        {
          from: day(DAYS),
          to: day(0),
          bucket: 'day',
          dimensions: [],
          measures: kpis,
          timeZone: 'America/New_York',
        },
      ],
      [
        'year, total per agent',
        { from: day(DAYS), to: day(0), bucket: 'total', dimensions: ['agent'], measures: kpis },
      ],
      [
        '30 days, per day per agent',
        { from: day(30), to: day(0), bucket: 'day', dimensions: ['agent'], measures: kpis },
      ],
      [
        '7 days, per hour per channel',
        { from: day(7), to: day(0), bucket: 'hour', dimensions: ['channel'], measures: kpis },
      ],
    ];
    rows.push([kind, 'baseline: ad-hoc, a year per queue', fmt(baseline, 1), fmt(baseline, 1), '1.00', '']);
    for (const [name, query] of reports) {
      let count = 0;
      let dbMs = 0;
      const ms = await median(async () => {
        const report = await insights.report(who, query);
        count = report.rows.length;
        dbMs = report.tookMs;
      });
      rows.push([kind, name, fmt(ms, 1), fmt(dbMs, 1), (ms / baseline).toFixed(2), fmt(count)]);
    }
  } finally {
    await database.close();
    if (args.keep) console.log(`kept the database: ${JSON.stringify(target.env)}`);
    else await target.drop();
  }
}

console.log(
  `\nInsights (SV9): reports over ${fmt(CONVERSATIONS)} conversations, median of ${REPEAT} (Node ${process.version})\n`,
);
printTable(['database', 'report', 'ms', 'in the database', 'vs baseline', 'rows'], rows);
console.log("\n  target: every report under 500 ms; vs baseline = report time / the ad-hoc aggregate's time");
