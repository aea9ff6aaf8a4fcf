import type { Logger } from 'pino';

export type Timer = { name: string; everyMs: number; run: () => Promise<number> };

/**
 * Periodic sweeps over deadlines kept in the database (offer timeouts, wrap-up capacity, idle
 * presence). Each sweep ends what is due with conditional writes, so every node may sweep at
 * once and a restart loses nothing (ADR 0002). A sweep never overlaps itself.
 */
export function startTimers(log: Logger, timers: readonly Timer[]) {
  const busy = new Set<string>();
  const handles = timers.map((t) => {
    const h = setInterval(() => {
      if (busy.has(t.name)) return;
      busy.add(t.name);
      t.run()
        .then((n) => n > 0 && log.info({ msg: `${t.name}: ${n} handled` }))
        .catch((err: unknown) => log.error({ msg: `${t.name} sweep failed`, err }))
        .finally(() => busy.delete(t.name));
    }, t.everyMs);
    h.unref();
    return h;
  });
  return {
    async stop() {
      handles.forEach(clearInterval);
      while (busy.size > 0) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
