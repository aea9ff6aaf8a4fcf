// `npm run bench:messages [-- --db embedded|postgres|both --chats 100 --agents 20 --messages 30000 --seconds 20]`
// Prints figures; it is not a test. Customers (widget: REST visitorSend + a visitor socket) and
// agents (REST sendMessage + a staff socket) talk in `--chats` chats on one node, first as fast as
// the clients go, then paced at half that rate; beside each, bare inserts of the same rows on the
// same database in the same run. The server runs in a child process of its own (as bench:sockets
// does), so the clients' HTTP and Socket.IO work no longer shares its event loop; figures from
// before 2026-12-01 had both in one process and were lower for it.
import { parseArgs } from 'node:util';
import { bareInserts } from './support/bare-inserts.js';
import { openChatPairs } from './support/chat-pairs.js';
import { createTarget, parseKinds, type DbKind } from './support/databases.js';
import { fmt, printTable } from './support/format.js';
import { runMessageLoad, type LoadResult } from './support/message-load.js';
import { seedOrg } from './support/seed.js';
import { startServerChild } from './support/server-child.js';

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
  try {
    // Seeded here, then the server opens the same database in its own process.
    let database = await target.open();
    const org = await seedOrg(database.db, { agents: AGENTS, capacity: Math.ceil(CHATS / AGENTS), inQueue: true });
    await database.close();
    // RATE_LIMITS=off: the benchmark's few clients make every request a real user would spread over many.
    const server = await startServerChild({ ...target.env, RATE_LIMITS: 'off' });
    let full: LoadResult, half: LoadResult, ids: string[];
    try {
      const chats = await openChatPairs(server.url, org, CHATS);
      ids = chats.pairs.map((p) => p.id);
      try {
        full = await runMessageLoad(chats.pairs, { messages: MESSAGES, seconds: SECONDS });
        half = await runMessageLoad(chats.pairs, {
          messages: MESSAGES,
          seconds: SECONDS,
          rate: full.persistedPerSecond / 2,
        });
      } finally {
        chats.close();
      }
    } finally {
      await server.stop();
    }
    database = await target.open();
    try {
      const bare = await bareInserts(database.db, org.orgId, ids, { rows: MESSAGES, seconds: SECONDS, width: 8 });
      return { full, half, bare };
    } finally {
      await database.close();
    }
  } finally {
    await target.drop();
  }
}

console.log(
  `Message benchmark: ${CHATS} chats between customers and ${AGENTS} agents, REST in, Socket.IO out, on one node, the server in a process of its own (Node ${process.version})`,
);
console.log(`  each load runs to ${fmt(MESSAGES)} messages or ${SECONDS} s, whichever comes first\n`);
const rows: string[][] = [];
const row = (kind: string, load: string, r: LoadResult, bare: number) => [
  kind,
  load,
  fmt(r.persisted),
  fmt(r.failed),
  fmt(r.persistedPerSecond),
  fmt(r.deliveredPerSecond),
  fmt(r.p50, 1),
  fmt(r.p99, 1),
  fmt(bare),
  (r.persistedPerSecond / bare).toFixed(2),
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
printTable(
  [
    'database',
    'load',
    'persisted',
    'failed',
    'persisted/s',
    'delivered/s',
    'p50 ms',
    'p99 ms',
    'bare inserts/s',
    'ratio',
  ],
  rows,
);
console.log(`\n  p50/p99: from the REST send until the other side's socket has the message`);
console.log(
  `  half: paced at half the full-load rate; ratio = persisted/s / bare inserts/s (target >= 0.5; p99 < 50 ms at half load)`,
);
