import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import type { OriginPolicy } from './origins.js';

/** Another site's request on the widget API: allowed, refused, or (a preflight without its token) to be tried. */
type Verdict = 'allow' | 'refuse' | 'try';

/**
 * CORS (X3) with @fastify/cors: the staff API answers this server's pages only (another origin gets no CORS
 * headers, so its browser keeps the answer from it); the widget API answers the widget's allowed sites (any
 * site when the list is empty). A request from a site the widget does not allow is refused outright (403), so
 * a simple request that skips the preflight changes nothing either.
 */
export async function installCors(app: FastifyInstance, origins: OriginPolicy): Promise<void> {
  const verdicts = new WeakMap<FastifyRequest, Promise<Verdict | null>>();

  /** Null: not a cross-site request on the widget API (same origin, no Origin, or another API). */
  async function judge(req: FastifyRequest): Promise<Verdict | null> {
    const origin = req.headers.origin;
    const path = req.url.split('?')[0]!;
    if (!origin || !path.startsWith('/api/widget/') || origins.isSameOrigin(origin, req.headers.host)) return null;
    const [, , , first] = path.split('/');
    // `/api/widget/:widgetId/...` names its widget; `/api/widget/conversations/:id/...` carries a visitor token
    // that does (its preflight carries nothing: it may try, and the request itself is judged).
    const widgetId = first === 'conversations' ? await origins.widgetOfBearer(req.headers.authorization) : first;
    if (!widgetId) return req.method === 'OPTIONS' || !req.headers.authorization ? 'try' : 'allow';
    return (await origins.widgetAllows(widgetId, origin)) ? 'allow' : 'refuse';
  }
  const verdictOf = (req: FastifyRequest) => {
    let v = verdicts.get(req);
    if (!v) verdicts.set(req, (v = judge(req)));
    return v;
  };

  await app.register(fastifyCors, {
    delegator: async (req: FastifyRequest) => {
      const verdict = await verdictOf(req);
      if (verdict !== 'allow' && verdict !== 'try') return { origin: false };
      const allowedHeaders = ['content-type', 'authorization'];
      return { origin: req.headers.origin!, methods: ['GET', 'POST'], allowedHeaders, maxAge: 600 };
    },
  });
  app.addHook('onRequest', async (req) => {
    if (req.method === 'OPTIONS' || (await verdictOf(req)) !== 'refuse') return;
    const site = req.headers.origin;
    const fix = "its admin can add it to the widget's allowed sites";
    throw new HttpError(403, `The site ${site} may not use this chat widget: ${fix}`);
  });
}
