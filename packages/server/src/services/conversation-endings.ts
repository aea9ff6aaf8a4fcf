import { conflict } from '../domain/errors.js';
import { tellCustomer } from './automated-messages.js';
import { leaveAll } from '../store/participants.js';
import { chargeAgain } from '../store/routing.js';
import { customerActor, staffActor, type ConversationKit } from './conversation-kit.js';
import type { StaffIdentity, VisitorIdentity } from './identity.js';

/** Ending, closing, parking and resuming a conversation (CV1): each one transaction, capacity following. */
export function conversationEndings(kit: ConversationKit) {
  const { clock, presence, onRoutable, command, lockWithAgentOrThrow, guard, transition } = kit;
  const { release, enterWrapUp, letGo } = kit;

  return {
    /** The customer leaves: before acceptance the conversation closes, after it the agent wraps up. */
    async customerEnd(who: VisitorIdentity): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, who.conversationId);
        if (c.state === 'wrap-up' || c.state === 'closed') throw conflict('this conversation has already ended');
        const actor = customerActor(c.customerName);
        const now = clock.now();
        if (c.acceptedAt && c.state === 'active') {
          await transition(tx, log, c, 'end', actor, 'customer ended the chat', {
            public: true,
            patch: { endedAt: now },
          });
          await enterWrapUp(tx, log, c, now);
          return;
        }
        await letGo(tx, log, c);
        await transition(tx, log, c, 'abandon', actor, 'customer left before an agent accepted', {
          public: true,
          patch: { endedAt: now, closedAt: now },
        });
        await leaveAll(tx, c.orgId, c.id, now);
      });
      onRoutable(who.orgId);
    },

    async agentEnd(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'end');
        const now = clock.now();
        await transition(tx, log, c, 'end', staffActor(who), 'agent ended the conversation', {
          public: true,
          patch: { endedAt: now },
        });
        await tellCustomer(tx, log, c, 'agent-ended', now, who.name);
        await enterWrapUp(tx, log, c, now);
      });
      // Wrap-up may have released capacity ("never" blocking).
      onRoutable(who.orgId);
    },

    async close(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'close');
        const now = clock.now();
        await transition(tx, log, c, 'close', staffActor(who), 'agent closed the conversation after wrap-up', {
          public: true,
          patch: { closedAt: now, previousAgentId: c.agentId },
        });
        await letGo(tx, log, c);
        await leaveAll(tx, c.orgId, c.id, now);
      });
      onRoutable(who.orgId);
    },

    /**
     * The agent steps away from an asynchronous conversation: it waits, holding no capacity, until
     * the agent resumes it or the customer writes again. Live chat cannot wait (the lifecycle says so).
     */
    async park(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'end');
        await transition(tx, log, c, 'park', staffActor(who), 'agent parked the conversation', { public: false });
        await release(tx, log, c, false);
      });
      onRoutable(who.orgId);
    },

    /** The agent takes a waiting conversation up again: it is theirs, so it is charged whatever they hold. */
    async resume(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'end');
        await transition(tx, log, c, 'resume', staffActor(who), 'agent resumed the conversation', {
          public: false,
          patch: { chargedUnits: c.capacityUnits, chargedProfileIds: c.capacityProfileIds },
        });
        const profileIds = c.capacityProfileIds;
        await chargeAgain(tx, { orgId: c.orgId, agentId: who.userId, units: c.capacityUnits, profileIds });
        await presence.recompute(tx, log, c.orgId, who.userId);
      });
    },
  };
}
