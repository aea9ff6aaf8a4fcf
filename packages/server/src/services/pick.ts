import type { ConversationList } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import { pickRefusal } from '../domain/routing/pick-rules.js';
import type { Db } from '../store/db.js';
import { decodePickCursor, encodePickCursor } from '../domain/paging/cursor.js';
import { pagePickable } from '../store/conversation-pages.js';
import { getConversation, toSummary } from '../store/conversations.js';
import { addParticipant } from '../store/participants.js';
import { claimConversation } from '../store/routing.js';
import { listWorkstreams } from '../store/routing-config.js';
import { queuesOf } from '../store/queues.js';
import { getStaffUser } from '../store/users.js';
import type { EventBus } from './bus.js';
import { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';
import type { PresenceService } from './presence.js';

/**
 * Pick distribution (RT1, AG10): agents see the open items of their queues in pick
 * workstreams and take one. The take is the same conditional claim as push assignment, so two
 * agents picking the same item, or one picking past their capacity, cannot both win. As with
 * push, only agents take work, and only in a presence the workstream allows (`pickRefusal`).
 */
export function createPickService({
  db,
  clock,
  bus,
  presence,
}: {
  db: Db;
  clock: Clock;
  bus: EventBus;
  presence: PresenceService;
}) {
  const myQueues = (who: StaffIdentity) => queuesOf(db, who.orgId, who.userId);

  async function pickWorkstreams(orgId: string) {
    return (await listWorkstreams(db, orgId)).filter((w) => w.distribution === 'pick');
  }

  async function presenceOf(who: StaffIdentity) {
    const user = await getStaffUser(db, who.orgId, who.userId);
    if (!user) throw notFound('user');
    return { role: user.role, presence: user.presence };
  }

  return {
    /** One page of the open items I may pick, in pick order, with the total over every page. */
    async list(who: StaffIdentity, query: { cursor?: string; limit: number }): Promise<ConversationList> {
      const cursor = query.cursor === undefined ? null : decodePickCursor(query.cursor);
      const [queueIds, all, me] = await Promise.all([myQueues(who), pickWorkstreams(who.orgId), presenceOf(who)]);
      // Only the workstreams this agent may take work from now (their role and presence).
      const workstreamIds = all.filter((w) => pickRefusal(me, w) === null).map((w) => w.id);
      const page = await pagePickable(db, who.orgId, { queueIds, workstreamIds }, cursor, query.limit);
      const last = page.rows.at(-1);
      const nextCursor = page.more && last ? encodePickCursor(last.key) : null;
      return { conversations: page.rows.map(toSummary), total: page.total, nextCursor };
    },

    async pick(who: StaffIdentity, id: string): Promise<void> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      const ws = (await pickWorkstreams(who.orgId)).find((w) => w.id === c.workstreamId);
      if (!ws) throw forbidden('this conversation is pushed to agents, not picked');
      const refusal = pickRefusal(await presenceOf(who), ws);
      if (refusal?.kind === 'forbidden') throw forbidden(refusal.message);
      if (!c.queueId || !(await myQueues(who)).includes(c.queueId))
        throw forbidden("you are not a member of this conversation's queue");
      if (refusal) throw conflict(refusal.message);
      if (c.state !== 'open') throw conflict('someone else has taken this conversation');
      const now = clock.now();
      let log = new EventLog();
      const taken = await claimConversation(
        db,
        {
          orgId: who.orgId,
          conversationId: id,
          queueId: c.queueId,
          agentId: who.userId,
          need: c.capacityProfileIds.length
            ? { kind: 'profiles', profileIds: c.capacityProfileIds }
            : { kind: 'units', units: c.capacityUnits },
          // The presence is checked again in the conditional write: it may change meanwhile.
          allowedPresences: ws.allowedPresences,
          now,
          expiresAt: null,
          event: { type: 'accepted', payload: { agentId: who.userId, agentName: who.name }, public: true },
          trace: [
            {
              step: 'assignment',
              queueId: c.queueId,
              strategy: 'pick',
              agentId: who.userId,
              considered: [{ agentId: who.userId, agentName: who.name, chosen: true, rank: 1, reason: 'picked it' }],
              outcome: 'offered',
            },
          ],
        },
        async (tx, r) => {
          // Once per attempt: a claim run again after a deadlock starts a fresh log.
          log = new EventLog();
          log.appended(r.event);
          await addParticipant(tx, {
            orgId: who.orgId,
            conversationId: id,
            userId: who.userId,
            role: 'primary',
            name: who.name,
            at: now,
          });
          await presence.acceptedOrClosed(tx, log, who.orgId, who.userId);
        },
      );
      if (!taken) {
        throw conflict(
          'this conversation was taken by someone else, your capacity or session limit is full, ' +
            'or your presence changed',
        );
      }
      log.add({ kind: 'assigned', orgId: who.orgId, conversationId: id, agentId: who.userId });
      bus.publish(log.pending);
    },
  };
}

export type PickService = ReturnType<typeof createPickService>;
