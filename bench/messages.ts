// `npm run bench:messages [-- --db embedded|postgres|both --chats 100 --agents 20 --messages 30000 --seconds 20]`
// Prints figures; it is not a test. Customers (widget: REST visitorSend + a visitor socket) and
// agents (REST sendMessage + a staff socket) talk in `--chats` chats on one node, first as fast as
// the clients go, then paced at half that rate; beside each, bare inserts of the same rows on the
// same database in the same run. The clients run in the server's process (one event loop).
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/config.js';
import { bareInserts } from './support/bare-inserts.js';
import { openChatPairs } from './support/chat-pairs.js';
import { createTarget, parseKinds, type DbKind } from './support/databases.js';
import { fmt, printTable } from './support/format.js';
import { runMessageLoad, type LoadResult } from './support/message-load.js';
import { seedOrg } from './support/seed.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    chats: { type: 'string', default: '100' },
    agents: { type: 'string', default: '20' },
    messages: { type: 'string', default: '30000' },
    seconds: { type: 'string', default: '20' },
  },
});
const CHATS = Number(args.chats);
const AGENTS = Number(args.agents);
const MESSAGES = Number(args.messages);
const SECONDS = Number(args.seconds);

async function measure(kind: DbKind) {
  const target = await createTarget(kind);
  const database = await target.open();
  // RATE_LIMITS=off: the benchmark's few clients make every request a real user would spread over many.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', APPS_DIR: '/nonexistent', RATE_LIMITS: 'off', ...target.env });
  const app = await createApp(config, { database, log: pino({ level: 'warn' }) });
  try {
    await app.listen();
    const url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;
    const org = await seedOrg(database.db, { agents: AGENTS, capacity: Math.ceil(CHATS / AGENTS), inQueue: true });
    const chats = await openChatPairs(url, org, CHATS);
    try {
      const full = await runMessageLoad(chats.pairs, { messages: MESSAGES, seconds: SECONDS });
      const half = await runMessageLoad(chats.pairs, { messages: MESSAGES, seconds: SECONDS, rate: full.persistedPerSecond / 2 });
      const bare = await bareInserts(database.db, org.orgId, chats.pairs.map((p) => p.id), { rows: MESSAGES, seconds: SECONDS, width: 8 });
      return { full, half, bare };
    } finally {
      chats.close();
    }
  } finally {
    await app.close();
    await database.close();
    await target.drop();
  }
}

console.log(`Message benchmark: ${CHATS} chats between customers and ${AGENTS} agents, REST in, Socket.IO out, on one node (Node ${process.version})`);
console.log(`  each load runs to ${fmt(MESSAGES)} messages or ${SECONDS} s, whichever comes first\n`);
const rows: string[][] = [];
const row = (kind: string, load: string, r: LoadResult, bare: number) => [
  kind, load, fmt(r.persisted), fmt(r.failed), fmt(r.persistedPerSecond), fmt(r.deliveredPerSecond), fmt(r.p50, 1), fmt(r.p99, 1), fmt(bare), (r.persistedPerSecond / bare).toFixed(2),
];
for (const kind of parseKinds(args.db)) {
  process.stdout.write(`Running on ${kind} ... `);
  const t = performance.now();
  try {
    const { full, half, bare } = await measure(kind);
    console.log(`done in ${fmt((performance.now() - t) / 1000, 1)} s (bare rows: ${bare.payloadBytes}-byte payloads)`);
    rows.push(row(kind, 'full', full, bare.perSecond), row(kind, 'half', half, bare.perSecond));
  } catch (err) {
    console.log(`skipped (${(err as Error).message})`);
  }
}
console.log();
printTable(['database', 'load', 'persisted', 'failed', 'persisted/s', 'delivered/s', 'p50 ms', 'p99 ms', 'bare inserts/s', 'ratio'], rows);
console.log(`\n  p50/p99: from the REST send until the other side's socket has the message`);
console.log(`  half: paced at half the full-load rate; ratio = persisted/s / bare inserts/s (target >= 0.5; p99 < 50 ms at half load)`);
