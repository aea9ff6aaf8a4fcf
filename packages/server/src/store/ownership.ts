import { and, eq, inArray, ne } from 'drizzle-orm';
import { ENTITY_LABEL } from '../domain/config/labels.js';
import { DomainError } from '../domain/errors.js';
import type { Db } from './db.js';
import { capacityProfiles, customPresences, operatingHours, queues, skills, users, workstreams } from './schema.js';

// Organisations are sealed (X3, docs/features.md): every write names the organisation in its
// condition, and an id that another organisation owns behaves as if it did not exist. The
// services check references against the organisation's own configuration first; these checks are
// the SQL's second line, so a missed check still cannot touch or link another organisation's rows.

const TABLES = {
  skills,
  capacityProfiles,
  presences: customPresences,
  operatingHours,
  queues,
  workstreams,
  users,
} as const;

export type OwnedKind = keyof typeof TABLES;

const LABEL: Record<OwnedKind, string> = ENTITY_LABEL;

/** The error for an id that is not one of the organisation's own: the request changes nothing. */
export const notOfThisOrganisation = (kind: OwnedKind, id: string) =>
  new DomainError('invalid', `${LABEL[kind]} ${id} is not a ${LABEL[kind]} of this organisation`);

/** Throws unless every id is a row of this organisation (missing and foreign ids alike). */
export async function requireOwned(db: Db, orgId: string, kind: OwnedKind, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const t = TABLES[kind];
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), inArray(t.id, wanted)));
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw notOfThisOrganisation(kind, missing);
}

/**
 * The ids among `ids` that another organisation's rows hold. A new row cannot take such an id
 * (ids are unique across organisations), so an import that brings one is refused.
 */
export async function heldElsewhere(
  db: Db,
  orgId: string,
  kind: Exclude<OwnedKind, 'users'>,
  ids: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const t = TABLES[kind];
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(ne(t.orgId, orgId), inArray(t.id, wanted)));
  return rows.map((r) => r.id);
}

/** For upserts: no row came back, so the id is another organisation's and nothing was written. */
export function requireWritten(rows: readonly unknown[], kind: OwnedKind, id: string): void {
  if (rows.length === 0) throw notOfThisOrganisation(kind, id);
}
