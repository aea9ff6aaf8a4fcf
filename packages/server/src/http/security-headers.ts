import type { IncomingMessage } from 'node:http';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { OriginPolicy } from './origins.js';

type Directives = Record<string, Iterable<string | ((req: IncomingMessage) => string)>>;

/**
 * What a page of our own apps may load: its scripts from this server only (no inline script), styles inline
 * too (Fluent UI's styling engine and swagger-ui write style elements and attributes), images and fonts from
 * here or data: URLs, images also from blob: URLs (attachments fetched with a token, AG4), requests and
 * sockets to this server.
 */
const PAGE: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
};

/** API answers (and anything else) are data, never a page: nothing may load, nobody may frame it. */
const DATA: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

const frameAncestorsOf = new WeakMap<IncomingMessage, string>();

/** The helmet options a route sets: its policy and the few headers that differ from helmet's defaults. */
type Policy = {
  contentSecurityPolicy: { useDefaults: false; directives: Directives };
  frameguard?: false | { action: 'deny' | 'sameorigin' };
  crossOriginResourcePolicy?: { policy: 'cross-origin' };
};
const csp = (directives: Directives): Policy => ({ contentSecurityPolicy: { useDefaults: false, directives } });

/** Each app its own policy (X3), by where it is served. */
function policyFor(url: string): Policy | undefined {
  // Staff apps and the API docs are never framed; the demo is a page of this server.
  const unframed: Policy = { ...csp({ ...PAGE, 'frame-ancestors': ["'none'"] }), frameguard: { action: 'deny' } };
  const staffApp = ['/agent', '/admin', '/supervisor', '/docs'].some((prefix) => url.startsWith(prefix));
  if (staffApp) return unframed;
  if (url.startsWith('/demo')) return csp({ ...PAGE, 'frame-ancestors': ["'self'"] });
  // The widget's iframe is framed by the sites its admin allows; its loader script is loaded by any page.
  if (url.startsWith('/widget')) {
    return {
      ...csp({ ...PAGE, 'frame-ancestors': [(req) => frameAncestorsOf.get(req) ?? "'self'"] }),
      frameguard: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    };
  }
  return undefined;
}

/**
 * Security headers with @fastify/helmet (X3): a content security policy per app, the widget's frame-ancestors
 * from its allowed sites, and `Cache-Control: no-store` on every API answer (they carry conversations and
 * tokens). Installed before any route, as routes pick their policy when they are added.
 */
export async function installSecurityHeaders(app: FastifyInstance, origins: OriginPolicy): Promise<void> {
  app.addHook('onRoute', (route: RouteOptions) => {
    const policy = policyFor(route.url);
    if (policy) route.config = Object.assign(route.config ?? {}, { helmet: policy });
  });
  // Before helmet's own hook, which writes the header: which sites may frame this widget? The iframe's
  // address names its widget (`/widget/index.html?widgetId=...`, see the loader's embed.ts).
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/widget/') || !req.url.split('?')[0]!.match(/^\/widget\/(index\.html)?$/)) return;
    const widgetId = new URL(req.url, 'http://x').searchParams.get('widgetId') ?? '';
    const sites = await origins.sitesOf(widgetId);
    const ancestors = sites === null ? "'self'" : sites.length === 0 ? '*' : ["'self'", ...sites].join(' ');
    frameAncestorsOf.set(req.raw, ancestors);
  });
  await app.register(fastifyHelmet, { global: true, ...csp(DATA) } as FastifyHelmetOptions);
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
