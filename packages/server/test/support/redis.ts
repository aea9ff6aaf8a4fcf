import { Socket } from 'node:net';

/** The Redis the multi-node tests use: REDIS_URL, or the local default. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether that Redis answers. In CI it must (an unreachable one fails the file instead of skipping
 * it); on a newcomer's machine without Redis the caller's two-node tests are skipped, and it says so.
 */
export async function redisForTests(what: string): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  const reachable = await new Promise<boolean>((resolve) => {
    const s = new Socket();
    s.setTimeout(500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.connect(Number(port || 6379), hostname);
  });
  if (!reachable && process.env.CI === 'true') throw new Error(`Redis is not reachable at ${REDIS_URL}`);
  if (!reachable) console.warn(`\n  Redis not reachable at ${REDIS_URL}: ${what} is skipped.\n`);
  return reachable;
}
