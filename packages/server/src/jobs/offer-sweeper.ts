import type { Logger } from 'pino';
import type { OfferService } from '../services/offers.js';

/**
 * Times out offers whose deadline passed. The deadline lives on the offer row and expiry is a
 * conditional write, so every node may sweep at once and a restart loses no timer.
 */
export function startOfferSweeper(offers: OfferService, log: Logger, everyMs: number) {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    offers
      .expireDue()
      .then((n) => n > 0 && log.info({ msg: 'offers timed out', count: n }))
      .catch((err: unknown) => log.error({ msg: 'offer sweep failed', err }))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
