import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from './db.js';
import { conversations, organizations, staffSessions, users } from './schema.js';

export async function insertStaffSession(
  db: Db,
  s: { orgId: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await db.insert(staffSessions).values(s).returning({ id: staffSessions.id });
  return row!.id;
}

/**
 * A session with its user and organisation as they are now: one primary-key lookup and two joins
 * by key, read on every staff request and socket connect.
 */
export async function findStaffSession(db: Db, q: { sessionId: string; orgId: string; userId: string }) {
  const [row] = await db
    .select({
      expiresAt: staffSessions.expiresAt,
      revokedAt: staffSessions.revokedAt,
      role: users.role,
      name: users.name,
      userDisabledAt: users.disabledAt,
      orgDisabledAt: organizations.disabledAt,
    })
    .from(staffSessions)
    .innerJoin(users, and(eq(users.id, staffSessions.userId), eq(users.orgId, staffSessions.orgId)))
    .innerJoin(organizations, eq(organizations.id, staffSessions.orgId))
    .where(
      and(eq(staffSessions.id, q.sessionId), eq(staffSessions.orgId, q.orgId), eq(staffSessions.userId, q.userId)),
    );
  return row;
}

/** Ends a session (sign-out); false when it was not this user's open session. */
export async function revokeStaffSession(
  db: Db,
  q: { sessionId: string; orgId: string; userId: string; at: Date },
): Promise<boolean> {
  const mine = and(
    eq(staffSessions.id, q.sessionId),
    eq(staffSessions.orgId, q.orgId),
    eq(staffSessions.userId, q.userId),
  );
  const rows = await db
    .update(staffSessions)
    .set({ revokedAt: q.at })
    .where(and(mine, isNull(staffSessions.revokedAt)))
    .returning({ id: staffSessions.id });
  return rows.length > 0;
}

/** Whether a visitor's conversation still exists in an organisation that is not disabled. */
export async function visitorConversationOpen(db: Db, q: { orgId: string; conversationId: string }): Promise<boolean> {
  const [row] = await db
    .select({ orgDisabledAt: organizations.disabledAt })
    .from(conversations)
    .innerJoin(organizations, eq(organizations.id, conversations.orgId))
    .where(and(eq(conversations.orgId, q.orgId), eq(conversations.id, q.conversationId)));
  return row !== undefined && row.orgDisabledAt === null;
}

/** Sessions past their expiry can never be used again: the sweep deletes them (by the expiry index). */
export async function deleteExpiredStaffSessions(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(lt(staffSessions.expiresAt, now))
    .returning({ id: staffSessions.id });
  return rows.length;
}
