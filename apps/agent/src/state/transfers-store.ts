import type { PendingTransfer } from '@switchboard/protocol';
import { create } from 'zustand';

/** As offers (offers-store.ts): `skewMs` is how far this browser's clock is ahead of the server's. */
export type HeldTransfer = PendingTransfer & { receivedAt: number; skewMs: number };

/** An answer to a transfer or consult request I asked, told once as a toast. */
export type TransferNotice = {
  key: number;
  kind: 'transfer' | 'consult';
  step: 'accepted' | 'rejected' | 'timeout';
  toName: string;
  customerName: string;
};

type TransfersState = {
  /** Transfers waiting for my answer, oldest first: the alert shows the head. */
  transfers: HeldTransfer[];
  notices: TransferNotice[];
  /** A transfer pushed as it is asked: its `requestedAt` is the server's "now". */
  add(transfer: PendingTransfer, now?: number): void;
  remove(transferId: string): void;
  /** Replaces the list with the server's, keeping those pushed after the request was made. */
  sync(list: PendingTransfer[], requestedAt: number, skewMs: number): void;
  notify(notice: Omit<TransferNotice, 'key'>): void;
  dropNotices(keys: readonly number[]): void;
  clear(): void;
};

const byRequestedAt = (a: PendingTransfer, b: PendingTransfer) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt);
let nextKey = 1;

export const useTransfers = create<TransfersState>((set) => ({
  transfers: [],
  notices: [],
  add(transfer, now = Date.now()) {
    const held = { ...transfer, receivedAt: now, skewMs: now - Date.parse(transfer.requestedAt) };
    set((s) =>
      s.transfers.some((x) => x.id === transfer.id) ? s : { transfers: [...s.transfers, held].sort(byRequestedAt) },
    );
  },
  remove(transferId) {
    set((s) => ({ transfers: s.transfers.filter((x) => x.id !== transferId) }));
  },
  sync(list, requestedAt, skewMs) {
    set((s) => {
      const ids = new Set(list.map((x) => x.id));
      const newer = s.transfers.filter((x) => x.receivedAt > requestedAt && !ids.has(x.id));
      const kept = new Map(s.transfers.map((x) => [x.id, x]));
      const fresh = list.map((x) => ({
        ...x,
        receivedAt: kept.get(x.id)?.receivedAt ?? requestedAt,
        skewMs: kept.get(x.id)?.skewMs ?? skewMs,
      }));
      return { transfers: [...fresh, ...newer].sort(byRequestedAt) };
    });
  },
  notify(notice) {
    set((s) => ({ notices: [...s.notices, { ...notice, key: nextKey++ }] }));
  },
  dropNotices(keys) {
    set((s) => ({ notices: s.notices.filter((n) => !keys.includes(n.key)) }));
  },
  clear() {
    set({ transfers: [], notices: [] });
  },
}));
