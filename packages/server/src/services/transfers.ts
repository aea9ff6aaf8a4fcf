import type { TransferOptions, TransferOutcome, TransferRequest } from '@switchboard/protocol';
import { TransferRequest as TransferRequestSchema } from '@switchboard/protocol';
import {
  agentTargetRefusal,
  answerRefusal,
  queueTargetRefusal,
  transferAcceptance,
  transferCandidates,
  transferRefusal,
} from '../domain/conversation/transfer.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { alertTimeoutSeconds } from '../domain/notifications/templates.js';
import { offerExpiresAt } from '../domain/routing/offer-timing.js';
import { isOpen } from '../domain/routing/operating-hours.js';
import { getConversation, updateConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import * as store from '../store/handoffs.js';
import { lockConversationAndAgent } from '../store/locks.js';
import { addParticipant, leaveParticipant } from '../store/participants.js';
import { chargeAgain } from '../store/routing.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents } from '../store/routing-snapshot.js';
import { recordTrace } from '../store/traces.js';
import { isUniqueViolation } from '../store/transaction.js';
import { staffName } from '../store/users.js';
import { tellCustomer } from './automated-messages.js';
import { staffActor, type ConversationKit } from './conversation-kit.js';
import type { ConsultService } from './consults.js';
import type { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';
import { handoffTemplate, notifyHandoff } from './notifications.js';
import { supervisorTransfers } from './supervisor-transfer.js';
import { targetRules } from './transfer-rules.js';

export { targetRules } from './transfer-rules.js';

/**
 * Transfer (AG5): to an agent, who accepts or rejects before the offer timeout; or to another
 * queue, where routing takes it as new work. The answers to consult requests go the same way
 * (consults.ts does the joining). Each command is one transaction with conditional writes.
 */
export function createTransferService(
  kit: ConversationKit & { defaultOfferTimeoutSeconds: number; consults: ConsultService },
) {
  const { db, clock, command, guard, release, transition, presence, onRoutable, lockWithAgentOrThrow } = kit;

  const event = (
    tx: Db,
    log: EventLog,
    c: { orgId: string; id: string },
    body: {
      transferId: string | null;
      step: 'requested' | TransferOutcome | 'to-queue';
      fromName: string;
      toName: string;
      note: string;
    },
  ) =>
    log.append(tx, {
      orgId: c.orgId,
      conversationId: c.id,
      body: { type: 'transfer', ...body },
      public: false,
      at: clock.now(),
    });

  /**
   * A transfer asked of `agentId`. The handoff is from the agent holding it (`fromUserId`: the one
   * who stays on as a consultant); `who` asked: that agent, or a supervisor (SV5).
   */
  async function toAgent(
    tx: Db,
    log: EventLog,
    who: StaffIdentity,
    c: ConversationRow,
    agentId: string,
    note: string,
    fromUserId = who.userId,
  ) {
    const now = clock.now();
    const config = await loadRoutingConfig(tx, c.orgId);
    const target = (await loadAgents(tx, c.orgId, now)).find((a) => a.id === agentId);
    if (!target) throw notFound('agent');
    const refusal = agentTargetRefusal(target, targetRules(c, config, fromUserId));
    if (refusal) {
      const input = agentId === fromUserId || !target.queueIds.includes(c.queueId ?? '');
      throw new DomainError(input ? 'invalid' : 'conflict', refusal);
    }
    const ws = config.workstreams.get(c.workstreamId);
    const template = await handoffTemplate(tx, c.orgId, 'transfer');
    const timeout = alertTimeoutSeconds(template, ws?.offerTimeoutSeconds ?? kit.defaultOfferTimeoutSeconds);
    const expiresAt = offerExpiresAt(now, timeout);
    let h: store.HandoffRow;
    try {
      h = await store.insertHandoff(tx, {
        kind: 'transfer',
        orgId: c.orgId,
        conversationId: c.id,
        fromUserId,
        toUserId: agentId,
        toQueueId: null,
        note,
        at: now,
        expiresAt,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('a transfer of this conversation already waits for an answer');
      throw err;
    }
    await event(tx, log, c, { transferId: h.id, step: 'requested', fromName: who.name, toName: target.name, note });
    const queueName = c.queueId ? (config.queues.get(c.queueId)?.name ?? null) : null;
    const transfer = store.pendingView(h, c, who.name, queueName);
    log.add({ kind: 'transfer-requested', orgId: c.orgId, agentId, transfer });
    await notifyHandoff(tx, log, h, { c, fromName: who.name, queueName, template });
  }

  async function toQueue(tx: Db, log: EventLog, who: StaffIdentity, c: ConversationRow, queueId: string, note: string) {
    const now = clock.now();
    const config = await loadRoutingConfig(tx, c.orgId);
    const target = config.queues.get(queueId);
    if (!target) throw notFound('queue');
    const refusal = queueTargetRefusal(c.queueId, queueId);
    if (refusal) throw new DomainError('invalid', refusal);
    const from = c.queueId ? config.queues.get(c.queueId)?.name : undefined;
    await release(tx, log, c, false);
    await transition(tx, log, c, 'release', staffActor(who), `transferred to ${target.name}`, {
      public: false,
      patch: {
        agentId: null,
        previousAgentId: c.agentId,
        acceptedAt: null,
        queueId,
        queuePriority: target.priority,
        routingAge: now,
      },
    });
    await leaveParticipant(tx, { orgId: c.orgId, conversationId: c.id, userId: who.userId, role: 'primary', at: now });
    const reason = `transferred by ${who.name}${from ? ` from ${from}` : ''}${note ? `: ${note}` : ''}`;
    await recordTrace(tx, {
      orgId: c.orgId,
      conversationId: c.id,
      at: now,
      steps: [{ step: 'queue', queueId, queueName: target.name, matchedRule: null, reason, skipped: [] }],
    });
    const h = await store.insertHandoff(tx, {
      kind: 'transfer',
      orgId: c.orgId,
      conversationId: c.id,
      fromUserId: who.userId,
      toUserId: null,
      toQueueId: queueId,
      note,
      at: now,
      expiresAt: now,
      status: 'accepted',
    });
    await event(tx, log, c, { transferId: h.id, step: 'to-queue', fromName: who.name, toName: target.name, note });
    // After the event: the asker's sockets get it before they leave the conversation's room.
    log.add({ kind: 'left', orgId: c.orgId, conversationId: c.id, agentId: who.userId });
    await tellCustomer(tx, log, c, 'transfer', now);
  }

  /** Closes a pending transfer as rejected or run out: the conversation stays, its agent is told. */
  async function decline(orgId: string, h: store.HandoffRow, outcome: 'rejected' | 'timeout', toName: string) {
    return command(async (tx, log) => {
      if (!(await store.closeHandoff(tx, orgId, h.id, outcome, clock.now()))) return false;
      const c = { orgId, id: h.conversationId };
      if (h.kind === 'consult') await kit.consults.declined(tx, log, h, outcome, toName);
      else
        await event(tx, log, c, {
          transferId: h.id,
          step: outcome,
          fromName: await staffName(tx, orgId, h.fromUserId),
          toName,
          note: h.note,
        });
      log.add({
        kind: 'transfer-closed',
        orgId,
        agentId: h.toUserId!,
        closed: { id: h.id, conversationId: c.id, outcome },
      });
      return true;
    });
  }

  /** A consult request taken: the asker must still be working it; the consultant joins. */
  async function acceptConsult(who: StaffIdentity, h: store.HandoffRow) {
    await command(async (tx, log) => {
      const c = await kit.lockOrThrow(tx, who.orgId, h.conversationId);
      const refusal = answerRefusal(h, who.userId, c, clock.now());
      if (refusal) throw conflict(refusal);
      if (!(await store.closeHandoff(tx, c.orgId, h.id, 'accepted', clock.now())))
        throw conflict('this consult request no longer waits for an answer');
      await kit.consults.joined(tx, log, who, c, h);
      const closed = { id: h.id, conversationId: c.id, outcome: 'accepted' as const };
      log.add({ kind: 'transfer-closed', orgId: c.orgId, agentId: who.userId, closed });
    });
  }

  async function mine(who: StaffIdentity, id: string) {
    const h = await store.getHandoff(db, who.orgId, id);
    // Someone else's transfer is as if it did not exist.
    if (!h || h.toUserId !== who.userId) throw notFound('transfer');
    return h;
  }

  return {
    async options(who: StaffIdentity, id: string): Promise<TransferOptions> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      await guard(db, who, c, 'transfer');
      const now = clock.now();
      const [config, agents] = await Promise.all([loadRoutingConfig(db, who.orgId), loadAgents(db, who.orgId, now)]);
      const queues = [...config.queues.values()]
        .filter((q) => q.id !== c.queueId)
        .map((q) => {
          const hours = q.operatingHoursId ? config.operatingHours.get(q.operatingHoursId) : null;
          return { queueId: q.id, name: q.name, open: isOpen(hours, now) };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      return { agents: transferCandidates(agents, targetRules(c, config, who.userId)), queues };
    },

    async transfer(who: StaffIdentity, id: string, input: TransferRequest): Promise<void> {
      const req = TransferRequestSchema.parse(input);
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'transfer');
        const pending = await store.pendingTransferOf(tx, c.orgId, c.id);
        const refusal = transferRefusal({
          state: c.state,
          accepted: c.acceptedAt !== null,
          modality: 'messaging',
          pending: pending !== undefined,
        });
        if (refusal) throw conflict(refusal);
        if (req.kind === 'agent') await toAgent(tx, log, who, c, req.agentId, req.note);
        else await toQueue(tx, log, who, c, req.queueId, req.note);
      });
      if (req.kind === 'queue') onRoutable(who.orgId);
    },

    ...supervisorTransfers(kit, toAgent),

    pending: (who: StaffIdentity) => store.pendingTransfersFor(db, who.orgId, who.userId),

    /**
     * The receiving agent takes it: they become primary and are charged; the first agent stays as a
     * consultant. A waiting one (a supervisor's transfer, SV5) is taken up again for them.
     */
    async accept(who: StaffIdentity, id: string): Promise<void> {
      const h = await mine(who, id);
      if (h.kind === 'consult') return acceptConsult(who, h);
      await command(async (tx, log) => {
        const now = clock.now();
        const c = await lockConversationAndAgent(tx, who.orgId, h.conversationId, [who.userId]);
        if (!c) throw notFound('conversation');
        const refusal = answerRefusal(h, who.userId, c, now);
        if (refusal) throw conflict(refusal);
        const config = await loadRoutingConfig(tx, c.orgId);
        const me = (await loadAgents(tx, c.orgId, now)).find((a) => a.id === who.userId);
        const room = me && agentTargetRefusal(me, targetRules(c, config, h.fromUserId));
        if (!me || room) throw conflict(room ?? 'you are not an agent of this organisation');
        if (!(await store.closeHandoff(tx, c.orgId, h.id, 'accepted', now)))
          throw conflict('this transfer no longer waits for an answer');
        const fromId = c.agentId!;
        await release(tx, log, c, false);
        await chargeAgain(tx, {
          orgId: c.orgId,
          agentId: who.userId,
          units: c.capacityUnits,
          profileIds: c.capacityProfileIds,
        });
        await updateConversation(tx, c.orgId, c.id, {
          agentId: who.userId,
          previousAgentId: fromId,
          chargedUnits: c.capacityUnits,
          chargedProfileIds: c.capacityProfileIds,
          updatedAt: now,
        });
        const after = transferAcceptance(c.state === 'waiting' ? 'waiting' : 'active');
        if (after.resume)
          await transition(tx, log, c, 'resume', staffActor(who), `${who.name} took it up on a transfer`, {
            public: false,
          });
        await leaveParticipant(tx, { orgId: c.orgId, conversationId: c.id, userId: fromId, role: 'primary', at: now });
        // A consultant who takes it over is primary now, no longer a consultant.
        await leaveParticipant(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          userId: who.userId,
          role: 'consultant',
          at: now,
        });
        await addParticipant(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          userId: who.userId,
          role: 'primary',
          name: who.name,
          at: now,
        });
        await presence.recompute(tx, log, c.orgId, who.userId);
        const fromName = await staffName(tx, c.orgId, fromId);
        await event(tx, log, c, { transferId: h.id, step: 'accepted', fromName, toName: who.name, note: h.note });
        // The first agent stays, as a consultant writing notes, until they leave (AG5).
        await addParticipant(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          userId: fromId,
          role: after.firstAgent,
          name: fromName,
          at: now,
        });
        await log.append(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          body: { type: 'consult', consultId: null, step: 'accepted', fromName: who.name, toName: fromName, note: '' },
          public: false,
          at: now,
        });
        await log.append(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          body: { type: 'accepted', agentId: who.userId, agentName: who.name },
          public: true,
          at: now,
        });
        log.add({ kind: 'assigned', orgId: c.orgId, conversationId: c.id, agentId: who.userId });
        const closed = { id: h.id, conversationId: c.id, outcome: 'accepted' as const };
        log.add({ kind: 'transfer-closed', orgId: c.orgId, agentId: who.userId, closed });
        await tellCustomer(tx, log, c, 'transfer', now);
      });
      onRoutable(who.orgId);
    },

    async reject(who: StaffIdentity, id: string): Promise<void> {
      const h = await mine(who, id);
      if (!(await decline(who.orgId, h, 'rejected', who.name)))
        throw conflict('this transfer no longer waits for an answer');
    },

    /** Pending transfers whose time ran out count as rejected (the sweep). */
    async expireDue(): Promise<number> {
      let n = 0;
      for (const { h, toName } of await store.dueHandoffs(db, clock.now()))
        if (await decline(h.orgId, h, 'timeout', toName)) n += 1;
      return n;
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
