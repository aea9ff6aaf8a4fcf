import type { Logger } from 'pino';
import { alertAudience, holderSentiment } from '../domain/sentiment/audience.js';
import { conversationSentiment, CONVERSATION_WINDOW } from '../domain/sentiment/conversation-sentiment.js';
import type { DomainEvent, DomainEventListener } from '../domain/events.js';
import type { SentimentLevel } from '../domain/sentiment/levels.js';
import { crossedThreshold } from '../domain/sentiment/threshold.js';
import type { SentimentAnalyzer } from '../sentiment/analyzer.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { membersOfQueues } from '../store/queues.js';
import { lockSentiments, saveSentiments, sentimentSetting } from '../store/sentiment.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';

type Scoring = { orgId: string; conversationId: string; text: string };
type Moved = {
  conversationId: string;
  level: SentimentLevel;
  crossed: boolean;
  holder: { agentId: string; low: boolean } | null;
  queueId: string | null;
};

/** At most this many messages are folded in one transaction. */
const BATCH = 500;

/**
 * Customer sentiment (SV8), kept up to date from the event stream: each customer message, once
 * committed, is scored and folded into its conversation's last six, off the message path so a
 * message is never slower or refused for it. Messages that arrive while a fold runs wait for the
 * next, which takes them all in one transaction: under load a few statements serve hundreds of
 * messages, and one conversation's messages are folded in the order they came. Supervisors and the
 * agent holding it hear when a conversation's level moves; a fall to the threshold alerts the
 * supervisors of its queue (domain/sentiment/audience.ts). A node that stops between a message and
 * its fold leaves that message out of the window.
 */
export function createSentimentFollower({
  db,
  analyzer,
  bus,
  log,
}: {
  db: Db;
  analyzer: SentimentAnalyzer;
  bus: EventBus;
  log: Logger;
}) {
  let queue: Scoring[] = [];
  let running: Promise<void> | null = null;

  /** One organisation's messages, oldest first, into their windows; returns the levels that moved. */
  async function foldOrg(orgId: string, items: Scoring[]): Promise<Moved[]> {
    const setting = await sentimentSetting(db, orgId);
    if (!setting.enabled) return [];
    const texts = new Map<string, string[]>();
    for (const i of items) texts.set(i.conversationId, [...(texts.get(i.conversationId) ?? []), i.text]);
    return transaction(db, async (tx) => {
      const rows = await lockSentiments(tx, orgId, [...texts.keys()]);
      const saved = [];
      const moved: Moved[] = [];
      for (const row of rows) {
        let recent = row.recent;
        for (const text of texts.get(row.id) ?? []) {
          const result = analyzer.analyze(text, row.locale);
          recent = [...recent, { score: result.score, profanity: result.profanity }].slice(-CONVERSATION_WINDOW);
        }
        const { level } = conversationSentiment(recent);
        saved.push({ id: row.id, recent, level });
        if (level === row.level) continue;
        const { agentId, queueId } = row;
        const shown = agentId === null ? null : holderSentiment(agentId, { ...row, level }, setting);
        moved.push({
          conversationId: row.id,
          level,
          crossed: crossedThreshold(row.level, level, setting.threshold),
          holder: agentId !== null && shown ? { agentId, low: shown.low } : null,
          queueId,
        });
      }
      await saveSentiments(tx, orgId, saved);
      return moved;
    });
  }

  async function announce(orgId: string, moved: Moved[]) {
    const events: DomainEvent[] = [];
    const crossed = moved.filter((m) => m.crossed);
    const queueIds = [...new Set(crossed.flatMap((m) => (m.queueId ? [m.queueId] : [])))];
    const members = await membersOfQueues(db, orgId, queueIds);
    for (const m of moved) {
      const { conversationId, level, holder } = m;
      events.push({ kind: 'sentiment-changed', orgId, conversationId, level, holder });
      if (!m.crossed) continue;
      // Told once per dip below the admin's threshold, not again while it stays down there.
      const c = await getConversation(db, orgId, conversationId);
      if (c) {
        const alert = { conversationId: c.id, customerName: c.customerName, agentName: c.agentName, level };
        const audience = alertAudience(m.queueId ? (members.get(m.queueId) ?? []) : []);
        events.push({ kind: 'sentiment-alert', orgId, alert, audience });
      }
    }
    if (events.length > 0) bus.publish(events);
  }

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(BATCH);
      const byOrg = new Map<string, Scoring[]>();
      for (const item of batch) byOrg.set(item.orgId, [...(byOrg.get(item.orgId) ?? []), item]);
      for (const [orgId, items] of byOrg) {
        try {
          await announce(orgId, await foldOrg(orgId, items));
        } catch (err) {
          log.error({ msg: 'folding messages into sentiment failed', err, orgId, messages: items.length });
        }
      }
    }
  }

  function start() {
    running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain).finally(() => {
      running = null;
      if (queue.length > 0) start();
    });
  }

  const listener: DomainEventListener = (event: DomainEvent) => {
    if (event.kind !== 'conversation-event' || event.staff.type !== 'message') return;
    if (event.staff.message.kind !== 'customer') return;
    queue.push({ orgId: event.orgId, conversationId: event.conversationId, text: event.staff.message.text });
    start();
  };

  return {
    listener,
    /** Resolves once every message scored so far is in (tests, shutdown). */
    async idle() {
      while (running) await running;
    },
  };
}
