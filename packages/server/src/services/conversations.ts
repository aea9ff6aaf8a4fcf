import { randomUUID } from 'node:crypto';
import type {
  Actor,
  ConversationDetail,
  ConversationEvent,
  ConversationList,
  PrechatAnswers,
  VisitorConversation,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { ONGOING_STATES, type LifecycleCommand } from '../domain/conversation/lifecycle.js';
import { authorize, mayDo, staffPart, type StaffAction, type StaffPart } from '../domain/conversation/participants.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import { decodeConversationCursor, encodeConversationCursor } from '../domain/paging/cursor.js';
import type { Db } from '../store/db.js';
import { findOrCreateContact } from '../store/contacts.js';
import { pageStaffConversations } from '../store/conversation-pages.js';
import {
  getConversation,
  dueAutoClose,
  dueCapacityReleases,
  lockConversation,
  toSummary,
  updateConversation,
  type ConversationRow,
} from '../store/conversations.js';
import { coalesce } from '../store/coalesce.js';
import {
  clientKey,
  findEventByClientId,
  listEvents,
  toWireEvent,
  type EventRow,
  type NewEvent,
} from '../store/events.js';
import { appendMessagesIfClear, type MessageGate, type QuickMessage } from '../store/message-batch.js';
import { insertOutbox } from '../store/outbox.js';
import { isUniqueViolation } from '../store/transaction.js';
import { closeOffer, pendingOfferForConversation } from '../store/offers.js';
import { leaveAll, listParticipants } from '../store/participants.js';
import { lockConversationAndAgent } from '../store/locks.js';
import { chargeAgain, releaseCharge } from '../store/routing.js';
import { getWorkstream, toWorkstream } from '../store/routing-config.js';
import { transaction } from '../store/transaction.js';
import { getWidget } from '../store/widgets.js';
import type { EventBus } from './bus.js';
import { EventLog } from './event-log.js';
import { planIntake } from './intake.js';
import { newMessage, startConversation, SYSTEM, transition as moveConversation } from './conversation-steps.js';
import type { PresenceService } from './presence.js';
import { isSupervisorOrAdmin, type StaffIdentity, type VisitorIdentity } from './identity.js';

export type ConversationServiceDeps = {
  db: Db;
  presence: PresenceService;
  clock: Clock;
  bus: EventBus;
  /** Called when work may now be assignable: a new item, freed capacity. */
  onRoutable: (orgId: string) => void;
  /** Message statements in flight at once (`coalesce`): 1 on the embedded database. */
  inFlight?: number;
};

type Appended = { row?: EventRow; error?: unknown };

/** A message alone: a concurrent retry under the same key is no row (the full path returns it). */
async function appendAlone(db: Db, m: QuickMessage): Promise<Appended> {
  try {
    return { row: (await appendMessagesIfClear(db, [m]))[0] };
  } catch (error) {
    return isUniqueViolation(error) ? {} : { error };
  }
}

const staffActor = (who: StaffIdentity): Actor => ({ type: who.role, id: who.userId, name: who.name });
const customerActor = (name: string): Actor => ({ type: 'customer', id: null, name });

export function createConversationService(deps: ConversationServiceDeps) {
  const { db, clock, bus, presence, onRoutable } = deps;
  // Messages arriving together are numbered and stored in one statement, at most one per conversation.
  const appendQuick = coalesce<QuickMessage, Appended>({
    max: 200,
    inFlight: deps.inFlight ?? 1,
    fits: (batch, m) => !batch.some((b) => b.event.conversationId === m.event.conversationId),
    run: async (batch) => {
      if (batch.length === 1) return [await appendAlone(db, batch[0]!)];
      try {
        return (await appendMessagesIfClear(db, batch)).map((row) => ({ row }));
      } catch {
        // One of them failed the whole statement (a concurrent retry, say): each alone, so only it is affected.
        return Promise.all(batch.map((m) => appendAlone(db, m)));
      }
    },
  });

  /**
   * Runs `work` in a transaction (again, whole, after a deadlock: X2), then publishes what the
   * attempt that committed logged.
   */
  async function command<T>(work: (tx: Db, log: EventLog) => Promise<T>): Promise<T> {
    let log = new EventLog();
    const result = await transaction(db, (tx) => work(tx, (log = new EventLog())));
    bus.publish(log.pending);
    return result;
  }

  /**
   * The common case of a message in one statement (see `appendMessagesIfClear`), published once
   * stored; undefined sends the caller down its full path, which gives the same answer as before.
   */
  async function quickMessage(e: NewEvent & { clientId: string }, gate: MessageGate): Promise<EventRow | undefined> {
    const { row, error } = await appendQuick({ event: e, gate });
    if (error) throw error;
    if (!row) return undefined;
    const log = new EventLog();
    log.appended(row);
    bus.publish(log.pending);
    return row;
  }

  async function lockOrThrow(tx: Db, orgId: string, id: string): Promise<ConversationRow> {
    const row = await lockConversation(tx, orgId, id);
    if (!row) throw notFound('conversation');
    return row;
  }

  /** For a command that may give the agent capacity back: the agent's row first (the lock order, locks.ts). */
  async function lockWithAgentOrThrow(tx: Db, orgId: string, id: string): Promise<ConversationRow> {
    const row = await lockConversationAndAgent(tx, orgId, id);
    if (!row) throw notFound('conversation');
    return row;
  }

  /** The part `who` plays in the conversation; the participant history is read only when needed. */
  async function partOf(
    tx: Db,
    who: StaffIdentity,
    c: { id: string; agentId: string | null },
  ): Promise<StaffPart | null> {
    if (c.agentId === who.userId) return 'primary';
    const history = await listParticipants(tx, who.orgId, c.id);
    const wasParticipant = history.some(
      (p) => p.userId === who.userId && (p.role === 'primary' || p.role === 'consultant'),
    );
    return staffPart(c, { id: who.userId, supervises: isSupervisorOrAdmin(who), wasParticipant });
  }

  async function guard(tx: Db, who: StaffIdentity, c: { id: string; agentId: string | null }, action: StaffAction) {
    authorize(await partOf(tx, who, c), action);
  }

  const transition = (
    tx: Db,
    log: EventLog,
    c: ConversationRow,
    cmd: LifecycleCommand,
    actor: Actor,
    reason: string,
    opts: { public: boolean; patch?: Parameters<typeof updateConversation>[3] },
  ) => moveConversation(tx, log, clock, c, cmd, actor, reason, opts);

  /** The agent gets back what this conversation held (units and profiles), and presence follows. */
  async function release(tx: Db, log: EventLog, c: ConversationRow, closing: boolean) {
    if (!c.agentId || (c.chargedUnits === 0 && c.chargedProfileIds.length === 0)) return;
    const now = clock.now();
    await releaseCharge(tx, {
      orgId: c.orgId,
      agentId: c.agentId,
      units: c.chargedUnits,
      profileIds: c.chargedProfileIds,
      now,
    });
    await updateConversation(tx, c.orgId, c.id, { chargedUnits: 0, chargedProfileIds: [], releaseCapacityAt: null });
    if (closing) await presence.acceptedOrClosed(tx, log, c.orgId, c.agentId);
    else await presence.recompute(tx, log, c.orgId, c.agentId);
  }

  /** Wrap-up holds capacity as the workstream says: always (until close), never, or for a while. */
  async function wrapUpCapacity(tx: Db, log: EventLog, c: ConversationRow, now: Date) {
    const ws = await getWorkstream(tx, c.orgId, c.workstreamId);
    const blocking = ws?.wrapUpBlocking ?? { kind: 'always' };
    if (blocking.kind === 'never') await release(tx, log, c, false);
    if (blocking.kind === 'release-after') {
      await updateConversation(tx, c.orgId, c.id, {
        releaseCapacityAt: new Date(now.getTime() + blocking.seconds * 1000),
      });
    }
  }

  /** Gives the agent's capacity back and withdraws a pending offer, as a conversation leaves its agent. */
  async function letGo(tx: Db, log: EventLog, c: ConversationRow) {
    await release(tx, log, c, true);
    const offer = await pendingOfferForConversation(tx, c.orgId, c.id);
    if (offer && (await closeOffer(tx, c.orgId, offer.id, 'withdrawn', clock.now()))) {
      log.add({
        kind: 'offer-closed',
        orgId: c.orgId,
        agentId: offer.agentId,
        closed: { offerId: offer.id, conversationId: c.id, outcome: 'withdrawn' },
      });
    }
  }

  async function visitorView(orgId: string, id: string): Promise<VisitorConversation> {
    const c = await getConversation(db, orgId, id);
    if (!c) throw notFound('conversation');
    const events = await listEvents(db, orgId, id, 'customer');
    const accepted = c.acceptedAt !== null;
    return {
      id: c.id,
      // Until an agent accepts, the customer is still waiting, whatever routing is doing.
      state: c.state === 'active' && !accepted ? 'open' : c.state,
      agentName: accepted ? c.agentName : null,
      lastSeq: c.lastPublicSeq,
      events: events.map((e) => toWireEvent(e, 'customer')),
    };
  }

  return {
    async startChat(
      widgetId: string,
      input: { prechat: PrechatAnswers; context: Record<string, string | number | boolean>; locale: string },
    ) {
      const widget = await getWidget(db, widgetId);
      if (!widget) throw notFound('widget');
      const ws = toWorkstream(widget.workstream);
      const orgId = widget.workstream.orgId;
      const now = clock.now();
      const id = randomUUID();
      const intake = await planIntake(db, {
        orgId,
        conversationId: id,
        workstream: ws,
        customer: input.prechat,
        prechat: input.prechat,
        context: input.context,
        channel: { kind: 'webchat', widgetId, locale: input.locale },
        now,
      });
      const started = await command(async (tx, log) => {
        // In the conversation's transaction: a start that fails leaves no contact behind.
        const contactId = await findOrCreateContact(tx, orgId, input.prechat.name, input.prechat.email);
        return startConversation(tx, log, clock, {
          id,
          orgId,
          workstream: ws,
          intake,
          channel: 'webchat',
          channelId: null,
          customerAddress: null,
          contactId,
          customerName: input.prechat.name,
          customerEmail: input.prechat.email,
          firstMessage: input.prechat.question,
          prechat: input.prechat,
          context: input.context,
          locale: input.locale,
          now,
        });
      });
      if (started.routable) onRoutable(orgId);
      return { orgId, view: await visitorView(orgId, id) };
    },

    visitorView: (who: VisitorIdentity) => visitorView(who.orgId, who.conversationId),

    async visitorEvents(who: VisitorIdentity, after: number): Promise<ConversationEvent[]> {
      const rows = await listEvents(db, who.orgId, who.conversationId, 'customer', after);
      return rows.map((e) => toWireEvent(e, 'customer'));
    },

    async sendCustomerMessage(who: VisitorIdentity, clientMessageId: string, text: string): Promise<ConversationEvent> {
      const at = clock.now();
      const key = clientKey({ kind: 'customer' }, clientMessageId);
      // The author name is the conversation's customer name, filled in by the statement.
      const body = { type: 'message' as const, message: newMessage('customer', text, null, '', clientMessageId, at) };
      const quick = await quickMessage(
        { orgId: who.orgId, conversationId: who.conversationId, body, public: true, clientId: key, at },
        { kind: 'customer' },
      );
      if (quick) return toWireEvent(quick, 'customer');
      return command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, who.conversationId);
        const key = clientKey({ kind: 'customer' }, clientMessageId);
        const existing = await findEventByClientId(tx, c.id, key);
        // A retry: the message stored the first time. Anything else under the key (a row kept from
        // before keys were scoped) is not this visitor's to see.
        if (existing?.publicSeq != null && existing.type === 'message') return toWireEvent(existing, 'customer');
        if (existing) throw conflict('this client message id is already used in this conversation; pick a new one');
        if (c.state === 'wrap-up' || c.state === 'closed') throw conflict('this conversation has ended');
        const now = clock.now();
        await updateConversation(tx, c.orgId, c.id, { lastCustomerMessageAt: now });
        const row = await log.append(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          body: {
            type: 'message',
            message: newMessage('customer', text, null, c.customerName, clientMessageId, now),
          },
          public: true,
          clientId: key,
          at: now,
        });
        return toWireEvent(row, 'customer');
      });
    },

    async sendAgentMessage(
      who: StaffIdentity,
      id: string,
      input: { clientMessageId: string; text: string; internal: boolean },
    ) {
      const at = clock.now();
      const quick = await quickMessage(
        {
          orgId: who.orgId,
          conversationId: id,
          body: {
            type: 'message',
            message: newMessage(
              input.internal ? 'note' : 'agent',
              input.text,
              who.userId,
              who.name,
              input.clientMessageId,
              at,
            ),
          },
          public: !input.internal,
          clientId: clientKey({ kind: 'staff', userId: who.userId }, input.clientMessageId),
          at,
        },
        { kind: 'primary-agent', userId: who.userId, internal: input.internal },
      );
      if (quick) return toWireEvent(quick, 'staff');
      return command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, input.internal ? 'write-note' : 'message-customer');
        const key = clientKey({ kind: 'staff', userId: who.userId }, input.clientMessageId);
        const existing = await findEventByClientId(tx, c.id, key);
        if (existing) return toWireEvent(existing, 'staff');
        if (input.internal) {
          if (c.state === 'closed') throw conflict('this conversation is closed');
        } else {
          if (c.state !== 'active' || !c.acceptedAt)
            throw conflict(
              `cannot message the customer while the conversation is ${c.state === 'active' ? 'not accepted' : c.state}`,
            );
        }
        const now = clock.now();
        const row = await log.append(tx, {
          orgId: c.orgId,
          conversationId: c.id,
          body: {
            type: 'message',
            message: newMessage(
              input.internal ? 'note' : 'agent',
              input.text,
              who.userId,
              who.name,
              input.clientMessageId,
              now,
            ),
          },
          public: !input.internal,
          clientId: key,
          at: now,
        });
        // On a channel such as SMS the reply leaves through the outbox, durable with the message (CH5).
        if (!input.internal && c.channelId && c.customerAddress) {
          const messageId = (row.payload as { message: { id: string } }).message.id;
          const to = c.customerAddress;
          await insertOutbox(tx, {
            orgId: c.orgId,
            channelId: c.channelId,
            conversationId: c.id,
            messageId,
            to,
            text: input.text,
            at: now,
          });
          log.add({ kind: 'outbox-ready', orgId: c.orgId });
        }
        return toWireEvent(row, 'staff');
      });
    },

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
          await wrapUpCapacity(tx, log, c, now);
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
        await wrapUpCapacity(tx, log, c, now);
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
     * The agent steps away from an asynchronous conversation (CV1): it waits, holding no capacity,
     * until the agent resumes it or the customer writes again. Live chat cannot wait.
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
        const charge = {
          orgId: c.orgId,
          agentId: who.userId,
          units: c.capacityUnits,
          profileIds: c.capacityProfileIds,
        };
        await chargeAgain(tx, charge);
        await presence.recompute(tx, log, c.orgId, who.userId);
      });
    },

    /** One page of a staff list, newest first, with the total over every page. */
    async list(
      who: StaffIdentity,
      query: { scope: 'ongoing' | 'closed' | 'all'; cursor?: string; limit: number },
    ): Promise<ConversationList> {
      const { scope } = query;
      if (scope === 'all' && !isSupervisorOrAdmin(who))
        throw forbidden('only supervisors and admins see every conversation');
      const cursor = query.cursor === undefined ? null : decodeConversationCursor(query.cursor);
      const page = await pageStaffConversations(
        db,
        who.orgId,
        {
          agentId: scope === 'all' ? undefined : who.userId,
          states: scope === 'closed' ? ['closed'] : scope === 'all' ? ['open', ...ONGOING_STATES] : ONGOING_STATES,
          // An assigned conversation the agent has not accepted yet is an offer, not ongoing work.
          acceptedOnly: scope === 'ongoing',
        },
        cursor,
        query.limit,
      );
      const last = page.rows.at(-1);
      return {
        conversations: page.rows.map(toSummary),
        total: page.total,
        nextCursor: page.more && last ? encodeConversationCursor(last.key) : null,
      };
    },

    async detail(who: StaffIdentity, id: string): Promise<ConversationDetail> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      await guard(db, who, c, 'read');
      const events = await listEvents(db, who.orgId, id, 'staff');
      const participants = await listParticipants(db, who.orgId, id);
      return {
        ...toSummary(c),
        participants: participants.map((p) => ({
          role: p.role,
          userId: p.userId,
          name: p.name,
          joinedAt: p.joinedAt.toISOString(),
          leftAt: p.leftAt?.toISOString() ?? null,
        })),
        prechat: c.prechat as PrechatAnswers | null,
        context: c.context as Record<string, string>,
        events: events.map((e) => toWireEvent(e, 'staff')),
      };
    },

    async staffEvents(who: StaffIdentity, id: string, after: number): Promise<ConversationEvent[]> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      await guard(db, who, c, 'read');
      const rows = await listEvents(db, who.orgId, id, 'staff', after);
      return rows.map((e) => toWireEvent(e, 'staff'));
    },

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
          if (!c || (c.state !== 'waiting' && c.state !== 'wrap-up')) return;
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

    /** Whether this staff member may follow this conversation live. */
    async canFollow(who: StaffIdentity, id: string): Promise<boolean> {
      const c = await getConversation(db, who.orgId, id);
      return !!c && mayDo(await partOf(db, who, c), 'read');
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
