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
  signOut(reason?: 'expired'): void;
};

export type AuthStore = UseBoundStore<StoreApi<AuthState>>;

/** The signed-in staff member of one app, kept in localStorage under `key`. */
export function createAuthStore(key: string): AuthStore {
  const saved = readJson<Saved>(key);
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
      removeKey(key);
      set({ token: null, user: null, expired: reason === 'expired' });
    },
  }));
}
