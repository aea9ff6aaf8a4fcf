import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ConversationService } from '../../services/conversations.js';
import type { SupervisionService } from '../../services/supervision.js';
import type { SupervisorAssign } from '../../services/supervisor-assign.js';
import type { TransferService } from '../../services/transfers.js';
import type { Db } from '../../store/db.js';
import { saveSentimentSetting, sentimentSetting } from '../../store/sentiment.js';
import { mount } from '../mount.js';

/** The supervisor's desk (SV1, SV2, SV4, SV6) and the admin's switches for it (SV7). */
export function supervisionRoutes(
  app: FastifyInstance,
  deps: {
    tokens: TokenIssuer;
    supervision: SupervisionService;
    conversations: ConversationService;
    assign: SupervisorAssign;
    db: Db;
    transfers: TransferService;
  },
) {
  const { tokens, supervision, conversations } = deps;
  const ok = { ok: true as const };
  mount(app, tokens, 'listOngoing', async ({ who, query }) => supervision.ongoing(who, query));
  mount(app, tokens, 'searchAgents', async ({ who, query }) => supervision.agents(who, query));
  mount(app, tokens, 'monitorConversation', async ({ who, params }) => {
    await conversations.monitor(who, params.id);
    return ok;
  });
  mount(app, tokens, 'joinConversation', async ({ who, params }) => {
    await conversations.join(who, params.id);
    return ok;
  });
  mount(app, tokens, 'stopMonitoring', async ({ who, params }) => {
    await conversations.stopMonitoring(who, params.id);
    return ok;
  });
  mount(app, tokens, 'forceClose', async ({ who, params }) => {
    await conversations.forceClose(who, params.id);
    return ok;
  });
  mount(app, tokens, 'assignOptions', async ({ who, params }) => deps.assign.options(who, params.id));
  mount(app, tokens, 'assignConversation', async ({ who, params, body }) => {
    await deps.assign.assign(who, params.id, body);
    return ok;
  });
  mount(app, tokens, 'supervisorTransferOptions', async ({ who, params }) =>
    deps.transfers.supervisorOptions(who, params.id),
  );
  mount(app, tokens, 'supervisorTransfer', async ({ who, params, body }) => {
    await deps.transfers.supervisorTransfer(who, params.id, body);
    return ok;
  });
  mount(app, tokens, 'getSentimentSetting', async ({ who }) => sentimentSetting(deps.db, who.orgId));
  mount(app, tokens, 'updateSentimentSetting', async ({ who, body }) => {
    await saveSentimentSetting(deps.db, who.orgId, body);
    return sentimentSetting(deps.db, who.orgId);
  });
  mount(app, tokens, 'getSupervisorSwitches', async ({ who }) => supervision.switches(who));
  mount(app, tokens, 'updateSupervisorSwitches', async ({ who, body }) => supervision.setSwitches(who, body));
}
