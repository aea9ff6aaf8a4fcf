import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ConversationState } from '@switchboard/protocol';
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

export type SentimentWindowRow = {
  id: string;
  locale: string;
  recent: MessageSentiment[];
  level: SentimentLevel | null;
  /** Its state, who holds it and whether they accepted it, and its queue: who is told of a change (SV8). */
  state: ConversationState;
  agentId: string | null;
  accepted: boolean;
  queueId: string | null;
};

/**
 * The conversations' windows of customer scores, their levels and languages, locked for the rest of
 * the transaction in id order (so two nodes folding overlapping batches never wait on each other in a
 * circle). Ids of another organisation, or of none, are left out.
 */
export async function lockSentiments(tx: Db, orgId: string, ids: string[]): Promise<SentimentWindowRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: conversations.id,
      locale: conversations.locale,
      recent: conversations.sentimentRecent,
      level: conversations.sentimentLevel,
      state: conversations.state,
      agentId: conversations.agentId,
      accepted: sql<boolean>`${conversations.acceptedAt} is not null`,
      queueId: conversations.queueId,
    })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, ids)))
    .orderBy(conversations.id)
    .for('no key update');
}

/** Many conversations' new windows and levels in one statement. */
export async function saveSentiments(
  tx: Db,
  orgId: string,
  rows: { id: string; recent: MessageSentiment[]; level: SentimentLevel }[],
): Promise<void> {
  if (rows.length === 0) return;
  const input = rows.map((r) => ({
    id: r.id,
    recent: r.recent.map((m) => ({ score: m.score, profanity: m.profanity === true })),
    level: r.level,
  }));
  await tx.execute(sql`
    update conversations c set sentiment_recent = i.recent, sentiment_level = i.level
    from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(id uuid, recent jsonb, level text)
    where c.org_id = ${orgId} and c.id = i.id`);
}
