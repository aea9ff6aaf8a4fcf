import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { routes, type CallOutput, type Role, type RouteName, type Routes } from '@switchboard/protocol';
import { looksLikeApiKey } from '../auth/api-keys.js';
import type { TokenIssuer } from '../auth/tokens.js';
import { routeRefusal, type RouteAccess } from '../domain/users/route-access.js';
import type { Identity, StaffIdentity, VisitorIdentity } from '../services/identity.js';
import { HttpError } from './errors.js';

type Parsed<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

type Who<R> = R extends { auth: 'staff' } ? StaffIdentity : R extends { auth: 'visitor' } ? VisitorIdentity : null;

export type HandlerInput<N extends RouteName> = {
  params: Parsed<Routes[N], 'params'>;
  query: Parsed<Routes[N], 'query'>;
  body: Parsed<Routes[N], 'body'>;
  who: Who<Routes[N]>;
  req: FastifyRequest;
  reply: FastifyReply;
};

/** A `binary` route answers with the reply it sent (a file), not a JSON value. */
type Answer<N extends RouteName> = Routes[N] extends { binary: true } ? FastifyReply : CallOutput<N>;

const identities = new WeakMap<FastifyRequest, Identity>();

/** Who made this request, once `mount`'s authentication ran (for hooks such as presence activity). */
export const identityOf = (req: FastifyRequest): Identity | undefined => identities.get(req);

/** A signed-in token or an API key as a bearer credential, or an API key in X-Api-Key (AD1). */
function credentialOf(req: FastifyRequest): string {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const key = req.headers['x-api-key'];
  if (key === undefined) throw new HttpError(401, 'Sign in first: send "Authorization: Bearer <token>"');
  if (typeof key !== 'string' || !looksLikeApiKey(key))
    throw new HttpError(401, 'X-Api-Key takes one API key (sbk_…); a signed-in token goes in "Authorization: Bearer"');
  return key;
}

async function authenticate(
  req: FastifyRequest,
  tokens: TokenIssuer,
  want: 'staff' | 'visitor',
  route: RouteAccess,
): Promise<Identity> {
  // Signature, expiry, and the session (or API key), user and organisation as the database has them now.
  const checked = await tokens.authenticate(credentialOf(req));
  if (!checked.ok) throw new HttpError(401, checked.message);
  const who = checked.who;
  if (who.kind !== want) {
    throw new HttpError(
      403,
      want === 'staff' ? 'A widget visitor token cannot call staff APIs' : 'This API takes a widget visitor token',
    );
  }
  // Every route's roles, and what an API client may call, decided in one rule (domain/users/route-access.ts).
  const refusal = who.kind === 'staff' ? routeRefusal(who.role, route) : null;
  if (refusal) throw new HttpError(403, refusal);
  const params = req.params as { id?: string };
  if (who.kind === 'visitor' && params.id !== who.conversationId) {
    throw new HttpError(403, 'This visitor token belongs to another conversation');
  }
  return who;
}

/** OpenAPI: an API key is offered on the routes an API client may call (its header or as the bearer). */
const securityOf = (def: RouteAccess & { auth: string }): Record<string, string[]>[] =>
  def.auth === 'staff' && routeRefusal('api', def) === null ? [{ bearer: [] }, { apiKey: [] }] : [{ bearer: [] }];

/** Registers one route of the protocol table with its schemas (validation, OpenAPI) and its auth. */
export function mount<N extends RouteName>(
  app: FastifyInstance,
  tokens: TokenIssuer,
  name: N,
  handler: (input: HandlerInput<N>) => Promise<Answer<N>>,
): void {
  const def = routes[name] as Routes[N] & {
    params?: z.ZodType;
    query?: z.ZodType;
    body?: z.ZodType;
    roles?: readonly Role[];
    person?: true;
    maxBodyBytes?: number;
    rawBody?: true;
  };
  const identify = async (req: FastifyRequest) => {
    if (def.auth !== 'public') identities.set(req, await authenticate(req, tokens, def.auth, def));
  };
  // A file upload is read only for a caller who may send it: authenticated before its body is.
  if (def.rawBody) {
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      routeIn(scope, { preParsing: async (req: FastifyRequest) => identify(req) });
    });
    return;
  }
  routeIn(app, { preValidation: identify });

  function routeIn(target: FastifyInstance, authHook: Record<string, (req: FastifyRequest) => Promise<void>>) {
    target.withTypeProvider<ZodTypeProvider>().route({
      method: def.method,
      url: def.path,
      ...(def.maxBodyBytes ? { bodyLimit: def.maxBodyBytes } : {}),
      schema: {
        summary: def.summary,
        tags: [
          def.path.startsWith('/api/widget')
            ? 'widget'
            : def.path.startsWith('/api/admin')
              ? 'admin'
              : def.auth === 'public'
                ? 'auth'
                : 'staff',
        ],
        ...(def.auth === 'public' ? {} : { security: securityOf(def) }),
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { querystring: def.query } : {}),
        ...(def.body ? { body: def.body } : {}),
        response: { 200: def.response },
      },
      // Authenticate before validating, so a stranger learns nothing about the body's shape.
      ...authHook,
      handler: async (req, reply) => {
        const who = identities.get(req) ?? null;
        const input = { params: req.params, query: req.query, body: req.body, who, req, reply };
        // A binary route's answer is the reply it already sent; Fastify takes a returned reply as sent.
        return (await handler(input as unknown as HandlerInput<N>)) as never;
      },
    });
  }
}
