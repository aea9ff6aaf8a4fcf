import type { CommandFacts, SupervisorCommand } from '../domain/supervision/commands.js';
import type { ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import {
  addParticipant,
  leaveAll,
  leaveParticipant,
  listParticipants,
  setMayMessageCustomer,
} from '../store/participants.js';
import { staffName } from '../store/users.js';
import { newMessage } from './message-values.js';
import { tellCustomer } from './automated-messages.js';
import { staffActor, type ConversationKit } from './conversation-kit.js';
import type { StaffIdentity } from './identity.js';
import { supervisorCheck } from './supervisor-check.js';

/**
 * Supervisor commands on a conversation (SV2, SV6), each one transaction: the facts are read under
 * the conversation's lock and `domain/supervision` decides, so a refusal changes nothing.
 */
export function conversationSupervision(kit: ConversationKit) {
  const { clock, onRoutable, command, lockOrThrow, lockWithAgentOrThrow, transition, letGo } = kit;

  async function check(tx: Db, who: StaffIdentity, c: ConversationRow, cmd: SupervisorCommand) {
    const people = await listParticipants(tx, who.orgId, c.id);
    const mine = people.filter((p) => p.userId === who.userId && p.leftAt === null).map((p) => p.role);
    const part: CommandFacts['part'] =
      c.agentId === who.userId
        ? 'primary'
        : mine.includes('consultant')
          ? 'consultant'
          : mine.includes('monitor')
            ? 'monitoring'
            : null;
    await supervisorCheck(tx, who, c, cmd, { part });
    return part;
  }

  return {
    /**
     * Watches silently (SV2): a monitor participant for the audit and nothing else, no event, so
     * neither the customer nor the agent learns of it. The live view follows the staff room.
     */
    async monitor(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        const part = await check(tx, who, c, 'monitor');
        if (part === 'monitoring') return;
        const at = clock.now();
        await addParticipant(tx, {
          orgId: who.orgId,
          conversationId: id,
          userId: who.userId,
          role: 'monitor',
          name: who.name,
          at,
        });
      });
    },

    async stopMonitoring(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx) => {
        await lockOrThrow(tx, who.orgId, id);
        await leaveParticipant(tx, {
          orgId: who.orgId,
          conversationId: id,
          userId: who.userId,
          role: 'monitor',
          at: clock.now(),
        });
      });
    },

    /**
     * Joins from monitoring (SV3): the supervisor becomes a consultant who may write to the
     * customer, so notes and messages go the consultant's way; agent and customer are told.
     */
    async join(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        await check(tx, who, c, 'join');
        const at = clock.now();
        const ids = { orgId: who.orgId, conversationId: id, userId: who.userId };
        await leaveParticipant(tx, { ...ids, role: 'monitor', at });
        await addParticipant(tx, { ...ids, role: 'consultant', name: who.name, at });
        await setMayMessageCustomer(tx, who.orgId, id, who.userId, true);
        const agentName = c.agentId ? await staffName(tx, who.orgId, c.agentId) : '';
        const consult = { consultId: null, step: 'accepted' as const, fromName: agentName, toName: who.name, note: '' };
        await log.append(tx, {
          orgId: c.orgId,
          conversationId: id,
          body: { type: 'consult', ...consult },
          public: false,
          at,
        });
        const text = `${who.name}, a supervisor, joined the conversation`;
        const message = newMessage('system', text, null, 'Switchboard', null, at);
        await log.append(tx, {
          orgId: c.orgId,
          conversationId: id,
          body: { type: 'message', message },
          public: true,
          at,
        });
        log.add({ kind: 'assigned', orgId: c.orgId, conversationId: id, agentId: who.userId });
      });
    },

    /** Ends any conversation at once (SV6): closed, the agent's capacity back, everyone told who did it. */
    async forceClose(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await check(tx, who, c, 'force-close');
        const now = clock.now();
        const wasWorked = c.state === 'active' && c.acceptedAt !== null;
        await transition(tx, log, c, 'force-close', staffActor(who), `a supervisor, ${who.name}, ended it`, {
          public: true,
          patch: { endedAt: c.endedAt ?? now, closedAt: now, previousAgentId: c.agentId ?? c.previousAgentId },
        });
        if (wasWorked) await tellCustomer(tx, log, c, 'agent-ended', now, who.name);
        await letGo(tx, log, c);
        await leaveAll(tx, c.orgId, c.id, now);
      });
      onRoutable(who.orgId);
    },
  };
}
