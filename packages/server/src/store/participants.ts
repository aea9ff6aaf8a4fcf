import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ParticipantRole } from '../domain/conversation/participants.js';
import type { Db } from './db.js';
import { conversationParticipants } from './schema.js';

export type ParticipantRow = typeof conversationParticipants.$inferSelect;

export async function addParticipant(
  tx: Db,
  p: { orgId: string; conversationId: string; userId: string | null; role: ParticipantRole; name: string; at: Date },
): Promise<void> {
  await tx.insert(conversationParticipants).values({ ...p, joinedAt: p.at });
}

/** Everyone still in the conversation leaves it (it closed). */
export async function leaveAll(tx: Db, orgId: string, conversationId: string, at: Date): Promise<void> {
  await tx
    .update(conversationParticipants)
    .set({ leftAt: at })
    .where(
      and(
        eq(conversationParticipants.orgId, orgId),
        eq(conversationParticipants.conversationId, conversationId),
        isNull(conversationParticipants.leftAt),
      ),
    );
}

export async function listParticipants(db: Db, orgId: string, conversationId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(conversationParticipants)
    .where(and(eq(conversationParticipants.orgId, orgId), eq(conversationParticipants.conversationId, conversationId)))
    .orderBy(asc(conversationParticipants.joinedAt));
}

/** One staff member leaves the conversation (an agent who transferred it on). */
export async function leaveParticipant(tx: Db, orgId: string, conversationId: string, userId: string, at: Date) {
  await tx
    .update(conversationParticipants)
    .set({ leftAt: at })
    .where(
      and(
        eq(conversationParticipants.orgId, orgId),
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
        isNull(conversationParticipants.leftAt),
      ),
    );
}
