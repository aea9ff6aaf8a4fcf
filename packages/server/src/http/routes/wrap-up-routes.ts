import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { WrapUpService } from '../../services/wrap-up.js';
import { mount } from '../mount.js';

/** The wrap-up form (AG4): disposition codes (staff read, admins edit) and saving it on a conversation. */
export function wrapUpRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; wrapUp: WrapUpService }) {
  const { tokens, wrapUp } = deps;
  mount(app, tokens, 'listDispositionCodes', async ({ who }) => wrapUp.listCodes(who));
  mount(app, tokens, 'createDispositionCode', async ({ who, body }) => wrapUp.createCode(who.orgId, body));
  mount(app, tokens, 'updateDispositionCode', async ({ who, params, body }) =>
    wrapUp.updateCode(who.orgId, params.id, body),
  );
  mount(app, tokens, 'deleteDispositionCode', async ({ who, params }) => {
    await wrapUp.deleteCode(who.orgId, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'saveWrapUp', async ({ who, params, body }) => wrapUp.save(who, params.id, body));
}
