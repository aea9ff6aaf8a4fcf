import type { OngoingRow } from '@switchboard/protocol';

/**
 * A row's two clocks (SV1): the wait from entering the queue until an agent accepted (still
 * running while nobody has), and the handling since acceptance; null before it.
 */
export function rowTimes(row: Pick<OngoingRow, 'waitingSince' | 'acceptedAt'>, now: number) {
  const waitedFrom = Date.parse(row.waitingSince);
  const accepted = row.acceptedAt === null ? null : Date.parse(row.acceptedAt);
  const waitMs = (accepted !== null && accepted >= waitedFrom ? accepted : now) - waitedFrom;
  return { waitMs: Math.max(0, waitMs), handleMs: accepted === null ? null : Math.max(0, now - accepted) };
}
