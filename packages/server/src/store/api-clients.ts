import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { ApiClientAccount, ApiKey } from '@switchboard/protocol';
import type { Db } from './db.js';
import { apiKeys, organizations, users } from './schema.js';

// API clients (AD1) are users with the role `api`; their keys are rows of api_keys. Every read and
// write names the organisation, and a client is only ever found by its role too, so a person's id
// never reaches these statements' rows.

const isClient = (orgId: string, id: string) => and(eq(users.orgId, orgId), eq(users.id, id), eq(users.role, 'api'));

const clientColumns = { id: users.id, name: users.name, disabledAt: users.disabledAt, createdAt: users.createdAt };
type ClientRow = { id: string; name: string; disabledAt: Date | null; createdAt: Date };

/** The clients with how many keys each has that are not revoked (one grouped read of their keys). */
async function withKeyCounts(db: Db, orgId: string, rows: ClientRow[]): Promise<ApiClientAccount[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ userId: apiKeys.userId, n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.orgId, orgId),
        inArray(
          apiKeys.userId,
          rows.map((r) => r.id),
        ),
        isNull(apiKeys.revokedAt),
      ),
    )
    .groupBy(apiKeys.userId);
  const countOf = new Map(counts.map((c) => [c.userId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt.toISOString(),
    activeKeys: countOf.get(r.id) ?? 0,
  }));
}

type KeyRow = typeof apiKeys.$inferSelect;
const toKey = (k: KeyRow): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** The organisation's API clients, by name. */
export async function listApiClients(db: Db, orgId: string): Promise<ApiClientAccount[]> {
  const rows = await db
    .select(clientColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'api')))
    .orderBy(asc(users.name), asc(users.id));
  return withKeyCounts(db, orgId, rows);
}

export async function getApiClient(db: Db, orgId: string, id: string): Promise<ApiClientAccount | undefined> {
  const rows = await db.select(clientColumns).from(users).where(isClient(orgId, id));
  return (await withKeyCounts(db, orgId, rows))[0];
}

/** The client's row, locked for the transaction (a key is added or it changes); undefined if none such. */
export async function lockApiClient(tx: Db, orgId: string, id: string) {
  const [row] = await tx
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(isClient(orgId, id))
    .for('update');
  return row;
}

export async function insertApiClient(
  tx: Db,
  orgId: string,
  c: { name: string; email: string; passwordHash: string; createdAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({ orgId, role: 'api', capacity: 0, ...c })
    .returning({ id: users.id });
  return row!.id;
}

export async function updateApiClient(
  tx: Db,
  orgId: string,
  id: string,
  change: { name: string; disabledAt: Date | null },
): Promise<boolean> {
  const rows = await tx.update(users).set(change).where(isClient(orgId, id)).returning({ id: users.id });
  return rows.length > 0;
}

/** Undefined when the prefix is taken already (its unique index): the caller draws another key. */
export async function insertApiKey(
  tx: Db,
  k: { orgId: string; userId: string; name: string; prefix: string; secretHash: string; createdAt: Date },
): Promise<ApiKey | undefined> {
  const [row] = await tx.insert(apiKeys).values(k).onConflictDoNothing({ target: apiKeys.prefix }).returning();
  return row ? toKey(row) : undefined;
}

/** A client's keys, newest first. */
export async function listApiKeys(db: Db, orgId: string, userId: string): Promise<ApiKey[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.userId, userId)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toKey);
}

/** Revokes a key of the organisation (a revoked one stays as it was); undefined when it has none such. */
export async function revokeApiKey(db: Db, orgId: string, id: string, at: Date): Promise<ApiKey | undefined> {
  const mine = and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id));
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(mine, isNull(apiKeys.revokedAt)))
    .returning();
  if (revoked) return toKey(revoked);
  const [row] = await db.select().from(apiKeys).where(mine);
  return row ? toKey(row) : undefined;
}

export type ApiKeyState = {
  id: string;
  orgId: string;
  userId: string;
  prefix: string;
  secretHash: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  role: (typeof users.$inferSelect)['role'];
  name: string;
  userDisabledAt: Date | null;
  orgDisabledAt: Date | null;
};

/**
 * Keys by prefix with their client and organisation as they are now: a unique-index lookup and two
 * joins by key, read on every request an API client makes (many at once, see `coalesce`).
 */
export async function findApiKeys(db: Db, prefixes: string[]): Promise<ApiKeyState[]> {
  return db
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      userId: apiKeys.userId,
      prefix: apiKeys.prefix,
      secretHash: apiKeys.secretHash,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      role: users.role,
      name: users.name,
      userDisabledAt: users.disabledAt,
      orgDisabledAt: organizations.disabledAt,
    })
    .from(apiKeys)
    .innerJoin(users, and(eq(users.id, apiKeys.userId), eq(users.orgId, apiKeys.orgId)))
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(inArray(apiKeys.prefix, prefixes));
}

/**
 * Records a key's use unless it was recorded less than `stepMs` ago: the condition holds on the
 * row, so two nodes (or requests) in the same minute write it once.
 */
export async function touchApiKey(db: Db, k: { orgId: string; id: string; at: Date; stepMs: number }) {
  const since = new Date(k.at.getTime() - k.stepMs);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: k.at })
    .where(
      and(
        eq(apiKeys.orgId, k.orgId),
        eq(apiKeys.id, k.id),
        or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, since)),
      ),
    );
}
