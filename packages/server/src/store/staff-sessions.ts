import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from './db.js';
import { conversations, organizations, staffSessions, users } from './schema.js';

export async function insertStaffSession(
  db: Db,
  s: { orgId: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await db.insert(staffSessions).values(s).returning({ id: staffSessions.id });
  return row!.id;
}

export type StaffSessionState = {
  id: string;
  orgId: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  role: (typeof users.$inferSelect)['role'];
  name: string;
  userDisabledAt: Date | null;
  orgDisabledAt: Date | null;
};

/**
 * Sessions with their user and organisation as they are now: primary-key lookups and two joins by
 * key, read on every staff request and socket connect (many requests' at once, see `coalesce`).
 * The caller matches organisation and user: a session is only ever read by its own id.
 */
export async function findStaffSessions(db: Db, sessionIds: string[]): Promise<StaffSessionState[]> {
  return db
    .select({
      id: staffSessions.id,
      orgId: staffSessions.orgId,
      userId: staffSessions.userId,
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
    .where(inArray(staffSessions.id, sessionIds));
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

/** Of these conversations, those that exist in an organisation that is not disabled, with their organisation. */
export async function openVisitorConversations(
  db: Db,
  conversationIds: string[],
): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: conversations.id, orgId: conversations.orgId })
    .from(conversations)
    .innerJoin(organizations, eq(organizations.id, conversations.orgId))
    .where(and(inArray(conversations.id, conversationIds), isNull(organizations.disabledAt)));
}

/** Sessions past their expiry can never be used again: the sweep deletes them (by the expiry index). */
export async function deleteExpiredStaffSessions(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(lt(staffSessions.expiresAt, now))
    .returning({ id: staffSessions.id });
  return rows.length;
}
