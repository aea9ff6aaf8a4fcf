import type { Notification } from '@switchboard/protocol';
import { create } from 'zustand';

/**
 * Notifications waiting in this tab (AG2). `skewMs` is how far this browser's clock is ahead of
 * the server's, as seen when it arrived: countdowns run on `now - skewMs`.
 */
export type HeldNotification = Notification & { receivedAt: number; skewMs: number };

type NotificationsState = {
  /** Oldest first. */
  notifications: HeldNotification[];
  /** One pushed as it is made: its `createdAt` is the server's "now". */
  add(n: Notification, now?: number): void;
  remove(id: string): void;
  /** Replaces the list with the server's (answered at `serverTime`), keeping those pushed after the request. */
  sync(list: Notification[], requestedAt: number, serverTime: string, answeredAt?: number): void;
  clear(): void;
};

const byCreatedAt = (a: Notification, b: Notification) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

export const useNotifications = create<NotificationsState>((set) => ({
  notifications: [],
  add(n, now = Date.now()) {
    const held = { ...n, receivedAt: now, skewMs: now - Date.parse(n.createdAt) };
    set((s) =>
      s.notifications.some((x) => x.id === n.id) ? s : { notifications: [...s.notifications, held].sort(byCreatedAt) },
    );
  },
  remove(id) {
    set((s) => ({ notifications: s.notifications.filter((x) => x.id !== id) }));
  },
  sync(list, requestedAt, serverTime, answeredAt = Date.now()) {
    const skewMs = answeredAt - Date.parse(serverTime);
    set((s) => {
      const ids = new Set(list.map((x) => x.id));
      const newer = s.notifications.filter((x) => x.receivedAt > requestedAt && !ids.has(x.id));
      const kept = new Map(s.notifications.map((x) => [x.id, x]));
      const fresh = list.map((x) => ({
        ...x,
        receivedAt: kept.get(x.id)?.receivedAt ?? requestedAt,
        skewMs: kept.get(x.id)?.skewMs ?? skewMs,
      }));
      return { notifications: [...fresh, ...newer].sort(byCreatedAt) };
    });
  },
  clear() {
    set({ notifications: [] });
  },
}));

/** Whether this browser plays the notification sound (AG2), remembered across reloads. */
const MUTE_KEY = 'switchboard.notifications.muted';

type SoundState = { muted: boolean; setMuted(muted: boolean): void };

const storedMute = () => {
  try {
    return window.localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
};

export const useNotificationSound = create<SoundState>((set) => ({
  muted: storedMute(),
  setMuted(muted) {
    try {
      window.localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
    } catch {
      // Private mode without storage: muted for this tab only.
    }
    set({ muted });
  },
}));
