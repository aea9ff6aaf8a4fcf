import type { FastifyInstance } from 'fastify';
import { WebhookRefused } from '../../channels/adapter.js';
import type { ChannelInbound } from '../../services/channel-inbound.js';

/** Providers post bodies up to this size; an SMS webhook is a few kilobytes. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * `/webhooks/{provider}/{channelId}` (CH5): where providers post inbound texts and delivery reports.
 * Outside the route table: the caller is a provider, not our client, the body is whatever it signs
 * (form, JSON, XML), and the answer is what it expects. Signatures are over the raw bytes, so this
 * scope reads bodies as buffers; the URL is rebuilt from PUBLIC_URL, as the provider called it.
 */
export function webhookRoutes(app: FastifyInstance, deps: { inbound: ChannelInbound; publicUrl: () => string }) {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    scope.route<{ Params: { provider: string; channelId: string }; Querystring: Record<string, string> }>({
      method: ['POST', 'OPTIONS'],
      url: '/webhooks/:provider/:channelId',
      handler: async (req, reply) => {
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
        try {
          const answer = await deps.inbound.handle(req.params.provider, req.params.channelId, {
            url: `${deps.publicUrl().replace(/\/$/, '')}${req.url}`,
            method: req.method,
            headers,
            rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
            query: Object.fromEntries(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)])),
          });
          return reply.code(answer.status).type(answer.contentType).send(answer.body);
        } catch (err) {
          if (!(err instanceof WebhookRefused)) throw err;
          req.log.warn({ msg: 'webhook refused', provider: req.params.provider, reason: err.message });
          const error = err.statusCode === 404 ? 'Not Found' : err.statusCode === 403 ? 'Forbidden' : 'Bad Request';
          return reply.code(err.statusCode).send({ statusCode: err.statusCode, error, message: err.message });
        }
      },
    });
  });
}
