import { Id, caseReference, type RecordKind } from '@switchboard/protocol';
import type { Db } from '../../../store/db.js';
import { findRecord } from '../../../store/macro-records.js';

/** A step's record, filled in: it must be an id of the organisation's, else the step fails naming it. */
export async function recordOf(db: Db, orgId: string, kind: RecordKind, ref: string) {
  if (!Id.safeParse(ref).success) return { ok: false as const, reason: `"${ref}" is not a ${kind} id` };
  const row = await findRecord(db, orgId, kind, ref);
  if (!row) return { ok: false as const, reason: `${kind} ${ref} not found` };
  const label = 'number' in row ? `${caseReference(row.number)} ${row.title}` : row.name;
  return { ok: true as const, row, label };
}
