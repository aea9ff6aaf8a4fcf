import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StandIn, StandInFactory, StandInMessage } from '../adapter.js';
import type { CustomConfig } from './config.js';
import { checkSignature, signedPost, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';

/**
 * The external program of a custom channel, on loopback (CH7): `POST {prefix}` takes our replies,
 * checking them as README.md tells a third party to (signature and timestamp, 401 otherwise;
 * `Idempotency-Key`; a retry answered with the id it got the first time), and `inbound()` and
 * `status()` make the signed posts the program sends to our webhook.
 */
export const customStandIn: StandInFactory<CustomConfig> = (config) => {
  const sent: StandInMessage[] = [];
  const failures: number[] = [];
  /** Our message id (the idempotency key) → the id the program answered. */
  const answered = new Map<string, string>();

  async function take(request: FastifyRequest, reply: FastifyReply) {
    const failure = failures.shift();
    if (failure !== undefined) return reply.code(failure).send({ error: `the stand-in was told to answer ${failure}` });
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signed = checkSignature(
      { timestamp: header(request, TIMESTAMP_HEADER), signature: header(request, SIGNATURE_HEADER), body: raw },
      config.sharedSecret,
      Date.now(),
    );
    if (!signed.ok) return reply.code(401).send({ error: signed.reason });
    const message = readOutbound(raw, config.numbers);
    if (typeof message === 'string') return reply.code(400).send({ error: message });
    if (header(request, 'idempotency-key') !== message.id) {
      return reply.code(400).send({ error: 'the Idempotency-Key header must be the message id' });
    }
    const known = answered.get(message.id);
    if (known) return reply.code(200).send({ id: known });
    const id = `prog_${randomUUID()}`;
    answered.set(message.id, id);
    sent.push({ providerMessageId: id, to: message.to, from: message.from, text: message.text, at: new Date() });
    return reply.code(200).send({ id });
  }

  return {
    sent,
    async register(app, prefix) {
      await app.register(
        async (scope) => {
          // The signature covers the body's exact bytes, so the route reads them unparsed.
          if (scope.hasContentTypeParser('application/json')) scope.removeContentTypeParser('application/json');
          scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, raw, done) => done(null, raw));
          scope.post('/', take);
        },
        { prefix },
      );
    },
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    inbound(webhookUrl, { from, to, body }) {
      const activity = { type: 'inbound-message', id: `in_${randomUUID()}`, from, to, text: body };
      return signedPost(webhookUrl, config.sharedSecret, {
        activities: [{ ...activity, receivedAt: new Date().toISOString() }],
      });
    },
    status(webhookUrl, id, status) {
      const reason = status === 'failed' ? { reason: 'the recipient could not be reached' } : {};
      return signedPost(webhookUrl, config.sharedSecret, {
        activities: [{ type: 'status', id, status, ...reason, at: new Date().toISOString() }],
      });
    },
  } satisfies StandIn;
};

type Outbound = { id: string; to: string; from: string; text: string };

/** The fields of an outbound message the program needs, or why the post is not one. */
function readOutbound(raw: Buffer, ours: string[]): Outbound | string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'the body is not JSON';
  }
  const { type, id, to, from, text } = body ?? {};
  if (type !== 'outbound-message') return 'type must be "outbound-message"';
  if (typeof id !== 'string' || id === '') return 'id is required';
  if (typeof to !== 'string' || to === '') return 'to is required';
  if (typeof from !== 'string' || !ours.includes(from)) return `from must be one of ${ours.join(', ')}`;
  if (typeof text !== 'string') return 'text is required';
  return { id, to, from, text };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
