import type { Offer } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { nextState } from '../domain/conversation/lifecycle.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import { isOfferExpired } from '../domain/routing/offer-timing.js';
import type { Db } from '../store/db.js';
import { updateConversation } from '../store/conversations.js';
import { lockConversationAndAgent } from '../store/locks.js';
import { closeOffer, expiredOffers, getOffer, pendingOffersForAgent, type OfferRow } from '../store/offers.js';
import { addParticipant } from '../store/participants.js';
import { releaseCharge } from '../store/routing.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';
import { tellCustomer } from './automated-messages.js';
import { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';
import type { PresenceService } from './presence.js';

export type OfferServiceDeps = {
  db: Db;
  presence: PresenceService;
  clock: Clock;
  bus: EventBus;
  onRoutable: (orgId: string) => void;
};

export function createOfferService({ db, clock, bus, presence, onRoutable }: OfferServiceDeps) {
  async function mine(who: StaffIdentity, offerId: string): Promise<OfferRow> {
    const offer = await getOffer(db, who.orgId, offerId);
    if (!offer) throw notFound('offer');
    if (offer.agentId !== who.userId) throw forbidden('this offer was made to another agent');
    if (offer.status !== 'pending') throw conflict(`this offer is already ${offer.status}`);
    return offer;
  }

  /** Reject or timeout: the agent lets go and the conversation goes back to the queue. */
  async function decline(offer: OfferRow, outcome: 'rejected' | 'timeout', agentName: string): Promise<boolean> {
    let log = new EventLog();
    const now = clock.now();
    const done = await transaction(db, async (tx) => {
      log = new EventLog();
      // The lock order: the agent, then the conversation (locks.ts).
      const c = await lockConversationAndAgent(tx, offer.orgId, offer.conversationId, [offer.agentId]);
      if (!c || !(await closeOffer(tx, offer.orgId, offer.id, outcome, now))) return false;
      const to = nextState({ state: c.state, accepted: c.acceptedAt !== null, asynchronous: false }, 'decline');
      await releaseCharge(tx, {
        orgId: c.orgId,
        agentId: offer.agentId,
        units: c.chargedUnits,
        profileIds: c.chargedProfileIds,
        now,
      });
      await updateConversation(tx, c.orgId, c.id, {
        state: to,
        agentId: null,
        chargedUnits: 0,
        chargedProfileIds: [],
        updatedAt: now,
      });
      await presence.declined(tx, log, c.orgId, offer.agentId, outcome);
      await log.append(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        body: { type: 'declined', offerId: offer.id, agentId: offer.agentId, agentName, reason: outcome },
        public: false,
        at: now,
      });
      await log.append(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        body: {
          type: 'state',
          from: c.state,
          to,
          reason: outcome === 'timeout' ? 'offer timed out' : 'agent rejected the offer',
          actor:
            outcome === 'timeout'
              ? { type: 'system', id: null, name: 'Switchboard' }
              : { type: 'agent', id: offer.agentId, name: agentName },
        },
        public: false,
        at: now,
      });
      log.add({
        kind: 'offer-closed',
        orgId: c.orgId,
        agentId: offer.agentId,
        closed: { offerId: offer.id, conversationId: c.id, outcome },
      });
      return true;
    });
    bus.publish(log.pending);
    if (done) onRoutable(offer.orgId);
    return done;
  }

  return {
    async listMine(who: StaffIdentity): Promise<Offer[]> {
      const rows = await pendingOffersForAgent(db, who.orgId, who.userId);
      return rows.map((r) => ({
        id: r.offer.id,
        conversationId: r.offer.conversationId,
        customerName: r.customerName,
        firstMessage: r.firstMessage,
        queueName: r.queueName,
        waitingSince: r.waitingSince.toISOString(),
        offeredAt: r.offer.offeredAt.toISOString(),
        expiresAt: r.offer.expiresAt.toISOString(),
      }));
    },

    async accept(who: StaffIdentity, offerId: string): Promise<void> {
      const offer = await mine(who, offerId);
      const now = clock.now();
      if (isOfferExpired(offer, now)) throw conflict('this offer has expired');
      let log = new EventLog();
      await transaction(db, async (tx) => {
        log = new EventLog();
        const c = await lockConversationAndAgent(tx, offer.orgId, offer.conversationId, [who.userId]);
        if (!c || c.agentId !== who.userId || c.state !== 'active' || c.acceptedAt)
          throw conflict('this conversation is no longer offered to you');
        if (!(await closeOffer(tx, offer.orgId, offer.id, 'accepted', now)))
          throw conflict('this offer is no longer pending');
        await updateConversation(tx, c.orgId, c.id, { acceptedAt: now, updatedAt: now });
        await addParticipant(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          userId: who.userId,
          role: 'primary',
          name: who.name,
          at: now,
        });
        await presence.acceptedOrClosed(tx, log, c.orgId, who.userId);
        await log.append(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          body: { type: 'accepted', agentId: who.userId, agentName: who.name },
          public: true,
          at: now,
        });
        await tellCustomer(tx, log, c, 'assigned', now, who.name);
        log.add({
          kind: 'offer-closed',
          orgId: c.orgId,
          agentId: who.userId,
          closed: { offerId: offer.id, conversationId: c.id, outcome: 'accepted' },
        });
      });
      bus.publish(log.pending);
    },

    async reject(who: StaffIdentity, offerId: string): Promise<void> {
      const offer = await mine(who, offerId);
      if (!(await decline(offer, 'rejected', who.name))) throw conflict('this offer is no longer pending');
    },

    /** Times out every offer past its deadline; safe to run on every node at once. */
    async expireDue(): Promise<number> {
      const due = await expiredOffers(db, clock.now());
      let expired = 0;
      for (const offer of due) {
        if (await decline(offer, 'timeout', offer.agentName)) expired += 1;
      }
      return expired;
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
