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

/**
 * One staff member stops playing one part (an agent who transferred it on stops being primary; a
 * consultant leaves); a part they also play, such as primary after a transfer to a consultant, stays.
 */
export async function leaveParticipant(
  tx: Db,
  p: { orgId: string; conversationId: string; userId: string; role: ParticipantRole; at: Date },
) {
  await tx
    .update(conversationParticipants)
    .set({ leftAt: p.at })
    .where(
      and(
        eq(conversationParticipants.orgId, p.orgId),
        eq(conversationParticipants.conversationId, p.conversationId),
        eq(conversationParticipants.userId, p.userId),
        eq(conversationParticipants.role, p.role),
        isNull(conversationParticipants.leftAt),
      ),
    );
}

/** The conversations this user consults on now (AG5): their sockets follow them too. */
export async function consultingIds(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: conversationParticipants.conversationId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.orgId, orgId),
        eq(conversationParticipants.userId, userId),
        eq(conversationParticipants.role, 'consultant'),
        isNull(conversationParticipants.leftAt),
      ),
    );
  return rows.map((r) => r.id);
}

/** The primary agent lets an active consultant write to the customer, or not; false: none such. */
export async function setMayMessageCustomer(
  tx: Db,
  orgId: string,
  conversationId: string,
  userId: string,
  may: boolean,
): Promise<boolean> {
  const rows = await tx
    .update(conversationParticipants)
    .set({ mayMessageCustomer: may })
    .where(
      and(
        eq(conversationParticipants.orgId, orgId),
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
        eq(conversationParticipants.role, 'consultant'),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .returning({ id: conversationParticipants.id });
  return rows.length > 0;
}
