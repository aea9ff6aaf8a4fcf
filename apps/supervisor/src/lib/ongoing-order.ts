import {
  NATURAL_DIRECTION,
  OngoingState,
  SentimentLevel,
  type OngoingRow,
  type OngoingSort,
  type SortDirection,
} from '@switchboard/protocol';
import { rowTimes } from './row-times';

/** How the ongoing list is sorted (SV1): the server pages in it, and a live row is put where it sorts. */
export type OngoingOrder = { sort: OngoingSort; direction: SortDirection };

export const DEFAULT_ORDER: OngoingOrder = { sort: 'newest', direction: NATURAL_DIRECTION.newest };

/**
 * A click on a column's header: sorted by it in its natural direction, then the other way, then
 * back to the newest first.
 */
export function nextOrder(current: OngoingOrder, sort: OngoingSort): OngoingOrder {
  const natural = NATURAL_DIRECTION[sort];
  if (current.sort !== sort) return { sort, direction: natural };
  if (current.direction === natural) return { sort, direction: natural === 'asc' ? 'desc' : 'asc' };
  return DEFAULT_ORDER;
}

/** A row's value under a sort, as the server orders it (store/ongoing-pages.ts); null: none, sorted last. */
function valueOf(row: OngoingRow, sort: OngoingSort, now: number): number | string | null {
  switch (sort) {
    case 'newest':
      return Date.parse(row.createdAt);
    case 'wait':
      return rowTimes(row, now).waitMs;
    case 'handle':
      return row.acceptedAt === null ? null : -Date.parse(row.acceptedAt);
    case 'state':
      return OngoingState.options.indexOf(row.state as OngoingState);
    case 'queue':
      return row.queueName;
    case 'agent':
      return row.agentName;
    case 'channel':
      return row.channel;
    case 'sentiment':
      return row.sentiment === null ? null : SentimentLevel.options.indexOf(row.sentiment);
  }
}

const plain = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders rows as the server does: by the sort's value (none last either way), ties by id the same way. */
export function compareRows(order: OngoingOrder, now: number) {
  const sign = order.direction === 'asc' ? 1 : -1;
  return (x: OngoingRow, y: OngoingRow): number => {
    const [a, b] = [valueOf(x, order.sort, now), valueOf(y, order.sort, now)];
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
      return sign * plain(x.id, y.id);
    }
    return sign * (plain(a, b) || plain(x.id, y.id));
  };
}
