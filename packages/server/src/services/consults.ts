import type { ConsultOptions, ConsultRequest } from '@switchboard/protocol';
import { ConsultRequest as ConsultRequestSchema } from '@switchboard/protocol';
import { agentTargetRefusal, consultRefusal, transferCandidates } from '../domain/conversation/transfer.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { alertTimeoutSeconds } from '../domain/notifications/templates.js';
import { offerExpiresAt } from '../domain/routing/offer-timing.js';
import { getConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import * as store from '../store/handoffs.js';
import { addParticipant, leaveParticipant, listParticipants, setMayMessageCustomer } from '../store/participants.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents } from '../store/routing-snapshot.js';
import { listStaff, staffName } from '../store/users.js';
import type { ConversationKit } from './conversation-kit.js';
import type { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';
import { handoffTemplate, notifyHandoff } from './notifications.js';
import { targetRules } from './transfers.js';

type Step = 'requested' | 'accepted' | 'rejected' | 'timeout' | 'left' | 'may-message-customer' | 'notes-only';

/**
 * Consult (AG5): the primary agent asks an agent of the queue with room, or a supervisor, to join.
 * The consultant writes notes the customer never sees, and to the customer once the primary allows
 * it; they never transfer or consult further (participants.ts), and leave when they are done.
 */
export function createConsultService(kit: ConversationKit & { defaultOfferTimeoutSeconds: number }) {
  const { db, clock, command, guard, lockOrThrow } = kit;

  const event = (
    tx: Db,
    log: EventLog,
    c: { orgId: string; id: string },
    body: { consultId: string | null; step: Step; fromName: string; toName: string; note: string },
  ) =>
    log.append(tx, {
      orgId: c.orgId,
      conversationId: c.id,
      body: { type: 'consult', ...body },
      public: false,
      at: clock.now(),
    });

  async function activeConsultants(tx: Db, c: { orgId: string; id: string }) {
    return (await listParticipants(tx, c.orgId, c.id)).filter((p) => p.role === 'consultant' && p.leftAt === null);
  }

  /** Who the target is and why they cannot consult now: a supervisor may always, an agent needs room. */
  async function target(tx: Db, c: ConversationRow, who: StaffIdentity, userId: string) {
    const staff = (await listStaff(tx, c.orgId)).find((s) => s.id === userId);
    if (!staff) throw notFound('user');
    if (userId === who.userId) throw new DomainError('invalid', 'you cannot consult yourself');
    if (staff.role !== 'agent') return staff;
    const now = clock.now();
    const [config, agents] = await Promise.all([loadRoutingConfig(tx, c.orgId), loadAgents(tx, c.orgId, now)]);
    const agent = agents.find((a) => a.id === userId);
    const refusal = agent ? agentTargetRefusal(agent, targetRules(c, config, who.userId)) : 'not an agent';
    if (refusal) {
      const member = agent?.queueIds.includes(c.queueId ?? '') ?? false;
      throw new DomainError(member ? 'conflict' : 'invalid', refusal);
    }
    return staff;
  }

  return {
    async options(who: StaffIdentity, id: string): Promise<ConsultOptions> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      await guard(db, who, c, 'consult');
      const now = clock.now();
      const [config, agents, staff] = await Promise.all([
        loadRoutingConfig(db, who.orgId),
        loadAgents(db, who.orgId, now),
        listStaff(db, who.orgId),
      ]);
      const supervisors = staff
        .filter((s) => s.role !== 'agent' && s.id !== who.userId)
        .map((s) => ({ userId: s.id, name: s.name, presence: s.presence }));
      return { agents: transferCandidates(agents, targetRules(c, config, who.userId)), supervisors };
    },

    async ask(who: StaffIdentity, id: string, input: ConsultRequest): Promise<void> {
      const req = ConsultRequestSchema.parse(input);
      await command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'consult');
        const refusal = consultRefusal({ state: c.state, accepted: c.acceptedAt !== null });
        if (refusal) throw conflict(refusal);
        const staff = await target(tx, c, who, req.userId);
        if ((await activeConsultants(tx, c)).some((p) => p.userId === req.userId))
          throw conflict(`${staff.name} consults on this conversation already`);
        if ((await store.pendingConsultsOf(tx, c.orgId, c.id)).some((h) => h.toUserId === req.userId))
          throw conflict(`a consult request to ${staff.name} already waits for an answer`);
        const now = clock.now();
        const config = await loadRoutingConfig(tx, c.orgId);
        const template = await handoffTemplate(tx, c.orgId, 'consult');
        const workstream =
          config.workstreams.get(c.workstreamId)?.offerTimeoutSeconds ?? kit.defaultOfferTimeoutSeconds;
        const timeout = alertTimeoutSeconds(template, workstream);
        const h = await store.insertHandoff(tx, {
          kind: 'consult',
          orgId: c.orgId,
          conversationId: c.id,
          fromUserId: who.userId,
          toUserId: req.userId,
          toQueueId: null,
          note: req.note,
          at: now,
          expiresAt: offerExpiresAt(now, timeout),
        });
        await event(tx, log, c, {
          consultId: h.id,
          step: 'requested',
          fromName: who.name,
          toName: staff.name,
          note: req.note,
        });
        const queueName = c.queueId ? (config.queues.get(c.queueId)?.name ?? null) : null;
        log.add({
          kind: 'transfer-requested',
          orgId: c.orgId,
          agentId: req.userId,
          transfer: store.pendingView(h, c, who.name, queueName),
        });
        await notifyHandoff(tx, log, h, { c, fromName: who.name, queueName, template });
      });
    },

    /** Inside the answer's transaction: the consultant joins, notes only until allowed more. */
    async joined(tx: Db, log: EventLog, who: StaffIdentity, c: ConversationRow, h: store.HandoffRow) {
      const now = clock.now();
      await addParticipant(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        userId: who.userId,
        role: 'consultant',
        name: who.name,
        at: now,
      });
      await event(tx, log, c, {
        consultId: h.id,
        step: 'accepted',
        fromName: await staffName(tx, c.orgId, h.fromUserId),
        toName: who.name,
        note: h.note,
      });
      log.add({ kind: 'assigned', orgId: c.orgId, conversationId: c.id, agentId: who.userId });
    },

    /** Rejected or run out, as a conversation event. */
    declined: async (tx: Db, log: EventLog, h: store.HandoffRow, step: 'rejected' | 'timeout', toName: string) => {
      const fromName = await staffName(tx, h.orgId, h.fromUserId);
      const c = { orgId: h.orgId, id: h.conversationId };
      await event(tx, log, c, { consultId: h.id, step, fromName, toName, note: h.note });
    },

    async setPermission(who: StaffIdentity, id: string, userId: string, may: boolean): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'consult');
        const consultant = (await activeConsultants(tx, c)).find((p) => p.userId === userId);
        if (!consultant || !(await setMayMessageCustomer(tx, c.orgId, c.id, userId, may))) throw notFound('consultant');
        const step = may ? 'may-message-customer' : 'notes-only';
        await event(tx, log, c, { consultId: null, step, fromName: who.name, toName: consultant.name, note: '' });
      });
    },

    async leave(who: StaffIdentity, id: string): Promise<void> {
      await command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        if (!(await activeConsultants(tx, c)).some((p) => p.userId === who.userId))
          throw conflict('you are not consulting on this conversation');
        await leaveParticipant(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          userId: who.userId,
          role: 'consultant',
          at: clock.now(),
        });
        await event(tx, log, c, { consultId: null, step: 'left', fromName: '', toName: who.name, note: '' });
        log.add({ kind: 'left', orgId: c.orgId, conversationId: c.id, agentId: who.userId });
      });
    },
  };
}

export type ConsultService = ReturnType<typeof createConsultService>;
