import { agentReopenRefusal } from '../domain/conversation/agent-reopen.js';
import { conflict } from '../domain/errors.js';
import { addParticipant } from '../store/participants.js';
import { claimConversations } from '../store/routing.js';
import { staffActor, type ConversationKit } from './conversation-kit.js';
import { isAsynchronous } from './conversation-steps.js';
import type { StaffIdentity } from './identity.js';

/**
 * The agent takes a closed SMS or other asynchronous conversation up again from their dashboard
 * (AG10). One transaction: it reopens and is claimed by them with the same conditional write as
 * routing and pick, so it is charged only if their capacity and the session limit still allow;
 * otherwise nothing changes. Their session timer starts again from the reopening (AG4).
 */
export function conversationReopen(kit: ConversationKit) {
  const { clock, presence, command, lockWithAgentOrThrow, transition } = kit;

  return {
    async agentReopen(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        const refusal = agentReopenRefusal({
          state: c.state,
          asynchronous: isAsynchronous(c),
          agentId: c.agentId,
          queueId: c.queueId,
          callback: c.callbackId !== null,
          me: who.userId,
        });
        if (refusal) throw refusal;
        const now = clock.now();
        await transition(tx, log, c, 'reopen', staffActor(who), 'agent reopened it from the dashboard', {
          public: true,
          patch: {
            agentId: null,
            previousAgentId: c.agentId,
            acceptedAt: null,
            endedAt: null,
            closedAt: null,
            releaseCapacityAt: null,
            waitingSince: now,
          },
        });
        const [claimed] = await claimConversations(tx, [
          {
            orgId: who.orgId,
            conversationId: id,
            queueId: c.queueId!,
            agentId: who.userId,
            need: c.capacityProfileIds.length
              ? { kind: 'profiles', profileIds: c.capacityProfileIds }
              : { kind: 'units', units: c.capacityUnits },
            // They ask for it themselves: any presence, as long as the capacity is there.
            allowedPresences: null,
            now,
            expiresAt: null,
            event: { type: 'accepted', payload: { agentId: who.userId, agentName: who.name }, public: true },
            trace: [
              {
                step: 'assignment',
                queueId: c.queueId!,
                strategy: 'reopened by its agent',
                agentId: who.userId,
                considered: [
                  { agentId: who.userId, agentName: who.name, chosen: true, rank: 1, reason: 'reopened it' },
                ],
                outcome: 'offered',
              },
            ],
          },
        ]);
        // Thrown, so the transaction rolls back: the conversation stays closed.
        if (!claimed) throw conflict('Cannot reopen this conversation: your capacity or session limit is full');
        log.appended(claimed.event);
        for (const role of ['customer', 'primary'] as const) {
          const staff = role === 'primary';
          await addParticipant(tx, {
            orgId: who.orgId,
            conversationId: id,
            userId: staff ? who.userId : null,
            role,
            name: staff ? who.name : c.customerName,
            at: now,
          });
        }
        await presence.acceptedOrClosed(tx, log, who.orgId, who.userId);
        log.add({ kind: 'assigned', orgId: who.orgId, conversationId: id, agentId: who.userId });
      });
    },
  };
}
