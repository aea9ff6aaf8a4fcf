import type { StaffUser } from '@switchboard/protocol';
import { create } from 'zustand';
import { readJson, removeKey, writeJson } from '../lib/storage';

const KEY = 'switchboard.admin.auth';

type Saved = { token: string; user: StaffUser };

type AuthState = {
  token: string | null;
  user: StaffUser | null;
  /** Set when the server refused the token, so the sign-in page can say why. */
  expired: boolean;
  signIn(token: string, user: StaffUser): void;
  setUser(user: StaffUser): void;
  signOut(reason?: 'expired'): void;
};

const saved = readJson<Saved>(KEY);

export const useAuth = create<AuthState>((set, get) => ({
  token: saved?.token ?? null,
  user: saved?.user ?? null,
  expired: false,
  signIn(token, user) {
    writeJson(KEY, { token, user } satisfies Saved);
    set({ token, user, expired: false });
  },
  setUser(user) {
    const { token } = get();
    if (token) writeJson(KEY, { token, user } satisfies Saved);
    set({ user });
  },
  signOut(reason) {
    removeKey(KEY);
    set({ token: null, user: null, expired: reason === 'expired' });
  },
}));
