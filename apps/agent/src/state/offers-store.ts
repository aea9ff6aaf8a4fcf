import type { Offer } from '@switchboard/protocol';
import { create } from 'zustand';

type HeldOffer = Offer & { receivedAt: number };

type OffersState = {
  /** Oldest first: the alert shows the head and queues the rest. */
  offers: HeldOffer[];
  add(offer: Offer, now?: number): void;
  remove(offerId: string): void;
  /** Replaces the list with the server's, keeping offers pushed after the request was made. */
  sync(list: Offer[], requestedAt: number): void;
  clear(): void;
};

const byOfferedAt = (a: Offer, b: Offer) => Date.parse(a.offeredAt) - Date.parse(b.offeredAt);

export const useOffers = create<OffersState>((set) => ({
  offers: [],
  add(offer, now = Date.now()) {
    set((s) => (s.offers.some((o) => o.id === offer.id) ? s : { offers: [...s.offers, { ...offer, receivedAt: now }].sort(byOfferedAt) }));
  },
  remove(offerId) {
    set((s) => ({ offers: s.offers.filter((o) => o.id !== offerId) }));
  },
  sync(list, requestedAt) {
    set((s) => {
      const ids = new Set(list.map((o) => o.id));
      const newer = s.offers.filter((o) => o.receivedAt > requestedAt && !ids.has(o.id));
      const kept = new Map(s.offers.map((o) => [o.id, o.receivedAt]));
      const fresh = list.map((o) => ({ ...o, receivedAt: kept.get(o.id) ?? requestedAt }));
      return { offers: [...fresh, ...newer].sort(byOfferedAt) };
    });
  },
  clear() {
    set({ offers: [] });
  },
}));
