import type { FastifyInstance } from 'fastify';
import { ping, type Db } from '../../store/db.js';

/** Liveness (`/health`) and readiness (`/ready`: the database answers). */
export function healthRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) =>
    (await ping(deps.db)) ? { status: 'ready' } : reply.status(503).send({ status: 'unavailable' }),
  );
}
