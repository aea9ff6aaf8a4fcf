import type { Actor } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import type { LifecycleCommand } from '../domain/conversation/lifecycle.js';
import { authorize, staffPart, type StaffAction, type StaffPart } from '../domain/conversation/participants.js';
import { wrapUpCapacity } from '../domain/conversation/wrap-up-capacity.js';
import { notFound } from '../domain/errors.js';
import { lockConversation, updateConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { lockConversationAndAgent } from '../store/locks.js';
import { closeOffer, pendingOfferForConversation } from '../store/offers.js';
import { listParticipants } from '../store/participants.js';
import { getWorkstream } from '../store/routing-config.js';
import { releaseCharge } from '../store/routing.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';
import { transition as moveConversation } from './conversation-steps.js';
import { EventLog } from './event-log.js';
import { oversees, type StaffIdentity } from './identity.js';
import type { PresenceService } from './presence.js';

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

export const staffActor = (who: StaffIdentity): Actor => ({ type: who.role, id: who.userId, name: who.name });
export const customerActor = (name: string): Actor => ({ type: 'customer', id: null, name });

/**
 * What the conversation use cases (messages, endings, reads, timers) share: one transaction per
 * command, the locks in their order, who plays which part, and capacity going back to the agent.
 */
export function conversationKit(deps: ConversationServiceDeps) {
  const { db, clock, bus, presence } = deps;

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
    const active = history.find((p) => p.userId === who.userId && p.role === 'consultant' && p.leftAt === null);
    const consulting = active ? (active.mayMessageCustomer ? 'customer' : 'notes') : null;
    return staffPart(c, { id: who.userId, supervises: oversees(who), wasParticipant, consulting });
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

  /** Wrap-up holds capacity as the workstream says (domain/conversation/wrap-up-capacity.ts). */
  async function enterWrapUp(tx: Db, log: EventLog, c: ConversationRow, now: Date) {
    const ws = await getWorkstream(tx, c.orgId, c.workstreamId);
    const policy = wrapUpCapacity(ws?.wrapUpBlocking, now);
    if (policy.kind === 'release-now') await release(tx, log, c, false);
    if (policy.kind === 'release-at') await updateConversation(tx, c.orgId, c.id, { releaseCapacityAt: policy.at });
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

  return {
    ...deps,
    command,
    lockOrThrow,
    lockWithAgentOrThrow,
    partOf,
    guard,
    transition,
    release,
    enterWrapUp,
    letGo,
  };
}

export type ConversationKit = ReturnType<typeof conversationKit>;
