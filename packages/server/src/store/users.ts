import { and, eq, ne, sql } from 'drizzle-orm';
import type { StaffUser } from '@switchboard/protocol';
import type { Db } from './db.js';
import { organizations, users } from './schema.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

/** The account an email signs in to, with whether its organisation is disabled. */
export async function findSignInAccount(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      orgDisabledAt: organizations.disabledAt,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function getStaffUser(db: Db, orgId: string, userId: string): Promise<StaffUser | undefined> {
  const [row] = await db
    .select({ user: users, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!row) return undefined;
  const u = row.user;
  return {
    id: u.id,
    orgId: u.orgId,
    orgName: row.orgName,
    email: u.email,
    name: u.name,
    role: u.role,
    presence: u.presence,
    capacity: u.capacity,
    usedCapacity: u.usedCapacity,
  };
}

/** Everyone on the organisation's staff, by name: its people, who routing, queues and consults may name (AD1). */
export async function listStaff(db: Db, orgId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, presence: users.presence })
    .from(users)
    .where(and(eq(users.orgId, orgId), ne(users.role, 'api')))
    .orderBy(users.name);
}

/** A staff member's name; '' when there is none such in the organisation. */
export async function staffName(db: Db, orgId: string, userId: string): Promise<string> {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row?.name ?? '';
}
