import { and, eq } from 'drizzle-orm';
import type { SentimentLevel } from '../domain/sentiment/levels.js';
import type { MessageSentiment } from '../domain/sentiment/conversation-sentiment.js';
import type { Db } from './db.js';
import { conversations, orgSettings } from './schema.js';

export type SentimentSettingRow = {
  enabled: boolean;
  threshold: 'none' | 'slightly-negative' | 'negative' | 'very-negative';
};

/** Whether the organisation scores customer sentiment (SV8), on unless an admin turned it off, and its alert level. */
export async function sentimentSetting(db: Db, orgId: string): Promise<SentimentSettingRow> {
  const [row] = await db
    .select({ enabled: orgSettings.sentimentEnabled, threshold: orgSettings.sentimentThreshold })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId));
  return row ?? { enabled: true, threshold: 'none' };
}

export async function saveSentimentSetting(db: Db, orgId: string, setting: SentimentSettingRow): Promise<void> {
  const values = { sentimentEnabled: setting.enabled, sentimentThreshold: setting.threshold };
  await db
    .insert(orgSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: values });
}

/** The conversation's window of customer scores and its level, locked for the rest of the transaction. */
export async function lockSentiment(tx: Db, orgId: string, conversationId: string) {
  const [row] = await tx
    .select({ recent: conversations.sentimentRecent, level: conversations.sentimentLevel })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .for('no key update');
  return row;
}

export async function saveSentiment(
  tx: Db,
  orgId: string,
  conversationId: string,
  recent: MessageSentiment[],
  level: SentimentLevel,
): Promise<void> {
  await tx
    .update(conversations)
    .set({
      sentimentRecent: recent.map((m) => ({ score: m.score, profanity: m.profanity === true })),
      sentimentLevel: level,
    })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}
