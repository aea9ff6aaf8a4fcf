import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { PersonRole, Role, StaffAccount } from '@switchboard/protocol';
import type { Db } from './db.js';
import { users } from './schema.js';

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};
type Row = { id: string; name: string; email: string; role: Role; disabledAt: Date | null; createdAt: Date };
type PersonRow = Row & { role: PersonRole };
const isPerson = (r: Row): r is PersonRow => r.role !== 'api';

export const toAccount = (r: PersonRow): StaffAccount => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  disabled: r.disabledAt !== null,
  createdAt: r.createdAt.toISOString(),
});

/** The organisation's staff accounts (AD1), by name: its people; API clients are listed on their own. */
export async function listAccounts(db: Db, orgId: string): Promise<StaffAccount[]> {
  const rows = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.orgId, orgId), ne(users.role, 'api')))
    .orderBy(asc(users.name), asc(users.id));
  return rows.filter(isPerson).map(toAccount);
}

export async function lockAccount(tx: Db, orgId: string, id: string): Promise<Row | undefined> {
  const [row] = await tx
    .select(columns)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .for('update');
  return row;
}

/** Whether another account, of any organisation, signs in with this email (they are unique). */
export async function emailInUse(db: Db, email: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), exceptId ? ne(users.id, exceptId) : undefined));
  return row !== undefined;
}

export async function activeAdmins(tx: Db, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.disabledAt)));
  return Number(row?.n ?? 0);
}

export async function insertAccount(
  db: Db,
  orgId: string,
  a: { name: string; email: string; role: PersonRole; passwordHash: string },
): Promise<StaffAccount> {
  const [row] = await db
    .insert(users)
    .values({ orgId, ...a })
    .returning(columns);
  return toAccount({ ...row!, role: a.role });
}

export async function updateAccount(
  tx: Db,
  orgId: string,
  id: string,
  change: { name: string; email: string; role: PersonRole; disabledAt: Date | null; passwordHash?: string },
): Promise<StaffAccount | undefined> {
  // An API client's row is never changed here (the rule refuses it first); the condition repeats it.
  const [row] = await tx
    .update(users)
    .set(change)
    .where(and(eq(users.orgId, orgId), eq(users.id, id), ne(users.role, 'api')))
    .returning(columns);
  return row ? toAccount({ ...row, role: change.role }) : undefined;
}
