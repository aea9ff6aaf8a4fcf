import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { QuickReplyService } from '../../services/quick-replies.js';
import { mount } from '../mount.js';

/** Quick replies (AG4): staff read the organisation's and keep their own; admins edit the organisation's. */
export function quickReplyRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; quickReplies: QuickReplyService }) {
  const { tokens, quickReplies: replies } = deps;
  const ok = { ok: true as const };
  mount(app, tokens, 'listQuickReplies', async ({ who }) => replies.list(who));
  mount(app, tokens, 'createQuickReply', async ({ who, body }) => replies.createOwn(who, body));
  mount(app, tokens, 'updateQuickReply', async ({ who, params, body }) => replies.updateOwn(who, params.id, body));
  mount(app, tokens, 'deleteQuickReply', async ({ who, params }) => {
    await replies.deleteOwn(who, params.id);
    return ok;
  });
  mount(app, tokens, 'createOrgQuickReply', async ({ who, body }) => replies.createForOrg(who.orgId, body));
  mount(app, tokens, 'updateOrgQuickReply', async ({ who, params, body }) =>
    replies.updateForOrg(who.orgId, params.id, body),
  );
  mount(app, tokens, 'deleteOrgQuickReply', async ({ who, params }) => {
    await replies.deleteForOrg(who.orgId, params.id);
    return ok;
  });
}
