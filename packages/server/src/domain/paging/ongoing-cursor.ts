import { Channel, OngoingState, SentimentLevel, type OngoingSort, type SortDirection } from '@switchboard/protocol';
import { DomainError } from '../errors.js';
import { decode, encode, isInstant } from './cursor.js';

/**
 * The ongoing list's cursor (SV1): the sort it came with and the last row's key under it. A key is
 * a time, a number or a rank; for a name, the id of the queue or agent (a name can be long, an id
 * is not; the store reads the name again). The wait sort adds `asOf`, the instant (ms) its waits
 * are measured at: a wait still running grows, so every page measures at the first page's instant.
 */
export type OngoingKey = string | number | null;
export type OngoingCursor = {
  sort: OngoingSort;
  direction: SortDirection;
  asOf: number | null;
  value: OngoingKey;
  id: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isId = (v: unknown) => typeof v === 'string' && UUID.test(v);
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const rankBelow = (n: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** What a key may be under each sort: anything else did not come from us. */
const VALID_KEY: Record<OngoingSort, (v: unknown) => boolean> = {
  newest: isInstant,
  handle: orNull(isInstant),
  wait: (v) => Number.isSafeInteger(v),
  state: rankBelow(OngoingState.options.length),
  sentiment: orNull(rankBelow(SentimentLevel.options.length)),
  channel: (v) => Channel.options.some((c) => c === v),
  queue: orNull(isId),
  agent: orNull(isId),
};

export const encodeOngoingCursor = (c: OngoingCursor) =>
  encode(['ongoing', c.sort, c.direction, c.asOf, c.value, c.id]);

/** The cursor of an earlier page of the list sorted `order`, or a 400 that says what is wrong with it. */
export function decodeOngoingCursor(cursor: string, order: { sort: OngoingSort; direction: SortDirection }) {
  const [sort, direction, asOf, value, id] = decode(cursor, 'ongoing', 6);
  if (sort !== order.sort || direction !== order.direction) {
    throw new DomainError(
      'invalid',
      `cursor is for another sort of the ongoing list: pass back a nextCursor of this sort (${order.sort}, ` +
        `${order.direction}), or no cursor for the first page`,
    );
  }
  const measuredAt = order.sort === 'wait' ? Number.isSafeInteger(asOf) && (asOf as number) >= 0 : asOf === null;
  if (!measuredAt || (asOf as number) > LATEST_MS || !VALID_KEY[order.sort](value) || !isId(id)) {
    throw new DomainError(
      'invalid',
      'cursor is not valid: pass back the nextCursor of an earlier page of this ongoing list, unchanged',
    );
  }
  return { ...order, asOf: asOf as number | null, value: value as OngoingKey, id: id as string };
}
