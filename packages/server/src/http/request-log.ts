import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

/**
 * What never reaches a log line (X4): credentials and what people wrote. Paths are pino redact
 * paths; `*` is one level. Bodies are not logged by this code, but an error or a debug line may
 * carry one.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'authorization',
  'password',
  'token',
  'text',
  '*.password',
  '*.token',
  '*.text',
  '*.authorization',
  'body.*.password',
  'body.*.text',
  'body.prechat.question',
  'err.params',
];

/**
 * Errors without the values of a failed query: drizzle's message repeats its parameters (a
 * message text, a password hash), so the message is cut before them and `params` is dropped.
 */
function errWithoutParams(err: unknown) {
  const out = stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const strip = (s: unknown) => (typeof s === 'string' ? s.replace(/\nparams:[^\n]*/g, '\nparams: [redacted]') : s);
  out.message = strip(out.message);
  out.stack = strip(out.stack);
  delete out.params;
  return out;
}

const loggerOptions = { redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { err: errWithoutParams } };

/** The server's logger: pino with redaction, to stdout or `destination` (tests). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ level, ...loggerOptions }, destination) : pino({ level, ...loggerOptions });
}

/** A logger someone passed in, with the same redaction (a child cannot undo its parent's, only add). */
export const withRedaction = (log: Logger): Logger => log.child({}, loggerOptions);

const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

// An incoming request id is kept when it is a sane token (a proxy's or a client's), else replaced.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify options: our request ids, and no built-in request lines (ours is one line per request). */
export function requestLogOptions(): Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader' | 'logController'> {
  return {
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'reqId', disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
    },
  };
}

/**
 * One info line per request (method, route pattern, status, duration, request id; health probes
 * and metric scrapes at debug), the id also sent back as `x-request-id`, and the duration handed
 * to `observe` (the HTTP metric).
 */
export function installRequestLog(
  http: FastifyInstance,
  observe: (method: string, route: string, status: number, seconds: number) => void,
): void {
  http.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  http.addHook('onResponse', async (req, reply) => {
    // The pattern, never the raw URL: ids stay out of labels and logs; unknown URLs share one label.
    const route = req.routeOptions.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    observe(req.method, route, reply.statusCode, ms / 1000);
    const line = { method: req.method, route, status: reply.statusCode, durationMs: Math.round(ms * 10) / 10 };
    // Probes and scrapes come every few seconds: at debug, so they do not bury the rest.
    if (QUIET_ROUTES.has(route)) req.log.debug(line, 'request');
    else req.log.info(line, 'request');
  });
}
