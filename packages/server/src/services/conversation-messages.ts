import type { ConversationEvent } from '@switchboard/protocol';
import { agentWriteRefusal, customerWriteRefusal, writeFacts } from '../domain/conversation/messaging.js';
import { adapterFor } from '../channels/registry.js';
import { conflict, DomainError } from '../domain/errors.js';
import { getChannel } from '../store/channels.js';
import { coalesce } from '../store/coalesce.js';
import { updateConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { clientKey, findEventByClientId, toWireEvent, type EventRow, type NewEvent } from '../store/events.js';
import { appendMessagesIfClear, type MessageGate, type QuickMessage } from '../store/message-batch.js';
import { insertOutbox } from '../store/outbox.js';
import { isUniqueViolation } from '../store/transaction.js';
import { attachmentRef, attachUploads, type Sender } from '../store/attachments.js';
import { carriesUploadedFiles } from '../channels/registry.js';
import { channelRefusal } from '../domain/attachments/rules.js';
import type { ConversationKit } from './conversation-kit.js';
import { newMessage } from './conversation-steps.js';
import { EventLog } from './event-log.js';
import type { StaffIdentity, VisitorIdentity } from './identity.js';

type Appended = { row?: EventRow; error?: unknown };

/** A message alone: a concurrent retry under the same key is no row (the full path returns it). */
async function appendAlone(db: Db, m: QuickMessage): Promise<Appended> {
  try {
    return { row: (await appendMessagesIfClear(db, [m]))[0] };
  } catch (error) {
    return isUniqueViolation(error) ? {} : { error };
  }
}

/** A reply longer than the channel carries (SMS: 1,600 characters on Twilio) is refused before it is stored. */
async function fitsChannel(tx: Db, orgId: string, channelId: string, text: string) {
  const channel = await getChannel(tx, orgId, channelId);
  const max = channel ? adapterFor(channel.provider).capabilities.maxLength : Infinity;
  if (text.length > max)
    throw new DomainError(
      'invalid',
      `this channel carries at most ${max} characters per message; this one has ${text.length}`,
    );
}

/**
 * The sender's uploads of this conversation, marked sent with the message in its transaction (AG4);
 * an id that is not an unsent upload of theirs refuses the whole message.
 */
async function attachFiles(
  tx: Db,
  c: { orgId: string; id: string; channel: Parameters<typeof carriesUploadedFiles>[0] },
  sender: Sender,
  ids: string[],
  at: Date,
) {
  if (ids.length === 0) return undefined;
  const refusal = channelRefusal(c.channel, carriesUploadedFiles(c.channel));
  if (refusal) throw new DomainError('invalid', refusal);
  const rows = await attachUploads(tx, c.orgId, c.id, sender, ids, at);
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing)
    throw new DomainError(
      'not-found',
      `attachment ${missing} not found: upload it to this conversation first; each file is sent once, by its uploader`,
    );
  return ids.map((id) => attachmentRef(rows.find((r) => r.id === id)!));
}

