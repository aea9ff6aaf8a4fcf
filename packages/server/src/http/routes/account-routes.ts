import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { AccountService } from '../../services/accounts.js';
import { mount } from '../mount.js';

/** The admin's user management (AD1). */
export function accountRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; accounts: AccountService }) {
  const { tokens, accounts } = deps;
  mount(app, tokens, 'listUsers', async ({ who }) => accounts.list(who));
  mount(app, tokens, 'createUser', async ({ who, body }) => accounts.create(who, body));
  mount(app, tokens, 'updateUser', async ({ who, params, body }) => accounts.update(who, params.id, body));
}
