import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ConversationService } from '../../services/conversations.js';
import type { OfferService } from '../../services/offers.js';
import type { Db } from '../../store/db.js';
import { listQueues } from '../../store/queues.js';
import { getConversation } from '../../store/conversations.js';
import { listTrace } from '../../store/traces.js';
import { notFound } from '../../domain/errors.js';
import type { PickService } from '../../services/pick.js';
import { routingNow } from '../../services/routing-now.js';
import { mount } from '../mount.js';

export function conversationRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    tokens: TokenIssuer;
    conversations: ConversationService;
    offers: OfferService;
    pick: PickService;
    clock: Clock;
  },
) {
  const { tokens, conversations, offers } = deps;
  const ok = { ok: true as const };

  mount(app, tokens, 'listQueues', async ({ who }) => ({ queues: await listQueues(deps.db, who.orgId) }));
  mount(app, tokens, 'listConversations', async ({ who, query }) => conversations.list(who, query));
  mount(app, tokens, 'getConversation', async ({ who, params }) => conversations.detail(who, params.id));
  mount(app, tokens, 'listEvents', async ({ who, params, query }) => ({
    events: await conversations.staffEvents(who, params.id, query.after),
  }));
  mount(app, tokens, 'sendMessage', async ({ who, params, body }) =>
    conversations.sendAgentMessage(who, params.id, body),
  );
  mount(app, tokens, 'endConversation', async ({ who, params }) => (await conversations.agentEnd(who, params.id), ok));
  mount(app, tokens, 'parkConversation', async ({ who, params }) => (await conversations.park(who, params.id), ok));
  mount(app, tokens, 'resumeConversation', async ({ who, params }) => (await conversations.resume(who, params.id), ok));
  mount(app, tokens, 'reopenConversation', async ({ who, params }) => {
    await conversations.agentReopen(who, params.id);
    return ok;
  });
  mount(app, tokens, 'closeConversation', async ({ who, params }) => (await conversations.close(who, params.id), ok));
  mount(app, tokens, 'listOffers', async ({ who }) => ({
    offers: await offers.listMine(who),
    serverTime: deps.clock.now().toISOString(),
  }));
  mount(app, tokens, 'acceptOffer', async ({ who, params }) => (await offers.accept(who, params.id), ok));
  mount(app, tokens, 'rejectOffer', async ({ who, params }) => (await offers.reject(who, params.id), ok));
  mount(app, tokens, 'listPickable', async ({ who, query }) => deps.pick.list(who, query));
  mount(app, tokens, 'pickConversation', async ({ who, params }) => (await deps.pick.pick(who, params.id), ok));
  mount(app, tokens, 'getRoutingTrace', async ({ who, params }) => {
    const conversation = await getConversation(deps.db, who.orgId, params.id);
    if (!conversation) throw notFound('conversation');
    const entries = await listTrace(deps.db, who.orgId, params.id);
    // Still waiting: why, right now, computed on demand and not stored (RT5).
    const now =
      conversation.state === 'open' ? await routingNow(deps.db, who.orgId, conversation, deps.clock.now()) : undefined;
    return { conversationId: params.id, state: conversation.state, entries, now };
  });
}
