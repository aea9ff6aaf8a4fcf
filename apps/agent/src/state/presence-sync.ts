import type { Presence, StaffUser } from '@switchboard/protocol';
import { useAuth } from './auth-store';

/** When the server last pushed this agent's presence over the socket (ms since epoch). */
let pushedAt = Number.NEGATIVE_INFINITY;

/**
 * The server pushes the presence on every connect and every change (AG1): that push is the truth.
 * A `me` read started before the latest push may answer after it with what the server had before
 * (a reload: read while the old socket's disconnect showed offline), so it never overrides the push.
 */
export function presencePushed(presence: Presence, now = Date.now()): void {
  pushedAt = now;
  const { user, setUser } = useAuth.getState();
  if (user) setUser({ ...user, presence });
}

/** Applies a `me` answer whose request started at `startedAt`. */
export function userRead(read: StaffUser, startedAt: number): void {
  const { user, setUser } = useAuth.getState();
  const stale = pushedAt >= startedAt && user?.id === read.id;
  setUser(stale ? { ...read, presence: user.presence } : read);
}

/** For tests and sign-out: forget the last push. */
export function resetPresenceSync(): void {
  pushedAt = Number.NEGATIVE_INFINITY;
}
