import { randomUUID } from 'node:crypto';
import type { CallbackRequest, VisitorCallback } from '@switchboard/protocol';
import { callbackRequestRefusal, callbackSummary, checkContact } from '../domain/callbacks/callback-request.js';
import { conflict, DomainError } from '../domain/errors.js';
import {
  callbackOfSource,
  cancelCallback,
  insertCallback,
  lockDueCallbacks,
  markQueued,
  toCallback,
  type CallbackRow,
} from '../store/callbacks.js';
import { getConversation, insertConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { addParticipant } from '../store/participants.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { recordTrace } from '../store/traces.js';
import { visitorRequest } from './callback-views.js';
import type { ConversationKit } from './conversation-kit.js';
import type { EventLog } from './event-log.js';
import type { VisitorIdentity } from './identity.js';
import { newMessage } from './message-values.js';

/** Callbacks due at once made into work items per transaction by the sweep. */
const SWEEP_BLOCK = 50;

// A number typed without a country code is read in the country the chat's language suggests.
const COUNTRY_OF_LOCALE = { nl: 'NL', fr: 'FR' } as const;

/**
 * Callbacks (AG11): a chat that a queue's overflow ended with "offer a callback" asks for one; at
 * its time it becomes a work item of that queue, routed like any other when an agent has room.
 */
export function createCallbackService(
  kit: Pick<ConversationKit, 'db' | 'clock' | 'command' | 'lockOrThrow'> & {
    onRoutable: (orgId: string) => void;
  },
) {
  const { clock, command, lockOrThrow, onRoutable } = kit;

  /** The work item: the chat's routing (skills, priority, capacity) in the queue that offered the callback. */
  async function enqueue(tx: Db, log: EventLog, cb: CallbackRow, source: ConversationRow, now: Date) {
    const config = await loadRoutingConfig(tx, cb.orgId);
    const queue = config.queues.get(cb.queueId);
    const id = randomUUID();
    const summary = callbackSummary(cb);
    await insertConversation(tx, {
      id,
      orgId: cb.orgId,
      workstreamId: cb.workstreamId,
      channel: source.channel,
      channelId: null,
      customerAddress: null,
      state: 'open',
      contactId: source.contactId,
      customerName: cb.name,
      customerEmail: cb.email,
      firstMessage: summary,
      prechat: source.prechat,
      context: source.context,
      locale: source.locale,
      queueId: cb.queueId,
      queuePriority: queue?.priority ?? 100,
      priority: source.priority,
      severity: source.severity,
      skills: source.skills,
      capacityUnits: source.capacityUnits,
      capacityProfileIds: source.capacityProfileIds,
      waitingSince: now,
      routingAge: now,
      lastCustomerMessageAt: now,
      createdAt: now,
      updatedAt: now,
      callbackId: cb.id,
    });
    const when = cb.preferredAt ? ` for ${cb.preferredAt.toISOString()}` : '';
    await recordTrace(tx, {
      orgId: cb.orgId,
      conversationId: id,
      at: now,
      steps: [
        {
          step: 'queue',
          queueId: cb.queueId,
          queueName: queue?.name ?? '(unknown queue)',
          matchedRule: null,
          reason: `callback requested${when}`,
          skipped: [],
        },
      ],
    });
    const first = newMessage('system', summary, null, 'Switchboard', null, now);
    await log.append(tx, {
      orgId: cb.orgId,
      conversationId: id,
      body: { type: 'message', message: first },
      public: false,
      at: now,
    });
    await addParticipant(tx, {
      orgId: cb.orgId,
      conversationId: id,
      userId: null,
      role: 'customer',
      name: cb.name,
      at: now,
    });
    await markQueued(tx, cb.orgId, cb.id, id);
  }

  return {
    /** The visitor asks to be called back; a request for now is a work item at once. */
    async request(who: VisitorIdentity, body: CallbackRequest & { note: string }): Promise<VisitorCallback> {
      const now = clock.now();
      const made = await command(async (tx, log) => {
        const c = await lockOrThrow(tx, who.orgId, who.conversationId);
        const existing = await callbackOfSource(tx, c.orgId, c.id);
        const refusal = callbackRequestRefusal({
          state: c.state,
          callbackQueueId: c.callbackQueueId,
          requested: !!existing,
        });
        if (refusal) throw conflict(refusal);
        const country = COUNTRY_OF_LOCALE[c.locale as keyof typeof COUNTRY_OF_LOCALE];
        const contact = checkContact(body, now, country);
        if (!contact.ok) throw new DomainError('invalid', contact.message);
        const cb = await insertCallback(tx, {
          orgId: c.orgId,
          queueId: c.callbackQueueId!,
          workstreamId: c.workstreamId,
          sourceConversationId: c.id,
          name: body.name,
          phone: contact.phone,
          email: contact.email,
          note: body.note,
          preferredAt: contact.preferredAt,
          dueAt: contact.dueAt,
          state: 'scheduled',
          createdAt: now,
        });
        if (contact.dueAt.getTime() > now.getTime()) return cb;
        await enqueue(tx, log, cb, c, now);
        return { ...cb, state: 'queued' as const };
      });
      if (made.state === 'queued') onRoutable(who.orgId);
      return { offered: true, request: visitorRequest(toCallback({ ...made, queueName: null })) };
    },

    /** Requests whose preferred time has come become work items; returns how many. */
    async sweepDue(): Promise<number> {
      let total = 0;
      const orgs = new Set<string>();
      for (;;) {
        const now = clock.now();
        const made = await command(async (tx, log) => {
          const due = await lockDueCallbacks(tx, now, SWEEP_BLOCK);
          for (const cb of due) {
            const source = cb.sourceConversationId
              ? await getConversation(tx, cb.orgId, cb.sourceConversationId)
              : null;
            // Every request comes from a chat; one without (written by hand) has nothing to route by.
            if (!source) await cancelCallback(tx, cb.orgId, cb.id);
            else await enqueue(tx, log, cb, source, now);
          }
          return due;
        });
        for (const cb of made) orgs.add(cb.orgId);
        total += made.length;
        if (made.length < SWEEP_BLOCK) break;
      }
      for (const orgId of orgs) onRoutable(orgId);
      return total;
    },
  };
}

export type CallbackService = ReturnType<typeof createCallbackService>;
