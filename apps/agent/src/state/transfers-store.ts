import { create } from 'zustand';

/**
 * An answer to a transfer or consult request I asked, told once as a toast. What waits for my own
 * answer is a notification (notifications-store.ts).
 */
export type TransferNotice = {
  key: number;
  kind: 'transfer' | 'consult';
  step: 'accepted' | 'rejected' | 'timeout';
  toName: string;
  customerName: string;
};

type TransfersState = {
  notices: TransferNotice[];
  notify(notice: Omit<TransferNotice, 'key'>): void;
  dropNotices(keys: readonly number[]): void;
  clear(): void;
};

let nextKey = 1;

export const useTransfers = create<TransfersState>((set) => ({
  notices: [],
  notify(notice) {
    set((s) => ({ notices: [...s.notices, { ...notice, key: nextKey++ }] }));
  },
  dropNotices(keys) {
    set((s) => ({ notices: s.notices.filter((n) => !keys.includes(n.key)) }));
  },
  clear() {
    set({ notices: [] });
  },
}));
