import type { Actor, Channel, PrechatAnswers, Workstream } from '@switchboard/protocol';
import { isAsynchronousChannel } from '../channels/registry.js';
import type { Clock } from '../domain/clock.js';
import { nextState, type LifecycleCommand } from '../domain/conversation/lifecycle.js';
import type { Db } from '../store/db.js';
import { insertConversation, updateConversation, type ConversationRow } from '../store/conversations.js';
import { addParticipant, leaveAll } from '../store/participants.js';
import { withdrawPending } from '../store/handoffs.js';
import { recordTrace } from '../store/traces.js';
import { markClosed } from '../store/insight-facts.js';
import type { EventLog } from './event-log.js';
import type { planIntake } from './intake.js';
import { callbackOfferQueue } from '../domain/callbacks/callback-request.js';
import { newMessage, SYSTEM } from './message-values.js';
import { tellCustomer } from './automated-messages.js';
import { arrivalTrigger } from '../domain/conversation/automated-messages.js';

// Steps that several conversation use cases share (a start from any channel, commands, timers).

export { newMessage, SYSTEM } from './message-values.js';

/** Whether the channel lets a conversation wait and reopen (CV1), as the channel declares. */
export const isAsynchronous = (c: { channel: Channel }) => isAsynchronousChannel(c.channel);

/** Moves the conversation and records who, when and why as an event. */
export async function transition(
  tx: Db,
  log: EventLog,
  clock: Clock,
  c: ConversationRow,
  cmd: LifecycleCommand,
  actor: Actor,
  reason: string,
  opts: { public: boolean; patch?: Parameters<typeof updateConversation>[3] },
) {
  const to = nextState({ state: c.state, accepted: c.acceptedAt !== null, asynchronous: isAsynchronous(c) }, cmd);
  const now = clock.now();
  await updateConversation(tx, c.orgId, c.id, { state: to, updatedAt: now, ...opts.patch });
  // Every close passes here: the reports (SV9) fold it from this mark, written with the close.
  if (to === 'closed') await markClosed(tx, c.orgId, c.id, now);
  await log.append(tx, {
    orgId: c.orgId,
    conversationId: c.id,
    body: { type: 'state', from: c.state, to, reason, actor },
    public: opts.public,
    at: now,
  });
  // A transfer or consult asked of someone is void once the conversation is no longer active:
  // their notification goes at once instead of running out.
  if (to !== 'active') {
    for (const h of await withdrawPending(tx, c.orgId, c.id, now)) {
      if (!h.toUserId) continue;
      const closed = { id: h.id, conversationId: c.id, outcome: 'withdrawn' as const };
      log.add({ kind: 'transfer-closed', orgId: c.orgId, agentId: h.toUserId, closed });
    }
  }
  return to;
}

export type StartInput = {
  id: string;
  orgId: string;
  workstream: Workstream;
  intake: Awaited<ReturnType<typeof planIntake>>;
  channel: 'webchat' | 'sms' | 'custom';
  channelId: string | null;
  customerAddress: string | null;
  contactId: string | null;
  customerName: string;
  customerEmail: string | null;
  firstMessage: string;
  prechat: PrechatAnswers | null;
  context: Record<string, string | number | boolean>;
  locale: string;
  now: Date;
};

/**
 * A new conversation from any channel, inside the caller's transaction: the row with its routing
 * columns, the routing trace, the customer's first message and participant. An overflow that
 * ends it ("send a message and end", a callback offer) says so to the customer and closes it;
 * the answer says whether it waits for routing.
 */
export async function startConversation(tx: Db, log: EventLog, clock: Clock, s: StartInput) {
  const { orgId, id, now } = s;
  const overflow = s.intake.decision.overflow;
  const ended = overflow && overflow.kind !== 'transfer' && overflow.kind !== 'assign-anyway' ? overflow : null;
  const c = await insertConversation(tx, {
    id,
    orgId,
    workstreamId: s.workstream.id,
    channel: s.channel,
    channelId: s.channelId,
    customerAddress: s.customerAddress,
    state: 'open',
    contactId: s.contactId,
    customerName: s.customerName,
    customerEmail: s.customerEmail,
    firstMessage: s.firstMessage,
    prechat: s.prechat,
    context: s.context,
    locale: s.locale,
    ...s.intake.columns,
    waitingSince: now,
    routingAge: now,
    lastCustomerMessageAt: now,
    createdAt: now,
    updatedAt: now,
    // A chat's customer can leave their details in the widget (AG11); a text's customer was told the message.
    callbackQueueId: s.channel === 'webchat' ? callbackOfferQueue(s.intake.decision) : null,
  });
  await recordTrace(tx, { orgId, conversationId: id, at: now, steps: s.intake.decision.trace });
  const first = newMessage('customer', s.firstMessage, null, s.customerName, null, now);
  await log.append(tx, { orgId, conversationId: id, body: { type: 'message', message: first }, public: true, at: now });
  await addParticipant(tx, {
    orgId,
    conversationId: id,
    userId: null,
    role: 'customer',
    name: c.customerName,
    at: now,
  });
  let noticeId: string | undefined;
  if (ended) {
    const notice = newMessage('system', ended.message, null, 'Switchboard', null, now);
    noticeId = notice.id;
    await log.append(tx, {
      orgId,
      conversationId: id,
      body: { type: 'message', message: notice },
      public: true,
      at: now,
    });
    await transition(tx, log, clock, c, 'abandon', SYSTEM, `overflow: ${ended.kind}`, {
      public: true,
      patch: { endedAt: now, closedAt: now },
    });
    await leaveAll(tx, orgId, id, now);
  }
  const transferred = overflow?.kind === 'transfer';
  const told = arrivalTrigger({ ended: ended !== null, transferred, queueClosed: s.intake.queueClosed });
  if (told) await tellCustomer(tx, log, c, told, now);
  return { conversation: c, routable: !ended, notice: ended ? { id: noticeId!, text: ended.message } : null };
}
