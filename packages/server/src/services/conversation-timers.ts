import { AUTO_CLOSE_STATES } from '../domain/conversation/lifecycle.js';
import { dueAutoClose, dueCapacityReleases } from '../store/conversations.js';
import { lockConversationAndAgent } from '../store/locks.js';
import { leaveAll } from '../store/participants.js';
import type { ConversationKit } from './conversation-kit.js';
import { SYSTEM } from './conversation-steps.js';

/** The sweeps over conversation deadlines (jobs/timers.ts runs them on every node; each ends what is due once). */
export function conversationTimers(kit: ConversationKit) {
  const { db, clock, onRoutable, command, transition, release, letGo } = kit;
  return {
    /** Wrap-up capacity whose "release after" time has come goes back to its agents. */
    async releaseDue(): Promise<number> {
      const due = await dueCapacityReleases(db, clock.now());
      for (const d of due) {
        await command(async (tx, log) => {
          const c = await lockConversationAndAgent(tx, d.orgId, d.id);
          if (c?.releaseCapacityAt && c.releaseCapacityAt <= clock.now()) await release(tx, log, c, false);
        });
        onRoutable(d.orgId);
      }
      return due.length;
    },

    /** Closes conversations idle past their workstream's auto-close time. */
    async autoCloseDue(): Promise<number> {
      let closed = 0;
      for (const d of await dueAutoClose(db, clock.now())) {
        await command(async (tx, log) => {
          const c = await lockConversationAndAgent(tx, d.orgId, d.id);
          if (!c || !AUTO_CLOSE_STATES.includes(c.state)) return;
          const now = clock.now();
          await transition(tx, log, c, 'auto-close', SYSTEM, "no activity for the workstream's auto-close time", {
            public: true,
            patch: { closedAt: now, previousAgentId: c.agentId },
          });
          await letGo(tx, log, c);
          await leaveAll(tx, c.orgId, c.id, now);
          closed += 1;
        });
        onRoutable(d.orgId);
      }
      return closed;
    },
  };
}
