import type { Logger } from 'pino';
import { conversationSentiment, CONVERSATION_WINDOW } from '../domain/sentiment/conversation-sentiment.js';
import type { DomainEvent, DomainEventListener } from '../domain/events.js';
import type { SentimentAnalyzer } from '../sentiment/analyzer.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { lockSentiment, saveSentiment, sentimentSetting } from '../store/sentiment.js';
import { crossedThreshold } from '../domain/sentiment/threshold.js';
import { transaction } from '../store/transaction.js';
import type { EventBus } from './bus.js';

/**
 * Customer sentiment (SV8), kept up to date from the event stream: each customer message, once
 * committed, is scored and folded into its conversation's last six, off the message path so a
 * message is never slower or refused for it. Supervisors hear when a conversation's level moves.
 * A node that stops between a message and its score leaves that message out of the window.
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
  // One conversation's messages are scored in the order they came; different ones in parallel.
  const chains = new Map<string, Promise<void>>();

  async function score(orgId: string, conversationId: string, text: string) {
    const setting = await sentimentSetting(db, orgId);
    if (!setting.enabled) return;
    const c = await getConversation(db, orgId, conversationId);
    if (!c) return;
    const result = analyzer.analyze(text, c.locale);
    const moved = await transaction(db, async (tx) => {
      const row = await lockSentiment(tx, orgId, conversationId);
      if (!row) return null;
      const recent = [...row.recent, { score: result.score, profanity: result.profanity }].slice(-CONVERSATION_WINDOW);
      const { level } = conversationSentiment(recent);
      await saveSentiment(tx, orgId, conversationId, recent, level);
      return level === row.level ? null : { level, crossed: crossedThreshold(row.level, level, setting.threshold) };
    });
    if (!moved) return;
    const events: DomainEvent[] = [{ kind: 'sentiment-changed', orgId, conversationId, level: moved.level }];
    // Told once per dip below the admin's threshold, not again while it stays down there.
    if (moved.crossed)
      events.push({
        kind: 'sentiment-alert',
        orgId,
        alert: { conversationId, customerName: c.customerName, agentName: c.agentName, level: moved.level },
      });
    bus.publish(events);
  }

  const listener: DomainEventListener = (event: DomainEvent) => {
    if (event.kind !== 'conversation-event' || event.staff.type !== 'message') return;
    if (event.staff.message.kind !== 'customer') return;
    const { orgId, conversationId } = event;
    const text = event.staff.message.text;
    const next = (chains.get(conversationId) ?? Promise.resolve())
      .then(() => score(orgId, conversationId, text))
      .catch((err: unknown) => log.error({ msg: 'scoring a message for sentiment failed', err, conversationId }))
      .finally(() => {
        if (chains.get(conversationId) === next) chains.delete(conversationId);
      });
    chains.set(conversationId, next);
  };

  return {
    listener,
    /** Resolves once every message scored so far is in (tests, shutdown). */
    idle: () => Promise.all([...chains.values()]).then(() => undefined),
  };
}
