import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ClosedConversation } from '../domain/insights/facts-of.js';
import type { FactSet } from '../domain/insights/facts.js';
import { rowsOf, type Db } from './db.js';
import { conversationParticipants, conversations, insightFacts, insightPending, offers } from './schema.js';
import { conversationSurveys } from './schema.js';

/**
 * The reporting model's intake (SV9): closed conversations waiting to be folded, what the store
 * keeps of them, and the facts each was last folded with.
 */

/** Called in the transaction that closes a conversation, so a close is never lost to the reports. */
export async function markClosed(tx: Db, orgId: string, conversationId: string, at: Date): Promise<void> {
  await tx.insert(insightPending).values({ orgId, conversationId, at }).onConflictDoNothing();
}

/**
 * Takes up to `limit` waiting conversations, oldest close first, for the rest of the transaction:
 * another node's projector skips them, and a rollback puts them back.
 */
export async function takePending(tx: Db, limit: number): Promise<{ orgId: string; conversationId: string }[]> {
  const result = await tx.execute(sql`
    delete from insight_pending where conversation_id in (
      select conversation_id from insight_pending order by at limit ${limit} for update skip locked
    ) returning org_id, conversation_id`);
  return rowsOf<{ org_id: string; conversation_id: string }>(result).map((r) => ({
    orgId: r.org_id,
    conversationId: r.conversation_id,
  }));
}

/** Whether any conversation waits to be folded (a test's and the bench's "settled"). */
export async function pendingCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(insightPending);
  return row?.n ?? 0;
}

/** The organisation's conversations among `ids` that are closed now, with what their facts are made of. */
export async function loadClosed(tx: Db, orgId: string, ids: string[]): Promise<ClosedConversation[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, ids), eq(conversations.state, 'closed')));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [offerRows, participantRows, instants] = await Promise.all([
    tx
      .select()
      .from(offers)
      .where(and(eq(offers.orgId, orgId), inArray(offers.conversationId, found))),
    tx
      .select()
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.orgId, orgId), inArray(conversationParticipants.conversationId, found))),
    tx.execute(sql`
      select conversation_id,
        min(created_at) filter (where type = 'message' and public_seq is not null
          and payload->'message'->>'kind' = 'agent') as first_reply,
        max(created_at) filter (where type = 'state' and payload->>'to' = 'wrap-up') as wrap_up
      from conversation_events
      where org_id = ${orgId} and conversation_id in (${sql.join(
        found.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by conversation_id`),
  ]);
  const at = new Map(
    rowsOf<{ conversation_id: string; first_reply: string | Date | null; wrap_up: string | Date | null }>(instants).map(
      (r) => [r.conversation_id, r],
    ),
  );
  const date = (v: string | Date | null | undefined) => (v === null || v === undefined ? null : new Date(v));
  const ratings = await surveyRatings(tx, orgId, found);
  return rows.map((c) => ({
    id: c.id,
    channel: c.channel,
    queueId: c.queueId,
    createdAt: c.createdAt,
    endedAt: c.endedAt,
    closedAt: c.closedAt ?? c.updatedAt,
    sentimentLevel: c.sentimentLevel ?? null,
    offers: offerRows.filter((o) => o.conversationId === c.id),
    participants: participantRows.filter((p) => p.conversationId === c.id),
    firstAgentReplyAt: date(at.get(c.id)?.first_reply),
    wrapUpAt: date(at.get(c.id)?.wrap_up),
    csatScore: ratings.get(c.id) ?? null,
  }));
}

const DATE_FIELDS = {
  conversations: ['arrivedAt', 'queuedAt', 'answeredAt', 'endedAt', 'firstAgentReplyAt'],
  sessions: ['arrivedAt', 'offeredAt', 'answeredAt'],
  participants: ['arrivedAt'],
} as const;

/** Stored facts back with their instants as Dates (JSON keeps them as ISO strings). */
function revive(json: unknown): FactSet {
  const set = json as Record<keyof typeof DATE_FIELDS, Record<string, unknown>[]>;
  const out = {} as Record<string, unknown[]>;
  for (const kind of Object.keys(DATE_FIELDS) as (keyof typeof DATE_FIELDS)[])
    out[kind] = (set[kind] ?? []).map((f) => {
      const copy = { ...f };
      for (const field of DATE_FIELDS[kind]) if (typeof copy[field] === 'string') copy[field] = new Date(copy[field]);
      return copy;
    });
  return out as unknown as FactSet;
}

export async function previousFacts(tx: Db, orgId: string, ids: string[]): Promise<Map<string, FactSet>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: insightFacts.conversationId, facts: insightFacts.facts })
    .from(insightFacts)
    .where(and(eq(insightFacts.orgId, orgId), inArray(insightFacts.conversationId, ids)));
  return new Map(rows.map((r) => [r.id, revive(r.facts)]));
}

export async function saveFacts(
  tx: Db,
  orgId: string,
  rows: { conversationId: string; facts: FactSet }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(insightFacts)
    .values(rows.map((r) => ({ orgId, conversationId: r.conversationId, facts: r.facts, foldedAt: at })))
    .onConflictDoUpdate({
      target: insightFacts.conversationId,
      set: { facts: sql`excluded.facts`, foldedAt: sql`excluded.folded_at` },
      setWhere: sql`${insightFacts.orgId} = ${orgId}`,
    });
}

/** The post-chat ratings (CH1) of these conversations: 1 to 5, as the survey stored them. */
async function surveyRatings(tx: Db, orgId: string, ids: string[]): Promise<Map<string, 1 | 2 | 3 | 4 | 5>> {
  const rows = await tx
    .select({ id: conversationSurveys.conversationId, rating: conversationSurveys.rating })
    .from(conversationSurveys)
    .where(and(eq(conversationSurveys.orgId, orgId), inArray(conversationSurveys.conversationId, ids)));
  return new Map(rows.map((r) => [r.id, r.rating as 1 | 2 | 3 | 4 | 5]));
}
