import { DomainError } from '../errors.js';

/**
 * Opaque list cursors (the staff lists page with a cursor, never an offset, so a row added or
 * closed meanwhile neither repeats nor skips one). A cursor is the sort key of the last row sent,
 * as base64url JSON; timestamps keep their microseconds, so rows of the same millisecond stay apart.
 */
export type ConversationCursor = { createdAt: string; id: string };
/** Pick order (AG10): queue priority, then item priority, then routing age, then id. */
export type PickCursor = { queuePriority: number; priority: number; routingAge: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What the store writes: UTC with microseconds. */
const MICRO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INT = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= 2_147_483_647;
/** A real instant PostgreSQL holds: 2026-02-30 or 24:00 would parse in JS (rolled over) but fail in SQL. */
export function isInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !MICRO_TS.test(v) || v.startsWith('0000')) return false;
  const ms = `${v.slice(0, 23)}Z`;
  const parsed = Date.parse(ms);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString() === ms;
}
const TS = isInstant;
const ID = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

const invalid = (kind: string) =>
  new DomainError(
    'invalid',
    `cursor is not valid: pass back the nextCursor of an earlier page of this ${kind} list, unchanged`,
  );

export function decode(cursor: string, kind: string, length: number): unknown[] {
  const bad = invalid(kind);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw bad;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parts) || parts.length !== length || parts[0] !== kind) throw bad;
  return parts.slice(1);
}

export const encodeConversationCursor = (c: ConversationCursor) => encode(['conversations', c.createdAt, c.id]);

export function decodeConversationCursor(cursor: string): ConversationCursor {
  const [createdAt, id] = decode(cursor, 'conversations', 3);
  if (!TS(createdAt) || !ID(id)) throw invalid('conversations');
  return { createdAt, id };
}

export const encodePickCursor = (c: PickCursor) => encode(['pick', c.queuePriority, c.priority, c.routingAge, c.id]);

export function decodePickCursor(cursor: string): PickCursor {
  const [queuePriority, priority, routingAge, id] = decode(cursor, 'pick', 5);
  if (!INT(queuePriority) || !INT(priority) || !TS(routingAge) || !ID(id)) throw invalid('pick');
  return { queuePriority, priority, routingAge, id };
}
