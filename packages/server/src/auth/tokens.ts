import { jwtVerify, SignJWT } from 'jose';
import { Role } from '@switchboard/protocol';
import { z } from 'zod';
import type { Identity } from '../services/identity.js';

const StaffClaims = z.object({ typ: z.literal('staff'), sub: z.uuid(), org: z.uuid(), role: Role, name: z.string() });
// `wid`: the widget the chat started on, whose allowed sites the visitor's requests and socket are checked against.
const VisitorClaims = z.object({ typ: z.literal('visitor'), sub: z.uuid(), org: z.uuid(), name: z.string(), wid: z.string().optional() });
const Claims = z.discriminatedUnion('typ', [StaffClaims, VisitorClaims]);

const STAFF_TTL = '12h';
const VISITOR_TTL = '30d';

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** Signs and checks the bearer tokens of staff and of widget visitors (HS256). */
export function createTokenIssuer(secret: string) {
  const key = new TextEncoder().encode(secret);
  const sign = (claims: z.infer<typeof Claims>, ttl: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(ttl).sign(key);

  return {
    staff: (u: { id: string; orgId: string; role: Role; name: string }) =>
      sign({ typ: 'staff', sub: u.id, org: u.orgId, role: u.role, name: u.name }, STAFF_TTL),
    /** A visitor token opens exactly one conversation. */
    visitor: (v: { conversationId: string; orgId: string; name: string; widgetId?: string }) =>
      sign({ typ: 'visitor', sub: v.conversationId, org: v.orgId, name: v.name, ...(v.widgetId ? { wid: v.widgetId } : {}) }, VISITOR_TTL),
    async verify(token: string): Promise<Identity | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const claims = Claims.parse(payload);
        return claims.typ === 'staff'
          ? { kind: 'staff', userId: claims.sub, orgId: claims.org, role: claims.role, name: claims.name }
          : { kind: 'visitor', conversationId: claims.sub, orgId: claims.org, name: claims.name, ...(claims.wid ? { widgetId: claims.wid } : {}) };
      } catch {
        return null;
      }
    },
  };
}
