import { and, eq } from 'drizzle-orm';
import type { SentimentLevel } from '../domain/sentiment/levels.js';
import type { MessageSentiment } from '../domain/sentiment/conversation-sentiment.js';
import type { Db } from './db.js';
import { conversations, orgSettings } from './schema.js';

/** Whether the organisation scores customer sentiment (SV8); on unless an admin turned it off. */
export async function sentimentEnabled(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: orgSettings.sentimentEnabled })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId));
  return row?.on ?? true;
}

export async function setSentimentEnabled(db: Db, orgId: string, on: boolean): Promise<void> {
  await db
    .insert(orgSettings)
    .values({ orgId, sentimentEnabled: on })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: { sentimentEnabled: on } });
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
