import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ApiClientService } from '../../services/api-clients.js';
import { mount } from '../mount.js';

/** The admin's API clients and their keys (AD1). */
export function apiClientRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; apiClients: ApiClientService }) {
  const { tokens, apiClients } = deps;
  mount(app, tokens, 'listApiClients', async ({ who }) => apiClients.list(who));
  mount(app, tokens, 'createApiClient', async ({ who, body }) => apiClients.create(who, body));
  mount(app, tokens, 'updateApiClient', async ({ who, params, body }) => apiClients.update(who, params.id, body));
  mount(app, tokens, 'listApiKeys', async ({ who, params }) => apiClients.keys(who, params.id));
  mount(app, tokens, 'createApiKey', async ({ who, params, body }) => apiClients.createKey(who, params.id, body.name));
  mount(app, tokens, 'revokeApiKey', async ({ who, params }) => apiClients.revokeKey(who, params.id));
}