/** Messages and notes (CV3): one shared statement in the common case, a transaction for the rest. */
export function conversationMessages(kit: ConversationKit) {
  const { db, clock, bus, command, lockOrThrow, guard } = kit;
  // Messages arriving together are numbered and stored in one statement, at most one per conversation.
  const appendQuick = coalesce<QuickMessage, Appended>({
    max: 200,
    inFlight: kit.inFlight ?? 1,
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

  async function sendCustomerMessage(
    who: VisitorIdentity,
    clientMessageId: string,
    text: string,
    fileIds: string[] = [],
  ) {
    const at = clock.now();
    const key = clientKey({ kind: 'customer' }, clientMessageId);
    // The author name is the conversation's customer name, filled in by the statement.
    const body = { type: 'message' as const, message: newMessage('customer', text, null, '', clientMessageId, at) };
    // A message with files takes the full path: the files are marked sent in its transaction.
    const quick =
      fileIds.length === 0
        ? await quickMessage(
            { orgId: who.orgId, conversationId: who.conversationId, body, public: true, clientId: key, at },
            { kind: 'customer' },
          )
        : undefined;
    if (quick) return toWireEvent(quick, 'customer');
    return command(async (tx, log): Promise<ConversationEvent> => {
      const c = await lockOrThrow(tx, who.orgId, who.conversationId);
      const existing = await findEventByClientId(tx, c.id, key);
      // A retry: the message stored the first time. Anything else under the key (a row kept from
      // before keys were scoped) is not this visitor's to see.
      if (existing?.publicSeq != null && existing.type === 'message') return toWireEvent(existing, 'customer');
      if (existing) throw conflict('this client message id is already used in this conversation; pick a new one');
      const refusal = customerWriteRefusal(c.state);
      if (refusal) throw conflict(refusal);
      const now = clock.now();
      const attachments = await attachFiles(tx, c, { kind: 'customer' }, fileIds, now);
      await updateConversation(tx, c.orgId, c.id, { lastCustomerMessageAt: now });
      const message = newMessage('customer', text, null, c.customerName, clientMessageId, now);
      const row = await log.append(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        body: { type: 'message', message: attachments ? { ...message, attachments } : message },
        public: true,
        clientId: key,
        at: now,
      });
      return toWireEvent(row, 'customer');
    });
  }

  async function sendAgentMessage(
    who: StaffIdentity,
    id: string,
    input: { clientMessageId: string; text: string; internal: boolean; attachmentIds?: string[] },
  ) {
    const fileIds = input.attachmentIds ?? [];
    // Notes stay inside: a file in one would be a file the visitor's download could not tell apart.
    if (input.internal && fileIds.length > 0)
      throw new DomainError('invalid', 'internal notes carry no files: send attachments in a message to the customer');
    const kind = input.internal ? 'note' : 'agent';
    const key = clientKey({ kind: 'staff', userId: who.userId }, input.clientMessageId);
    const messageAt = (at: Date) => newMessage(kind, input.text, who.userId, who.name, input.clientMessageId, at);
    const at = clock.now();
    const quick =
      fileIds.length === 0
        ? await quickMessage(
            {
              orgId: who.orgId,
              conversationId: id,
              body: { type: 'message', message: messageAt(at) },
              public: !input.internal,
              clientId: key,
              at,
            },
            { kind: 'primary-agent', userId: who.userId, internal: input.internal },
          )
        : undefined;
    if (quick) return toWireEvent(quick, 'staff');
    return command(async (tx, log) => {
      const c = await lockOrThrow(tx, who.orgId, id);
      await guard(tx, who, c, input.internal ? 'write-note' : 'message-customer');
      const existing = await findEventByClientId(tx, c.id, key);
      if (existing) return toWireEvent(existing, 'staff');
      const refusal = agentWriteRefusal(writeFacts(c), input.internal);
      if (refusal) throw conflict(refusal);
      if (!input.internal && c.channelId) await fitsChannel(tx, c.orgId, c.channelId, input.text);
      const now = clock.now();
      const attachments = await attachFiles(tx, c, { kind: 'staff', userId: who.userId }, fileIds, now);
      const message = attachments ? { ...messageAt(now), attachments } : messageAt(now);
      const row = await log.append(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        body: { type: 'message', message },
        public: !input.internal,
        clientId: key,
        at: now,
      });
      // On a channel such as SMS the reply leaves through the outbox, durable with the message (CH2).
      if (!input.internal && c.channelId && c.customerAddress) {
        await insertOutbox(tx, {
          orgId: c.orgId,
          channelId: c.channelId,
          conversationId: c.id,
          messageId: message.id,
          to: c.customerAddress,
          text: input.text,
          at: now,
        });
        log.add({ kind: 'outbox-ready', orgId: c.orgId });
      }
      return toWireEvent(row, 'staff');
    });
  }

  return { sendCustomerMessage, sendAgentMessage };
}
