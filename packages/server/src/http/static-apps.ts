import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built apps: the agent workspace at /agent/, the admin center at /admin/, the supervisor
 * desk at /supervisor/, the widget (loader and iframe app) at /widget/ and the demo pages at /demo/.
 * Missing builds are reported, not fatal, so the API can run alone in tests.
 */
export async function serveApps(app: FastifyInstance, appsDir: string): Promise<string[]> {
  const missing: string[] = [];
  const mounts = [
    { dir: path.join(appsDir, 'agent/dist'), prefix: '/agent/', spa: true },
    { dir: path.join(appsDir, 'admin/dist'), prefix: '/admin/', spa: true },
    { dir: path.join(appsDir, 'supervisor/dist'), prefix: '/supervisor/', spa: true },
    { dir: path.join(appsDir, 'widget/dist'), prefix: '/widget/' },
    { dir: path.join(appsDir, 'widget/demo'), prefix: '/demo/' },
  ];
  let first = true;
  for (const m of mounts) {
    if (!existsSync(m.dir)) {
      missing.push(m.dir);
      continue;
    }
    // The SPA's files get one route each, leaving /agent/* free for the index fallback below.
    await app.register(fastifyStatic, { root: m.dir, prefix: m.prefix, decorateReply: first, wildcard: !('spa' in m) });
    first = false;
  }
  app.get('/', (_req, reply) => reply.redirect('/demo/'));
  // The single-page apps route in the browser: unknown paths under them get their index page.
  for (const spa of ['agent', 'admin', 'supervisor']) {
    const dist = path.join(appsDir, spa, 'dist');
    app.get(`/${spa}`, (_req, reply) => reply.redirect(`/${spa}/`));
    if (existsSync(path.join(dist, 'index.html')))
      app.get(`/${spa}/*`, (_req, reply) => reply.sendFile('index.html', dist));
  }
  return missing;
}
