import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ConsultService } from '../../services/consults.js';
import type { TransferService } from '../../services/transfers.js';
import { mount } from '../mount.js';

/** Transfer to an agent or a queue, consult, and the receiving agent's answer (AG5). */
export function transferRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; transfers: TransferService; consults: ConsultService },
) {
  const { tokens, transfers, consults } = deps;
  const ok = { ok: true as const };
  mount(app, tokens, 'transferOptions', async ({ who, params }) => transfers.options(who, params.id));
  mount(app, tokens, 'transferConversation', async ({ who, params, body }) => {
    await transfers.transfer(who, params.id, body);
    return ok;
  });
  mount(app, tokens, 'listTransfers', async ({ who }) => transfers.pending(who));
  mount(app, tokens, 'acceptTransfer', async ({ who, params }) => {
    await transfers.accept(who, params.id);
    return ok;
  });
  mount(app, tokens, 'rejectTransfer', async ({ who, params }) => {
    await transfers.reject(who, params.id);
    return ok;
  });
  mount(app, tokens, 'consultOptions', async ({ who, params }) => consults.options(who, params.id));
  mount(app, tokens, 'consultConversation', async ({ who, params, body }) => {
    await consults.ask(who, params.id, body);
    return ok;
  });
  mount(app, tokens, 'setConsultantPermission', async ({ who, params, body }) => {
    await consults.setPermission(who, params.id, params.userId, body.mayMessageCustomer);
    return ok;
  });
  mount(app, tokens, 'leaveConversation', async ({ who, params }) => {
    await consults.leave(who, params.id);
    return ok;
  });
}
