import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerCommand, ServerReport } from './server-process.js';
import { sleep } from './format.js';

export type ServerChild = {
  url: string;
  /** Resident and peak resident memory of the server process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number };
  /** Resident memory after the server has sat idle for `ms`: the last of samples taken every 250 ms. */
  memoryAtRest(ms?: number): Promise<number>;
  /** Resident memory once it stops falling (V8 gives start-up garbage back after a while), at most `maxMs`. */
  memorySettled(maxMs?: number): Promise<number>;
  command(c: ServerCommand): void;
  once(type: ServerReport['type']): Promise<ServerReport>;
  stop(): Promise<void>;
};

const entry = path.join(import.meta.dirname, 'server-process.ts');

/** Starts `server-process.ts` with `env` on top of a quiet, local configuration. */
export async function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const child = fork(entry, [], {
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      APPS_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const once = (type: ServerReport['type']) =>
    new Promise<ServerReport>((resolve, reject) => {
      const onMessage = (m: ServerReport) =>
        m.type === type && (child.off('message', onMessage), child.off('exit', onExit), resolve(m));
      const onExit = (code: number | null) => reject(new Error(`server exited (${code}) while waiting for ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = (await once('ready')) as Extract<ServerReport, { type: 'ready' }>;
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  };
  return {
    url: ready.url,
    memory,
    async memoryAtRest(ms = 5000) {
      let rss = memory().rss;
      for (let t = 0; t < ms; t += 250) {
        await sleep(250);
        rss = memory().rss;
      }
      return rss;
    },
    async memorySettled(maxMs = 90_000) {
      const samples: number[] = [];
      for (let t = 0; t < maxMs; t += 1000) {
        await sleep(1000);
        samples.push(memory().rss);
        // Settled: over the last 10 s it moved by less than 2 %, after at least 15 s.
        const last = samples.slice(-10);
        if (samples.length >= 15 && Math.max(...last) - Math.min(...last) < 0.02 * Math.min(...last)) break;
      }
      return samples.at(-1)!;
    },
    command: (c) => child.send(c),
    once,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ServerCommand);
      await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
