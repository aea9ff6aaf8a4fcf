import type { StaffUser } from '@switchboard/protocol';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { readJson, removeKey, writeJson } from './storage';

type Saved = { token: string; user: StaffUser };

export type AuthState = {
  token: string | null;
  user: StaffUser | null;
  /** Set when the server refused the token, so the sign-in page can say why. */
  expired: boolean;
  signIn(token: string, user: StaffUser): void;
  setUser(user: StaffUser): void;
  /** Signing out (not a refused token) ends the session on the server too, so the token stops working. */
  signOut(reason?: 'expired'): void;
  /** How to end a session on the server (`POST /api/auth/logout`); `createAuthedApi` sets it. */
  setRevoker(revoke: (token: string) => Promise<unknown>): void;
};

export type AuthStore = UseBoundStore<StoreApi<AuthState>>;

/** The signed-in staff member of one app, kept in localStorage under `key`. */
export function createAuthStore(key: string): AuthStore {
  const saved = readJson<Saved>(key);
  let revoke: ((token: string) => Promise<unknown>) | undefined;
  return create<AuthState>((set, get) => ({
    token: saved?.token ?? null,
    user: saved?.user ?? null,
    expired: false,
    signIn(token, user) {
      writeJson(key, { token, user } satisfies Saved);
      set({ token, user, expired: false });
    },
    setUser(user) {
      const { token } = get();
      if (token) writeJson(key, { token, user } satisfies Saved);
      set({ user });
    },
    signOut(reason) {
      const { token } = get();
      removeKey(key);
      set({ token: null, user: null, expired: reason === 'expired' });
      // Signed out locally at once; a server that cannot be reached must not keep anyone signed in here.
      if (token && reason !== 'expired' && revoke) void revoke(token).catch(() => undefined);
    },
    setRevoker(fn) {
      revoke = fn;
    },
  }));
}
