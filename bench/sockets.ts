// `npm run bench:sockets [-- --db embedded|postgres|both --visitors 10000 --agents 1000 --rounds 20]`
// Prints figures; it is not a test. The server runs in a child process (its memory is its own)
// and every client socket in this one. Memory is the server's resident set: at rest after a first
// start and after a restart (before any connection), with every socket open, and its peak.
// Fan-out: one event emitted to the organisation's staff room until every agent socket has it.
import { randomBytes } from 'node:crypto';
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { createApiClient } from '@switchboard/protocol';
import { createTokenIssuer } from '../packages/server/src/auth/tokens.js';
import { systemClock } from '../packages/server/src/domain/clock.js';
import { createTarget, parseKinds, type DbKind } from './support/databases.js';
import { fmt, mib, pct, printTable, sleep } from './support/format.js';
import { BENCH_PASSWORD, seedOrg } from './support/seed.js';
import { startServerChild, type ServerChild } from './support/server-child.js';
import { connect, inBatches } from './support/sockets.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    visitors: { type: 'string', default: '10000' },
    agents: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
  },
});
const VISITORS = Number(args.visitors);
const AGENTS = Number(args.agents);
const ROUNDS = Number(args.rounds);
const fdLimit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());

/** Emits `rounds` events, one at a time, each timed from the emit until every agent socket has it. */
async function fanOut(server: ServerChild, orgId: string, agents: Socket[], rounds: number) {
  const times: number[] = [];
  for (let n = 1; n <= rounds; n++) {
    let got = 0;
    let last = 0;
    const onEvent = (e: { n: number }) => e.n === n && (got++, (last = performance.now()));
    agents.forEach((s) => s.on('bench:fanout', onEvent));
    const t0 = performance.now();
    server.command({ type: 'fanout', orgId, n });
    for (const until = t0 + 10_000; got < agents.length && performance.now() < until;) await sleep(1);
    agents.forEach((s) => s.off('bench:fanout', onEvent));
    if (got < agents.length) throw new Error(`fan-out ${n}: ${got} of ${agents.length} agents had it after 10 s`);
    times.push(last - t0);
    await sleep(50);
  }
  return times.sort((a, b) => a - b);
}

async function measure(kind: DbKind) {
  const target = await createTarget(kind);
  // The JWT secret is shared with the server so that visitor tokens can be minted here.
  const env = { ...target.env, JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMITS: 'off' };
  const sockets: Socket[] = [];
  let server: ServerChild | undefined;
  try {
    server = await startServerChild(env);
    const firstStart = await server.memoryAtRest();
    const firstSettled = await server.memorySettled();
    await server.stop();

    const database = await target.open();
    const org = await seedOrg(database.db, { agents: AGENTS, capacity: 5, inQueue: false, conversations: VISITORS });
    await database.close();
    server = await startServerChild(env);
    const restart = await server.memoryAtRest();
    const restartSettled = await server.memorySettled();
    const url = server.url;

    let t = performance.now();
    const agents = await inBatches(org.agents, 16, async (a) => {
      const { token } = await createApiClient({ baseUrl: url }).call('login', {
        body: { email: a.email, password: BENCH_PASSWORD },
      });
      const s = await connect(url, token);
      sockets.push(s);
      return s;
    });
    const agentsPerSecond = AGENTS / ((performance.now() - t) / 1000);
    // Only signs visitor tokens here; the server checks them against its database.
    const tokens = createTokenIssuer(env.JWT_SECRET, async () => ({ ok: false, message: 'not used' }), systemClock);
    t = performance.now();
    await inBatches(org.conversationIds, 64, async (id, i) => {
      sockets.push(
        await connect(url, await tokens.visitor({ conversationId: id, orgId: org.orgId, name: `Customer ${i}` })),
      );
    });
    const visitorsPerSecond = VISITORS / ((performance.now() - t) / 1000);
    const connected = await server.memoryAtRest();
    const fan = await fanOut(server, org.orgId, agents, ROUNDS);
    return {
      firstStart,
      firstSettled,
      restart,
      restartSettled,
      connected,
      peak: server.memory().peak,
      agentsPerSecond,
      visitorsPerSecond,
      fan,
    };
  } finally {
    sockets.forEach((s) => s.close());
    await server?.stop();
    await target.drop();
  }
}

console.log(
  `Socket benchmark: ${fmt(VISITORS)} idle widget connections and ${fmt(AGENTS)} agent connections on one node (Node ${process.version})`,
);
console.log(
  `  open files allowed per process (ulimit -n): ${fmt(fdLimit)}${fdLimit < VISITORS + AGENTS + 500 ? '  (too few: raise it with ulimit -n)' : ''}\n`,
);
const rows: string[][] = [];
for (const kind of parseKinds(args.db)) {
  process.stdout.write(`Running on ${kind} ... `);
  const t = performance.now();
  try {
    const r = await measure(kind);
    console.log(`done in ${fmt((performance.now() - t) / 1000, 1)} s`);
    rows.push([
      kind,
      mib(r.firstStart),
      mib(r.firstSettled),
      mib(r.restart),
      mib(r.restartSettled),
      mib(r.connected),
      mib(r.peak),
      fmt(r.agentsPerSecond),
      fmt(r.visitorsPerSecond),
      fmt(pct(r.fan, 50), 1),
      fmt(r.fan.at(-1)!, 1),
    ]);
  } catch (err) {
    console.log(`skipped (${(err as Error).message})`);
  }
}
console.log();
printTable(
  [
    'database',
    '1st start +5 s',
    'settled',
    'restart +5 s',
    'settled',
    'all connected',
    'peak',
    'agents/s',
    'visitors/s',
    'fan-out p50 ms',
    'max ms',
  ],
  rows,
);
console.log(
  `\n  memory: the server process's resident set (VmRSS; peak = VmHWM), target < 1 GiB with every socket open;`,
);
console.log(`  at rest: 5 s after it is ready, and settled (once V8 has given start-up garbage back), target < 300 MB`);
console.log(
  `  agents/s: REST login + socket; visitors/s: socket with a token; fan-out: ${ROUNDS} events to all ${fmt(AGENTS)} agents`,
);
