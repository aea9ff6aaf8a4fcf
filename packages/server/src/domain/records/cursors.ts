import { DomainError } from '../errors.js';
import { decode, encode, isInstant } from '../paging/cursor.js';

// The records lists' cursors (AG9, CV4), as opaque as the staff lists' (domain/paging/cursor.ts).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const invalid = (kind: string) =>
  new DomainError('invalid', `cursor is not valid: pass back the nextCursor of an earlier page of this ${kind} list`);

/** Contacts and accounts page by name: the last row's id (its name is read back by the query). */
export const encodeIdCursor = (kind: 'contacts' | 'accounts', id: string) => encode([kind, id]);
export function decodeIdCursor(kind: 'contacts' | 'accounts', cursor: string): { id: string } {
  const [id] = decode(cursor, kind, 2);
  if (!isId(id)) throw invalid(kind);
  return { id };
}

/** Cases and the timeline page newest first: the last row's time (with microseconds) and id. */
export const encodeTimeCursor = (kind: 'cases' | 'timeline', at: string, id: string) => encode([kind, at, id]);
export function decodeTimeCursor(kind: 'cases' | 'timeline', cursor: string): { at: string; id: string } {
  const [at, id] = decode(cursor, kind, 3);
  if (!isInstant(at) || !isId(id)) throw invalid(kind);
  return { at, id };
}
