import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { z } from 'zod';
import type { Db } from '../store/db.js';
import { contacts, widgets } from '../store/schema.js';
import { DEMO_WIDGET_ID } from '../store/seed-demo.js';
import { demoOrgId } from './seed-channels.js';

// The demo's authenticated chat (CH1, CH5): /demo/signed-in.html plays a shop whose customer is
// signed in. A key pair is made at every start; the private key stays in this process and signs
// tokens at /demo/site-token as the shop's server would, the public key is set on the demo widget.

export const DEMO_SIGNED_IN_WIDGET_ID = 'demo-signed-in';
export const DEMO_SITE_ISSUER = 'https://shop.contoso.example';
/** External ids (the shop's own customer numbers) given to the demo's contacts, by email. */
export const DEMO_EXTERNAL_IDS: Record<string, string> = {
  'emma@fabrikam.example': 'CUST-1001',
  'lucas@northwind.example': 'CUST-1002',
};

const TokenQuery = z.object({
  sub: z.string().min(1).max(200),
  /** For the demo of a refusal: a token that expired a minute ago. */
  expired: z.enum(['1']).optional(),
});

/**
 * Before the server listens (main.ts, demo only): the signed-in widget beside the demo's own, on
 * its workstream, with this start's public key; then the token route. False without the demo.
 */
export async function installDemoSignIn(http: FastifyInstance, db: Db): Promise<boolean> {
  const orgId = await demoOrgId(db);
  if (!orgId) return false;
  const [demo] = await db
    .select({ workstreamId: widgets.workstreamId })
    .from(widgets)
    .where(and(eq(widgets.id, DEMO_WIDGET_ID), eq(widgets.orgId, orgId)));
  if (!demo) return false;

  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const siteAuth = { mode: 'pem' as const, issuer: DEMO_SITE_ISSUER, publicKeyPem: await exportSPKI(publicKey) };
  await db
    .insert(widgets)
    .values({
      id: DEMO_SIGNED_IN_WIDGET_ID,
      orgId,
      workstreamId: demo.workstreamId,
      title: 'Chat with Contoso (signed in)',
      siteAuth,
    })
    .onConflictDoUpdate({ target: widgets.id, set: { siteAuth } });
  for (const [email, externalId] of Object.entries(DEMO_EXTERNAL_IDS))
    await db
      .update(contacts)
      .set({ externalId })
      .where(and(eq(contacts.orgId, orgId), eq(contacts.email, email), isNull(contacts.externalId)));

  http.get('/demo/site-token', async (req, reply) => {
    const query = TokenQuery.safeParse(req.query);
    if (!query.success)
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'give ?sub=<customer id>' });
    return { token: await signDemoToken(privateKey, query.data.sub, query.data.expired === '1') };
  });
  return true;
}

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function signDemoToken(key: PrivateKey, sub: string, expired: boolean) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ lwicontexts: JSON.stringify({ plan: 'Gold', signedInOn: 'shop.contoso.example' }) })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(DEMO_SITE_ISSUER)
    .setAudience(DEMO_SIGNED_IN_WIDGET_ID)
    .setSubject(sub)
    .setIssuedAt(expired ? now - 600 : now)
    .setExpirationTime(expired ? now - 120 : now + 600)
    .sign(key);
}
