import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Clock } from '../domain/clock.js';
import type { Identity } from '../services/identity.js';
import { looksLikeApiKey } from './api-keys.js';

// A staff token names a session row (`sid`); who the user is, their role and organisation are read
// from the database on every request, so a sign-out, a disabled account or a new role holds at once.
const StaffClaims = z.object({ typ: z.literal('staff'), sub: z.uuid(), org: z.uuid(), sid: z.uuid() });
// `wid`: the widget the chat started on, whose allowed sites the visitor's requests and socket are checked against.
const VisitorClaims = z.object({
  typ: z.literal('visitor'),
  sub: z.uuid(),
  org: z.uuid(),
  name: z.string(),
  wid: z.string().optional(),
});
const Claims = z.discriminatedUnion('typ', [StaffClaims, VisitorClaims]);
export type TokenClaims = z.infer<typeof Claims>;

export const STAFF_SESSION_MS = 12 * 3600_000;
const VISITOR_TTL_MS = 30 * 24 * 3600_000;
/** Verified tokens kept (oldest first out): the busy node's sockets and tabs, not every visitor ever. */
const VERIFIED_CACHE_SIZE = 20_000;

/** What the database says about a correctly signed token: who it is now, or why it no longer works. */
export type TokenCheck = { ok: true; who: Identity } | { ok: false; message: string };

export type TokenIssuer = {
  staff(s: { sessionId: string; userId: string; orgId: string; expiresAt: Date }): Promise<string>;
  /** A visitor token opens exactly one conversation. */
  visitor(v: { conversationId: string; orgId: string; name: string; widgetId?: string }): Promise<string>;
  /** Signature and expiry, then `check` against the database; the message says why a token is refused. */
  authenticate(token: string): Promise<TokenCheck>;
  /** `authenticate`, for callers that need no reason (Socket.IO). */
  verify(token: string): Promise<Identity | null>;
};

/**
 * Signs and checks the bearer tokens of staff and of widget visitors (HS256). `check` is the one
 * place that decides whether a validly signed token still stands (services/staff-sessions.ts);
 * an API key (`sbk_…`, AD1) is no token and goes to `checkKey` (services/api-key-auth.ts).
 * Times come from `clock`, like the sessions' expiry in the database.
 */
export function createTokenIssuer(
  secret: string,
  check: (claims: TokenClaims) => Promise<TokenCheck>,
  clock: Clock,
  checkKey?: (key: string) => Promise<TokenCheck>,
): TokenIssuer {
  const key = new TextEncoder().encode(secret);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const sign = (claims: TokenClaims, expiresAt: Date) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(seconds(clock.now()))
      .setExpirationTime(seconds(expiresAt))
      .sign(key);

  // Tokens whose signature was verified, with their expiry: a token is sent with every request and
  // verifying it again costs more than the rest of a message's work. Only the signature is cached;
  // expiry is checked on every use and `check` still asks the database.
  const verified = new Map<string, { claims: TokenClaims; expiresAt: number }>();

  async function claimsOf(token: string): Promise<TokenClaims | null> {
    const now = clock.now();
    const hit = verified.get(token);
    if (hit) return hit.expiresAt > now.getTime() ? hit.claims : null;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now });
      const claims = Claims.parse(payload);
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, expiresAt: (payload.exp ?? 0) * 1000 });
      return claims;
    } catch {
      return null;
    }
  }

  async function authenticate(token: string): Promise<TokenCheck> {
    if (looksLikeApiKey(token))
      return checkKey ? checkKey(token) : { ok: false, message: 'API keys are not accepted here' };
    const claims = await claimsOf(token);
    if (!claims) return { ok: false, message: 'The token is invalid or has expired; sign in again' };
    return check(claims);
  }

  return {
    staff: (s) => sign({ typ: 'staff', sub: s.userId, org: s.orgId, sid: s.sessionId }, s.expiresAt),
    visitor: (v) => {
      const claims = {
        typ: 'visitor' as const,
        sub: v.conversationId,
        org: v.orgId,
        name: v.name,
        ...(v.widgetId ? { wid: v.widgetId } : {}),
      };
      return sign(claims, new Date(clock.now().getTime() + VISITOR_TTL_MS));
    },
    authenticate,
    async verify(token) {
      const result = await authenticate(token);
      return result.ok ? result.who : null;
    },
  };
}
