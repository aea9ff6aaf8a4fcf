import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '@switchboard/protocol';
import { ConfigProblemsError, DomainError, type DomainErrorKind } from '../domain/errors.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  unauthenticated: 401,
};
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

/** A byte count as people say it: 65536 is "64 KB", 10000000 is "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000 && bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** Fastify's own 4xx messages, said so that the caller knows what to change. */
function clearer(err: FastifyError, req: FastifyRequest): string {
  const contentType = req.headers['content-type'];
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return `Content-Type ${contentType ?? '(none)'} is not supported: send application/json`;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    // The route's own limit (the import takes 10 MB, most routes 64 KB), not the server default.
    const limit = req.routeOptions.bodyLimit;
    const what =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is too large'
        : 'Request body does not match its Content-Length';
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    return `${what}: the limit for ${route} is ${formatBytes(limit)} (${limit} bytes)`;
  }
  return err.message;
}

// A 10 MB import can hold a million mistakes: the answer lists enough of them to act on.
const MAX_ISSUES = 100;
const MAX_SHOWN = 10;
/** A path segment as long as a hostile key is cut, so the answer stays readable. */
const shortSegment = (segment: string) => (segment.length > 60 ? `${segment.slice(0, 60)}…` : segment);

type ValidationIssue = {
  message?: string;
  keyword?: string;
  params?: { issues?: { message?: string }[]; received?: unknown };
};
/** zod's wording where it does not tell the caller what to change. */
const issueMessage = (v: ValidationIssue) => {
  const inner = v.params?.issues?.[0]?.message;
  // "Invalid key in record": the caller needs the reason the key is bad.
  if (v.keyword === 'invalid_key' && inner) return `the key ${inner}`;
  // "expected number, received Infinity": JSON such as 1e400 parses to Infinity.
  if (v.keyword === 'invalid_type' && (v.params?.received === 'Infinity' || v.params?.received === '-Infinity')) {
    return 'is not a finite number (a JSON number beyond ±1.8e308 is Infinity)';
  }
  return v.message ?? 'is invalid';
};

type ZodIssue = { code: string; path: PropertyKey[]; message: string; errors?: ZodIssue[][] };
const MISMATCH = new Set(['invalid_type', 'invalid_value', 'unrecognized_keys']);

/**
 * zod says only "Invalid input" when no branch of a union fits. The caller needs the problems of the
 * branch that came closest (fewest type mismatches: the string branch for a string), unwrapped in depth.
 */
function closestBranch(params: { errors?: ZodIssue[][] }): { path: PropertyKey[]; message: string }[] | undefined {
  const branches = params.errors;
  if (!branches?.length) return undefined;
  const misses = (branch: ZodIssue[]) => branch.filter((i) => MISMATCH.has(i.code)).length;
  const best = branches.reduce((a, b) => (misses(b) < misses(a) ? b : a));
  return best.flatMap((i) => {
    const inner = i.code === 'invalid_union' ? closestBranch(i) : undefined;
    return inner
      ? inner.map((x) => ({ path: [...i.path, ...x.path], message: x.message }))
      : [{ path: i.path, message: i.message }];
  });
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
      const all = err.validation.flatMap((v) => {
        const at = String(v.instancePath).split('/').filter(Boolean);
        const inner = v.keyword === 'invalid_union' ? closestBranch(v.params as { errors?: ZodIssue[][] }) : undefined;
        if (!inner) return [{ path: [where, ...at], message: issueMessage(v) }];
        return inner.map((i) => ({ path: [where, ...at, ...i.path.map(String)], message: i.message }));
      });
      const issues = all
        .slice(0, MAX_ISSUES)
        .map((i) => ({ path: i.path.map(shortSegment).join('.'), message: i.message }));
      const more = all.length - MAX_SHOWN;
      const shown = issues.slice(0, MAX_SHOWN).map((i) => `${i.path}: ${i.message}`);
      const message = more > 0 ? `${shown.join('; ')}; and ${more} more problems` : shown.join('; ');
      return reply.status(400).send(body(400, message, issues));
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
    return reply.status(status).send(body(status, status === 500 ? 'Internal server error' : clearer(err, req)));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(body(404, `No route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
