import type { Logger } from 'pino';
import type { Offer } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { decideAssignment } from '../domain/routing/decide.js';
import { offerExpiresAt } from '../domain/routing/offer-timing.js';
import type { Db } from '../store/db.js';
import { getConversation } from '../store/conversations.js';
import { agentSnapshots, claimConversation, declineCounts, openItems } from '../store/routing.js';
import type { EventBus } from './bus.js';
import { EventLog } from './event-log.js';

export type RoutingEngineDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  bus: EventBus;
  defaultOfferTimeoutSeconds: number;
};

const BLOCK_SIZE = 100;

/**
 * Assigns open conversations to eligible agents. `dispatch` runs one organisation at a time
 * on this node and coalesces requests that arrive while it runs; other nodes may dispatch at
 * the same moment, which is safe because every assignment is one conditional write.
 */
export function createRoutingEngine({ db, clock, log, bus, defaultOfferTimeoutSeconds }: RoutingEngineDeps) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function assignOnce(orgId: string): Promise<number> {
    const items = await openItems(db, orgId, BLOCK_SIZE);
    if (items.length === 0) return 0;
    const agents = await agentSnapshots(db, orgId);
    const declines = await declineCounts(db, orgId, items.map((i) => i.conversationId));
    let assigned = 0;
    for (const item of items) {
      const decision = decideAssignment(item, agents, declines.get(item.conversationId) ?? new Map());
      if (!decision.agentId) continue;
      const now = clock.now();
      const agent = agents.find((a) => a.id === decision.agentId)!;
      const events = new EventLog();
      const offer = await claimConversation(
        db,
        {
        orgId,
        conversationId: item.conversationId,
        agentId: decision.agentId,
        units: item.capacityUnits,
        allowedPresences: item.allowedPresences,
        now,
          expiresAt: offerExpiresAt(now, item.offerTimeoutSeconds ?? defaultOfferTimeoutSeconds),
        },
        async (tx, o) => {
          await events.append(tx, {
            orgId,
            conversationId: item.conversationId,
            body: { type: 'offered', offerId: o.id, agentId: agent.id, agentName: agent.name, expiresAt: o.expiresAt.toISOString() },
            public: false,
            at: now,
          });
        },
      );
      if (!offer) {
        // Another node or a presence change got there first: start over from fresh state.
        log.debug({ msg: 'claim lost, reloading', conversationId: item.conversationId, agentId: decision.agentId });
        return assigned + 1;
      }
      assigned += 1;
      agent.usedCapacity += item.capacityUnits;
      agent.lastAssignedAt = now;
      await announceOffer(events, orgId, offer.id, item.conversationId, agent.id, now, offer.expiresAt);
      log.info({ msg: 'conversation offered', conversationId: item.conversationId, agentId: agent.id, considered: decision.considered });
    }
    return assigned;
  }

  async function announceOffer(events: EventLog, orgId: string, offerId: string, conversationId: string, agentId: string, now: Date, expiresAt: Date) {
    const c = await getConversation(db, orgId, conversationId);
    if (!c) return;
    const offer: Offer = {
      id: offerId,
      conversationId,
      customerName: c.customerName,
      firstMessage: c.firstMessage,
      queueName: c.queueName,
      waitingSince: c.waitingSince.toISOString(),
      offeredAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    events.add({ kind: 'assigned', orgId, conversationId, agentId });
    events.add({ kind: 'offer-created', orgId, agentId, offer });
    bus.publish(events.pending);
  }

  async function run(orgId: string) {
    do {
      again.delete(orgId);
      // Keep going while assignments happen: a block of 100 may not be the whole queue.
      while ((await assignOnce(orgId)) > 0);
    } while (again.has(orgId));
  }

  return {
    /** Assign what can be assigned now. Resolves when this organisation's queues are settled. */
    dispatch(orgId: string): Promise<void> {
      const current = running.get(orgId);
      if (current) {
        again.add(orgId);
        return current;
      }
      const p = run(orgId)
        .catch((err: unknown) => log.error({ msg: 'dispatch failed', orgId, err }))
        .finally(() => running.delete(orgId));
      running.set(orgId, p);
      return p;
    },
    /** Resolves when no dispatch is running on this node (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

export type RoutingEngine = ReturnType<typeof createRoutingEngine>;
