import { argon2Verifier, type PasswordVerifier } from '../auth/passwords.js';
import { STAFF_SESSION_MS, type TokenCheck, type TokenClaims } from '../auth/tokens.js';
import type { Role } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/db.js';
import {
  deleteExpiredStaffSessions,
  findStaffSessions,
  insertStaffSession,
  openVisitorConversations,
  revokeStaffSession,
} from '../store/staff-sessions.js';
import { coalesce } from '../store/coalesce.js';
import { findSignInAccount } from '../store/users.js';
import { signsInWithPassword } from '../domain/users/route-access.js';
import type { StaffIdentity } from './identity.js';

export type StaffSessions = ReturnType<typeof createStaffSessions>;
export type SignedIn = { userId: string; orgId: string; role: Role; sessionId: string; expiresAt: Date };

/**
 * Staff sessions (X3): sign-in opens one, sign-out ends it, and `check` is the one place that decides
 * whether a validly signed token still stands. It reads the session, user and organisation on every
 * request (lookups by key, no cache), so a sign-out, a disabled account or a new role holds at the
 * next request on every node. Concurrent requests' lookups share one statement (`coalesce`): under
 * load that is most of a request's database time saved. HTTP (`http/mount.ts`) and Socket.IO both
 * reach it through the token issuer.
 */
export function createStaffSessions(deps: {
  db: Db;
  clock: Clock;
  passwords?: PasswordVerifier;
  /** Lookup statements in flight at once (`coalesce`). */
  inFlight?: number;
}) {
  const { db, clock } = deps;
  const passwords = deps.passwords ?? argon2Verifier();
  const inFlight = deps.inFlight ?? 1;
  const sessionById = coalesce({
    max: 500,
    inFlight,
    run: async (ids: string[]) => {
      const found = new Map((await findStaffSessions(db, [...new Set(ids)])).map((s) => [s.id, s]));
      return ids.map((id) => found.get(id));
    },
  });
  const openConversation = coalesce({
    max: 500,
    inFlight,
    run: async (ids: string[]) => {
      const found = new Map((await openVisitorConversations(db, [...new Set(ids)])).map((c) => [c.id, c.orgId]));
      return ids.map((id) => found.get(id));
    },
  });

  async function signIn(email: string, password: string): Promise<SignedIn | null> {
    const account = await findSignInAccount(db, email);
    // An API client's row has no password that could match; it is refused by role all the same (AD1).
    const usable =
      account && account.disabledAt === null && account.orgDisabledAt === null && signsInWithPassword(account.role);
    // Argon2 runs whether or not the account exists, so the answer's timing does not tell which.
    const matches = await passwords.verify(usable ? account.passwordHash : await passwords.dummyHash(), password);
    if (!usable || !matches) return null;
    const createdAt = clock.now();
    const expiresAt = new Date(createdAt.getTime() + STAFF_SESSION_MS);
    const sessionId = await insertStaffSession(db, { orgId: account.orgId, userId: account.id, createdAt, expiresAt });
    return { userId: account.id, orgId: account.orgId, role: account.role, sessionId, expiresAt };
  }

  async function check(claims: TokenClaims): Promise<TokenCheck> {
    if (claims.typ === 'visitor') {
      const orgId = await openConversation(claims.sub);
      if (orgId !== claims.org) return { ok: false, message: 'This chat is no longer available; start a new one' };
      const who = { kind: 'visitor' as const, orgId: claims.org, conversationId: claims.sub, name: claims.name };
      return { ok: true, who: claims.wid ? { ...who, widgetId: claims.wid } : who };
    }
    const found = await sessionById(claims.sid);
    const s = found && found.orgId === claims.org && found.userId === claims.sub ? found : undefined;
    if (!s) return { ok: false, message: 'This session no longer exists; sign in again' };
    if (s.orgDisabledAt) return { ok: false, message: 'This organisation is disabled; nobody can sign in to it' };
    if (s.userDisabledAt) return { ok: false, message: 'This account is disabled; ask an admin to enable it' };
    if (s.revokedAt) return { ok: false, message: 'You signed out of this session; sign in again' };
    if (s.expiresAt.getTime() <= clock.now().getTime())
      return { ok: false, message: 'The session has expired; sign in again' };
    const who = {
      kind: 'staff' as const,
      userId: claims.sub,
      orgId: claims.org,
      role: s.role,
      name: s.name,
      sessionId: claims.sid,
    };
    return { ok: true, who };
  }

  /** Sign-out: the session's token is refused from the next request on. */
  async function signOut(who: StaffIdentity): Promise<void> {
    await revokeStaffSession(db, { sessionId: who.sessionId, orgId: who.orgId, userId: who.userId, at: clock.now() });
  }

  /** Deletes sessions expired a day ago or more (a timer; the last day's stay to be looked at); returns how many. */
  const purgeExpired = () => deleteExpiredStaffSessions(db, new Date(clock.now().getTime() - 24 * 3600_000));

  return { signIn, check, signOut, purgeExpired };
}
