import type { Offer, TraceStep } from '@switchboard/protocol';
import { announce as announceNotification } from '../domain/notifications/payload.js';
import { announcedAs, scenarioOfOffer } from '../domain/notifications/scenario.js';
import { alertTimeoutSeconds } from '../domain/notifications/templates.js';
import { offerExpiresAt } from '../domain/routing/offer-timing.js';
import type { RoutingConfig } from '../domain/routing/types.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import type { Templates } from '../store/notifications.js';
import { addParticipant } from '../store/participants.js';
import type { Claim, ClaimResult } from '../store/routing.js';
import type { loadOpenItems } from '../store/routing-snapshot.js';
import { tellCustomer } from './automated-messages.js';
import type { EventLog } from './event-log.js';

// How an open conversation is offered to one agent, whoever decided it: routing's engine, or a
// supervisor's assignment (SV4). One path: the same claim, notification and announcement.

export type OpenItem = Awaited<ReturnType<typeof loadOpenItems>>[number];

export type ClaimInput = {
  orgId: string;
  item: OpenItem;
  agentId: string;
  agentName: string;
  trace: TraceStep[];
  config: RoutingConfig;
  now: Date;
  templates: Templates;
  /** A colleague sent it back to a queue since it last entered one (AG2's escalation). */
  escalated: boolean;
  defaultOfferTimeoutSeconds: number;
  /** A supervisor's override (SV4): presence, capacity and the session limit are not checked. */
  override?: boolean;
};

/**
 * The claim for one decision: an offer that runs out after the workstream's timeout (or the
 * alert's, AG2), with its notification; accepted at once when the scenario's template auto-accepts.
 */
export function claimFor(input: ClaimInput): Claim {
  const { orgId, item, agentId, agentName, config, now, templates } = input;
  const ws = config.workstreams.get(item.workstreamId)!;
  const scenario = scenarioOfOffer({ channel: item.channel, escalated: input.escalated });
  const own = templates.get(scenario)!;
  const shown = announcedAs(scenario, own.autoAccept);
  const about = {
    customerName: item.customerName,
    firstMessage: item.firstMessage,
    waitingSince: item.enqueuedAt,
    queueName: config.queues.get(item.queueId)?.name ?? null,
    channel: item.channel,
  };
  const base = {
    orgId,
    conversationId: item.id,
    queueId: item.queueId,
    agentId,
    need: item.need,
    allowedPresences: input.override ? null : ws.allowedPresences,
    ...(input.override ? { override: true } : {}),
    now,
    trace: input.trace,
  };
  if (own.autoAccept)
    return {
      ...base,
      expiresAt: null,
      autoAccepted: true,
      event: { type: 'accepted', payload: { agentId, agentName }, public: true },
      notification: announceNotification(shown, templates.get(shown)!, about, now, null),
    };
  const timeout = alertTimeoutSeconds(own, ws.offerTimeoutSeconds ?? input.defaultOfferTimeoutSeconds);
  const expiresAt = offerExpiresAt(now, timeout);
  return {
    ...base,
    expiresAt,
    event: { type: 'offered', payload: { agentId, agentName, expiresAt: expiresAt.toISOString() }, public: false },
    notification: announceNotification(shown, own, about, now, expiresAt),
  };
}

/** What the agent's tabs are told of a claim that won: the event, the room, the notification, the offer. */
export function announce(
  events: EventLog,
  orgId: string,
  item: OpenItem,
  claimed: ClaimResult,
  claim: Claim,
  config: RoutingConfig,
  now: Date,
) {
  events.appended(claimed.event);
  events.add({ kind: 'assigned', orgId, conversationId: item.id, agentId: claimed.offer.agentId });
  if (claim.notification)
    events.add({
      kind: 'notification-created',
      orgId,
      recipientId: claimed.offer.agentId,
      notification: {
        id: claimed.offer.id,
        scenario: claim.notification.scenario,
        kind: claim.notification.kind,
        conversationId: item.id,
        subject: claim.notification.kind === 'alert' ? { type: 'offer', id: claimed.offer.id } : null,
        payload: claim.notification.payload,
        createdAt: now.toISOString(),
        expiresAt: claim.notification.expiresAt.toISOString(),
      },
    });
  // Auto-accepted: nothing waits for an answer.
  if (claim.autoAccepted) return;
  const offer: Offer = {
    id: claimed.offer.id,
    conversationId: item.id,
    customerName: item.customerName,
    firstMessage: item.firstMessage,
    queueName: config.queues.get(item.queueId)?.name ?? null,
    waitingSince: item.enqueuedAt.toISOString(),
    offeredAt: now.toISOString(),
    expiresAt: claimed.offer.expiresAt.toISOString(),
  };
  events.add({ kind: 'offer-created', orgId, agentId: claimed.offer.agentId, offer });
}

/** What an accept does beyond the claim (offers.ts): the agent joins, the customer is told. */
export async function autoAccepted(tx: Db, events: EventLog, claim: Claim, agentName: string, now: Date) {
  const c = await getConversation(tx, claim.orgId, claim.conversationId);
  const at = { orgId: claim.orgId, conversationId: claim.conversationId, userId: claim.agentId };
  await addParticipant(tx, { ...at, role: 'primary', name: agentName, at: now });
  if (c) await tellCustomer(tx, events, c, 'assigned', now, agentName);
}
