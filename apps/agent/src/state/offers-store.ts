import type { Offer } from '@switchboard/protocol';
import { create } from 'zustand';

/**
 * `skewMs` is how far this browser's clock is ahead of the server's, as seen when the offer
 * arrived: countdowns run on `now - skewMs`, so a wrong clock neither hides an offer nor keeps it.
 */
export type HeldOffer = Offer & { receivedAt: number; skewMs: number };

type OffersState = {
  /** Oldest first: the alert shows the head and queues the rest. */
  offers: HeldOffer[];
  /** An offer pushed as it is made: its `offeredAt` is the server's "now". */
  add(offer: Offer, now?: number): void;
  remove(offerId: string): void;
  /** Replaces the list with the server's (answered at `serverTime`), keeping offers pushed after the request was made. */
  sync(list: Offer[], requestedAt: number, serverTime: string, answeredAt?: number): void;
  clear(): void;
};

const byOfferedAt = (a: Offer, b: Offer) => Date.parse(a.offeredAt) - Date.parse(b.offeredAt);

export const useOffers = create<OffersState>((set) => ({
  offers: [],
  add(offer, now = Date.now()) {
    const held = { ...offer, receivedAt: now, skewMs: now - Date.parse(offer.offeredAt) };
    set((s) => (s.offers.some((o) => o.id === offer.id) ? s : { offers: [...s.offers, held].sort(byOfferedAt) }));
  },
  remove(offerId) {
    set((s) => ({ offers: s.offers.filter((o) => o.id !== offerId) }));
  },
  sync(list, requestedAt, serverTime, answeredAt = Date.now()) {
    const skewMs = answeredAt - Date.parse(serverTime);
    set((s) => {
      const ids = new Set(list.map((o) => o.id));
      const newer = s.offers.filter((o) => o.receivedAt > requestedAt && !ids.has(o.id));
      const kept = new Map(s.offers.map((o) => [o.id, o]));
      const fresh = list.map((o) => ({ ...o, receivedAt: kept.get(o.id)?.receivedAt ?? requestedAt, skewMs: kept.get(o.id)?.skewMs ?? skewMs }));
      return { offers: [...fresh, ...newer].sort(byOfferedAt) };
    });
  },
  clear() {
    set({ offers: [] });
  },
}));
