import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { JourneyAction, JourneyKind } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversations, journeyActions, resumeLinks } from './schema.js';

export type NewJourneyAction = {
  kind: JourneyKind;
  name: string;
  detail: Record<string, string | number | boolean | null>;
  at: Date;
};

/** CH1: the visitor's tracked actions, one row each; the caller checked the conversation is theirs. */
export async function insertJourneyActions(db: Db, orgId: string, conversationId: string, actions: NewJourneyAction[]) {
  if (!actions.length) return 0;
  const rows = await db
    .insert(journeyActions)
    .values(actions.map((a) => ({ orgId, conversationId, ...a })))
    .returning({ id: journeyActions.id });
  return rows.length;
}

/** How many a conversation holds already: the journey of one chat is bounded (services/journey.ts). */
export async function countJourneyActions(db: Db, orgId: string, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(journeyActions)
    .where(and(eq(journeyActions.orgId, orgId), eq(journeyActions.conversationId, conversationId)));
  return row?.n ?? 0;
}

/** Newest first, as the agent's summary shows them (AG6). */
export async function listJourney(
  db: Db,
  orgId: string,
  conversationId: string,
  limit = 500,
): Promise<JourneyAction[]> {
  const rows = await db
    .select()
    .from(journeyActions)
    .where(and(eq(journeyActions.orgId, orgId), eq(journeyActions.conversationId, conversationId)))
    .orderBy(desc(journeyActions.at), desc(journeyActions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    detail: r.detail as JourneyAction['detail'],
    at: r.at.toISOString(),
  }));
}

export async function setVisitorDetails(
  db: Db,
  orgId: string,
  conversationId: string,
  visitor: Record<string, string | null>,
) {
  await db
    .update(conversations)
    .set({ visitor })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

export async function insertResumeLink(db: Db, values: typeof resumeLinks.$inferInsert) {
  await db.insert(resumeLinks).values(values);
}

/** Spends a resume link: only an unused, unexpired one of this organisation, once (a conditional write). */
export async function spendResumeLink(db: Db, orgId: string, id: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(resumeLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(resumeLinks.orgId, orgId),
        eq(resumeLinks.id, id),
        isNull(resumeLinks.usedAt),
        gt(resumeLinks.expiresAt, now),
      ),
    )
    .returning({ conversationId: resumeLinks.conversationId });
  return row?.conversationId ?? null;
}
