import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '@switchboard/protocol';
import { ConfigProblemsError, DomainError, type DomainErrorKind } from '../domain/errors.js';

const STATUS: Record<DomainErrorKind, number> = { invalid: 400, forbidden: 403, 'not-found': 404, conflict: 409 };
const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fastify's own 4xx messages, said so that the caller knows what to change. */
function clearer(err: FastifyError, contentType: string | undefined): string {
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return `Content-Type ${contentType ?? '(none)'} is not supported: send application/json`;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'Request body is too large (the limit is 64 KB)';
  return err.message;
}

const body = (statusCode: number, message: string, issues?: ApiError['issues']): ApiError => ({
  statusCode,
  error: NAMES[statusCode] ?? 'Error',
  message,
  ...(issues ? { issues } : {}),
});

/** Every failure becomes `{ statusCode, error, message }`; 4xx messages tell the caller what to fix. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const issues = err.validation.map((v) => ({
        path: [where, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      return reply.status(400).send(body(400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues));
    }
    if (err instanceof ConfigProblemsError) {
      return reply.status(STATUS[err.kind]).send({ ...body(STATUS[err.kind], err.message), problems: err.problems });
    }
    if (err instanceof DomainError) return reply.status(STATUS[err.kind]).send(body(STATUS[err.kind], err.message));
    if (err instanceof HttpError) return reply.status(err.statusCode).send(body(err.statusCode, err.message));
    if (isResponseSerializationError(err)) {
      req.log.error({ err, cause: err.cause }, 'response did not match its schema');
      return reply.status(500).send(body(500, 'Internal server error'));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    return reply.status(status).send(body(status, status === 500 ? 'Internal server error' : clearer(err, req.headers['content-type'])));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(body(404, `No route ${req.method} ${req.url.split('?')[0]}`)));
}
