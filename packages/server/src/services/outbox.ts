import type { DeliveryStatus, OutboxEntry, StatusUpdate } from '@switchboard/protocol';
import { adapterFor } from '../channels/registry.js';
import type { Clock } from '../domain/clock.js';
import { statusMovesOn, verdictOf } from '../domain/channels/delivery.js';
import { conflict, notFound } from '../domain/errors.js';
import type { SecretBox } from '../security/secrets.js';
import { getChannel, type ChannelRow } from '../store/channels.js';
import { coalesce } from '../store/coalesce.js';
import type { Db } from '../store/db.js';
import {
  claimDueOutbox,
  getOutbox,
  listOutbox,
  outboxByProviderId,
  retryDeadOutbox,
  setOutboxStatus,
  settleOutbox,
  type OutboxRow,
} from '../store/outbox.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';
import { channelConfig, webhookUrlOf } from './channels.js';
import { EventLog } from './event-log.js';

export type OutboxDeps = { db: Db; clock: Clock; bus: EventBus; secrets: SecretBox; publicUrl: () => string };

/** How long a claimed reply is this node's to send before another node may try it (a crash mid-send). */
const LEASE_MS = 60_000;
const BATCH = 20;

export const toOutboxEntry = (r: OutboxRow): OutboxEntry => ({
  id: r.id,
  channelId: r.channelId,
  conversationId: r.conversationId,
  messageId: r.messageId,
  to: r.toAddress,
  text: r.text,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Replies to channels such as SMS (CH5): the outbox row is written with the message, then this sends
 * it through the channel's adapter after commit (poked at once, and swept by a timer so nothing waits
 * on a poke that a crash lost), retries with backoff, and records every change of state as a staff
 * `delivery` event on the conversation, so the agent sees sent, delivered or failed on the message.
 */
export function createOutbox({ db, clock, bus, secrets, publicUrl }: OutboxDeps) {
  const channelOf = (r: OutboxRow) => getChannel(db, r.orgId, r.channelId);

  /** Records the new state on the conversation: persist, then publish (an outbound send's job reads the row). */
  async function recordDelivery(tx: Db, log: EventLog, r: OutboxRow) {
    if (r.conversationId === null) return;
    await log.append(tx, {
      orgId: r.orgId,
      conversationId: r.conversationId,
      body: { type: 'delivery', messageId: r.messageId, status: r.status, reason: r.lastError, attempts: r.attempts },
      public: false,
      at: clock.now(),
    });
  }

  async function inTransaction(work: (tx: Db, log: EventLog) => Promise<void>) {
    let log = new EventLog();
    await transaction(db, (tx) => work(tx, (log = new EventLog())));
    bus.publish(log.pending);
  }

  async function sendOne(r: OutboxRow): Promise<void> {
    const channel = await channelOf(r);
    const now = () => clock.now();
    if (!channel) {
      await inTransaction(async (tx, log) => {
        const row = await settleOutbox(tx, r.id, r.attempts, {
          status: 'dead',
          lastError: 'the channel was deleted',
          updatedAt: now(),
        });
        if (row) await recordDelivery(tx, log, row);
      });
      return;
    }
    const adapter = adapterFor(channel.provider);
    const config = channelConfig(secrets, channel);
    const outcome = await adapter.send(
      {
        type: 'outbound-message',
        idempotencyKey: r.messageId,
        to: r.toAddress,
        from: null,
        text: r.text,
        statusCallbackUrl: webhookUrlOf(publicUrl(), channel, config),
      },
      config,
      { apiBaseUrl: config.apiBaseUrl ?? adapter.defaultApiBaseUrl, timeoutMs: 10_000 },
    );
    const verdict = verdictOf(outcome, r.attempts, now());
    await inTransaction(async (tx, log) => {
      const row = await settleOutbox(tx, r.id, r.attempts, {
        status: verdict.status,
        updatedAt: now(),
        ...('providerMessageId' in verdict
          ? { providerMessageId: verdict.providerMessageId, lastError: null, nextAttemptAt: null }
          : verdict.status === 'pending'
            ? { lastError: verdict.reason, nextAttemptAt: verdict.nextAttemptAt }
            : { lastError: verdict.reason, nextAttemptAt: null }),
      });
      if (row) await recordDelivery(tx, log, row);
    });
  }

  /** Sends every reply that is due now; returns how many were tried. */
  async function sendDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      const due = await claimDueOutbox(db, clock.now(), LEASE_MS, BATCH);
      if (due.length === 0) return tried;
      await Promise.all(due.map(sendOne));
      tried += due.length;
    }
  }

  // Pokes that arrive while a round runs share the next one.
  const poke = coalesce<null, number>({
    max: 1_000,
    inFlight: 1,
    run: async (items) => {
      const n = await sendDue();
      return items.map(() => n);
    },
  });

  return {
    sendDue,
    /** After a commit that wrote outbox rows: send them now rather than at the next sweep. */
    poke: () => void poke(null).catch(() => undefined),

    /** A provider's status callback for a reply it accepted (CH5). */
    async applyStatus(channel: ChannelRow, update: StatusUpdate): Promise<void> {
      const found = await outboxByProviderId(db, channel.id, update.providerMessageId);
      if (!found || !statusMovesOn(found.status, update.status)) return;
      await inTransaction(async (tx, log) => {
        const row = await setOutboxStatus(tx, found.id, update.status as DeliveryStatus, update.reason, clock.now());
        if (row) await recordDelivery(tx, log, row);
      });
    },

    list: async (orgId: string, which: 'dead' | 'retrying') => (await listOutbox(db, orgId, which)).map(toOutboxEntry),

    async retry(orgId: string, id: string): Promise<OutboxEntry> {
      const existing = await getOutbox(db, orgId, id);
      if (!existing) throw notFound(`outbox entry ${id}`);
      let row: OutboxRow | undefined;
      await inTransaction(async (tx, log) => {
        row = await retryDeadOutbox(tx, orgId, id, clock.now());
        if (row) await recordDelivery(tx, log, row);
      });
      if (!row) throw conflict(`this reply is ${existing.status}, not dead: only a dead reply is sent again`);
      void poke(null).catch(() => undefined);
      return toOutboxEntry(row);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
