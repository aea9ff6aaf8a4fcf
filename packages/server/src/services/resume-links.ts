import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { ResumeLink, StartChatResponse, VisitorConversation } from '@switchboard/protocol';
import type { TokenIssuer } from '../auth/tokens.js';
import type { Clock } from '../domain/clock.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { getConversation } from '../store/conversations.js';
import { insertResumeLink, spendResumeLink } from '../store/journey.js';
import { getWidget } from '../store/widgets.js';
import type { VisitorIdentity } from './identity.js';

/** Long enough to follow a link, short enough that a copied URL soon stops working. */
export const RESUME_LINK_TTL_MS = 5 * 60_000;
const AUDIENCE = 'switchboard:resume';

// `typ: 'resume'` is no bearer claim (auth/tokens.ts takes only staff and visitor), so a resume
// token never opens an API; and a visitor token is no resume token.
const ResumeClaims = z.object({ typ: z.literal('resume'), sub: z.uuid(), org: z.uuid(), jti: z.uuid() });

export type ResumeLinkDeps = {
  db: Db;
  clock: Clock;
  /** The server's signing secret, the one visitor tokens are signed with (HS256, jose). */
  secret: string;
  tokens: TokenIssuer;
  visitorView(orgId: string, conversationId: string): Promise<VisitorConversation>;
};

/**
 * CH1: a chat carried from one site to another of the same organisation. Browsers keep an
 * iframe's storage per top-level site, so the second site's widget cannot see the first one's
 * token: the first asks for a signed, one-use, five-minute token that the link carries.
 */
export function createResumeLinks({ db, clock, secret, tokens, visitorView }: ResumeLinkDeps) {
  const key = new TextEncoder().encode(secret);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

  async function issue(who: VisitorIdentity): Promise<ResumeLink> {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + RESUME_LINK_TTL_MS);
    const jti = randomUUID();
    await insertResumeLink(db, { id: jti, orgId: who.orgId, conversationId: who.conversationId, expiresAt });
    const token = await new SignJWT({ typ: 'resume', sub: who.conversationId, org: who.orgId, jti })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(AUDIENCE)
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(expiresAt))
      .sign(key);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async function claimsOf(token: string) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        currentDate: clock.now(),
      });
      const claims = ResumeClaims.safeParse(payload);
      if (claims.success) return claims.data;
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new DomainError('invalid', 'The resume link has expired');
    }
    throw new DomainError('invalid', 'The resume link is not valid');
  }

  /** The second site's widget takes the chat over: same organisation only, once. */
  async function exchange(widgetId: string, token: string): Promise<StartChatResponse> {
    const claims = await claimsOf(token);
    const widget = await getWidget(db, widgetId);
    // Another organisation's widget learns nothing: the link is as missing there.
    if (!widget || widget.widget.orgId !== claims.org) throw notFound('resume link');
    const conversationId = await spendResumeLink(db, claims.org, claims.jti, clock.now());
    if (!conversationId) throw conflict('The resume link was already used or has expired');
    const c = await getConversation(db, claims.org, conversationId);
    if (!c) throw notFound('resume link');
    const visitorToken = await tokens.visitor({ conversationId, orgId: claims.org, name: c.customerName, widgetId });
    return { token: visitorToken, conversation: await visitorView(claims.org, conversationId) };
  }

  return { issue, exchange };
}

export type ResumeLinks = ReturnType<typeof createResumeLinks>;
