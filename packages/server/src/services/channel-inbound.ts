import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '@switchboard/protocol';
import { WebhookRefused, type WebhookReply, type WebhookRequest } from '../channels/adapter.js';
import { adapterFor } from '../channels/registry.js';
import type { Clock } from '../domain/clock.js';
import type { SecretBox } from '../security/secrets.js';
import { getChannelForWebhook, type ChannelRow } from '../store/channels.js';
import { toE164 } from '../domain/contacts/phone.js';
import { linkIdentifiedCustomer } from './records/links.js';
import { identifyByPhone, inboundSeen, lockLatestForAddress, recordInbound } from '../store/channel-inbound.js';
import { updateConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { isUniqueViolation, transaction } from '../store/transaction.js';
import { getWorkstream } from '../store/routing-config.js';
import { isOrganisationDisabled } from '../store/organisations.js';
import { insertOutbox } from '../store/outbox.js';
import type { EventBus } from './bus.js';
import { channelConfig } from './channels.js';
import { newMessage, startConversation } from './conversation-steps.js';
import { backToQueue, withinReopenWindow } from './conversation-return.js';
import { EventLog } from './event-log.js';
import { planIntake } from './intake.js';
import type { Outbox } from './outbox.js';

export type ChannelInboundDeps = {
  db: Db;
  clock: Clock;
  bus: EventBus;
  secrets: SecretBox;
  outbox: Outbox;
  onRoutable: (orgId: string) => void;
  /** Each refused webhook, for the log and `/metrics`. */
  onRefused: (provider: string, reason: string) => void;
};

/** A conversation a new text continues rather than starts: until the agent ends it. */
const CONTINUES = new Set(['open', 'active', 'waiting']);

/**
 * What providers post to `/webhooks/{provider}/{channelId}` (CH5): checked by the channel's adapter,
 * then each activity is stored. An inbound text continues the number's ongoing conversation on the
 * channel or starts a routed one, identified by the number; a redelivery is stored once.
 */
export function createChannelInbound(deps: ChannelInboundDeps) {
  const { db, clock, bus, secrets, outbox, onRoutable } = deps;

  async function channelFor(provider: string, channelId: string): Promise<ChannelRow> {
    const row = /^[0-9a-f-]{36}$/i.test(channelId) ? await getChannelForWebhook(db, channelId) : undefined;
    if (!row || row.provider !== provider || (await isOrganisationDisabled(db, row.orgId)))
      throw new WebhookRefused(404, `no ${provider} channel ${channelId}`);
    return row;
  }

  async function handle(provider: string, channelId: string, req: WebhookRequest): Promise<WebhookReply> {
    try {
      const channel = await channelFor(provider, channelId);
      const adapter = adapterFor(channel.provider);
      const config = channelConfig(secrets, channel);
      const verified = adapter.verify(req, config);
      if (!verified.ok) throw new WebhookRefused(403, `the request is not signed by ${provider}: ${verified.reason}`);
      const parsed = adapter.parse(req, config);
      for (const activity of parsed.activities) {
        if (activity.type === 'inbound-message') await receive(channel, activity);
        else await outbox.applyStatus(channel, activity);
      }
      return parsed.reply;
    } catch (err) {
      if (err instanceof WebhookRefused) deps.onRefused(provider, err.message);
      throw err;
    }
  }

  /** One inbound text, stored once whatever the provider redelivers. */
  async function receive(channel: ChannelRow, m: InboundMessage): Promise<void> {
    if (await inboundSeen(db, channel.id, m.providerMessageId)) return;
    let log = new EventLog();
    let routable = false;
    try {
      await transaction(db, async (tx) => {
        log = new EventLog();
        routable = await storeText(tx, log, channel, m);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return; // the same message, delivered twice at once: the other stored it
      throw err;
    }
    bus.publish(log.pending);
    if (routable) onRoutable(channel.orgId);
  }

  async function storeText(tx: Db, log: EventLog, channel: ChannelRow, m: InboundMessage): Promise<boolean> {
    const now = clock.now();
    const { orgId } = channel;
    const latest = await lockLatestForAddress(tx, orgId, channel.id, m.from);
    const workstream = await getWorkstream(tx, orgId, channel.workstreamId);
    if (!workstream) throw new WebhookRefused(404, `the channel's workstream no longer exists`);
    const reopens =
      latest?.state === 'closed' && withinReopenWindow(latest.closedAt, workstream.reopenWindowMinutes, now);
    if (latest && (CONTINUES.has(latest.state) || reopens)) {
      // A waiting or closed conversation goes back to its queue first; then the text is added to it.
      const returning = latest.state === 'waiting' ? 'customer-return' : reopens ? 'reopen' : null;
      if (returning) await backToQueue(tx, log, clock, latest, returning);
      await updateConversation(tx, orgId, latest.id, { lastCustomerMessageAt: now });
      await log.append(tx, {
        orgId,
        conversationId: latest.id,
        body: { type: 'message', message: newMessage('customer', m.text, null, latest.customerName, null, now) },
        public: true,
        at: now,
      });
      await recordInbound(tx, {
        orgId,
        channelId: channel.id,
        providerMessageId: m.providerMessageId,
        conversationId: latest.id,
        at: now,
      });
      return returning !== null;
    }
    const adapter = adapterFor(channel.provider);
    // A custom channel's addresses may be handles, not numbers: only a number can name a contact (CH5).
    const phone = toE164(m.from);
    const who = phone ? await identifyByPhone(tx, orgId, phone) : null;
    const id = randomUUID();
    const name = who?.name ?? m.profileName ?? m.from;
    const intake = await planIntake(tx, {
      orgId,
      conversationId: id,
      workstream,
      customer: { name, email: '' },
      facts: who?.facts ?? { contact: { mobilePhone: phone }, account: {} },
      prechat: {},
      context: {},
      channel: { kind: adapter.kind, provider: channel.provider, channelId: channel.id, to: m.to },
      now,
    });
    const started = await startConversation(tx, log, clock, {
      id,
      orgId,
      workstream,
      intake,
      channel: adapter.kind,
      channelId: channel.id,
      customerAddress: m.from,
      contactId: who?.contactId ?? null,
      customerName: name,
      customerEmail: null,
      firstMessage: m.text,
      prechat: null,
      context: {},
      locale: 'en',
      now,
    });
    await recordInbound(tx, {
      orgId,
      channelId: channel.id,
      providerMessageId: m.providerMessageId,
      conversationId: id,
      at: now,
    });
    // AG9: the texting contact's account, and their one active case if they have exactly one.
    if (who?.contactId)
      await linkIdentifiedCustomer(tx, (e) => log.add(e), { orgId, conversationId: id, contactId: who.contactId, now });
    // An overflow that ends the conversation says why; on SMS the customer gets that as a text.
    if (started.notice) {
      await insertOutbox(tx, {
        orgId,
        channelId: channel.id,
        conversationId: id,
        messageId: started.notice.id,
        to: m.from,
        text: started.notice.text,
        at: now,
      });
      log.add({ kind: 'outbox-ready', orgId });
    }
    return started.routable;
  }

  return { handle };
}

export type ChannelInbound = ReturnType<typeof createChannelInbound>;
