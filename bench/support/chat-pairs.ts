import type { Socket } from 'socket.io-client';
import { createApiClient, SocketEvents, type ApiClient, type Offer } from '@switchboard/protocol';
import { sleep } from './format.js';
import { lightFetch } from './light-fetch.js';
import { BENCH_PASSWORD, type BenchOrg } from './seed.js';
import { connect, inBatches } from './sockets.js';

export type Side = 'customer' | 'agent';
export type Party = { api: ApiClient; socket: Socket };
/** One chat a customer and an agent both hold open: the widget's and the workspace's view. */
export type ChatPair = { id: string; customer: Party; agent: Party };

/**
 * Signs every agent in (REST login, a staff socket, presence available), lets each accept what
 * routing offers, and starts `count` chats from the widget until every one is accepted.
 */
export async function openChatPairs(
  url: string,
  org: BenchOrg,
  count: number,
): Promise<{ pairs: ChatPair[]; close(): void }> {
  const sockets: Socket[] = [];
  const fetch = lightFetch();
  const agentOf = new Map<string, Party>();
  // Counted where the accept returns: an agent can accept before the customer's socket is up.
  const accepted = new Set<string>();
  const agents = await inBatches(org.agents, 4, async (a) => {
    const { token } = await createApiClient({ baseUrl: url }).call('login', {
      body: { email: a.email, password: BENCH_PASSWORD },
    });
    const party: Party = {
      api: createApiClient({ baseUrl: url, getToken: () => token, fetch }),
      socket: await connect(url, token),
    };
    sockets.push(party.socket);
    party.socket.on(SocketEvents.offer, (offer: Offer) => {
      // Not retried: a 5xx here is a defect to see (an accept that lost a race answers 409 and is left).
      void party.api.call('acceptOffer', { params: { id: offer.id }, body: {} }).then(
        () => void (agentOf.set(offer.conversationId, party), accepted.add(offer.conversationId)),
        (err: { status?: number; message?: string }) => {
          if ((err.status ?? 500) >= 500)
            console.error(`accept answered ${err.status ?? 'no status'}: ${err.message ?? ''}`);
        },
      );
    });
    return party;
  });
  await inBatches(agents, 4, (p) => p.api.call('setPresence', { body: { presence: 'available' } }));

  const customers = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const res = await createApiClient({ baseUrl: url }).call('startChat', {
        params: { widgetId: org.widgetId },
        body: {
          prechat: { name: `Customer ${i}`, email: `customer${i}@bench.example`, question: 'Where is my order?' },
        },
      });
      const socket = await connect(url, res.token);
      sockets.push(socket);
      return {
        id: res.conversation.id,
        party: { api: createApiClient({ baseUrl: url, getToken: () => res.token, fetch }), socket },
      };
    },
  );
  for (const until = Date.now() + 120_000; accepted.size < count && Date.now() < until;) await sleep(50);
  if (accepted.size < count) throw new Error(`only ${accepted.size} of ${count} chats were accepted in time`);
  const pairs = customers.map((c) => ({ id: c.id, customer: c.party, agent: agentOf.get(c.id)! }));
  return { pairs, close: () => sockets.forEach((s) => s.close()) };
}
