import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { ChannelService } from '../../services/channels.js';
import type { Outbox } from '../../services/outbox.js';
import { mount } from '../mount.js';

/** The admin center's channels and the replies they could not deliver (CH5; admins only, per the route table). */
export function channelRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; channels: ChannelService; outbox: Outbox },
) {
  const { tokens, channels, outbox } = deps;
  mount(app, tokens, 'listChannels', async ({ who }) => channels.list(who.orgId));
  mount(app, tokens, 'createChannel', async ({ who, body }) => channels.create(who.orgId, body));
  mount(app, tokens, 'updateChannel', async ({ who, params, body }) => channels.update(who.orgId, params.id, body));
  mount(app, tokens, 'deleteChannel', async ({ who, params }) => {
    await channels.remove(who.orgId, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'validateChannelKey', async ({ who, params, body }) =>
    channels.validateKey(who.orgId, params.id, body.phoneNumber),
  );
  mount(app, tokens, 'listOutbox', async ({ who, query }) => outbox.list(who.orgId, query.status));
  mount(app, tokens, 'retryOutbox', async ({ who, params }) => outbox.retry(who.orgId, params.id));
}
