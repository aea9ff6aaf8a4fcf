import { z } from 'zod';

/** What the ongoing list (SV1) can be sorted by, on the server; every sort pages with its own cursor. */
export const ONGOING_SORTS = ['newest', 'wait', 'handle', 'state', 'queue', 'agent', 'channel', 'sentiment'] as const;
export const OngoingSort = z.enum(ONGOING_SORTS, { error: `use one of ${ONGOING_SORTS.join(', ')}` });
export type OngoingSort = z.infer<typeof OngoingSort>;

export const SortDirection = z.enum(['asc', 'desc'], { error: 'use asc or desc' });
export type SortDirection = z.infer<typeof SortDirection>;

/**
 * The direction a sort takes when none is given: the newest and the longest times first, names
 * and states in their order, the unhappiest customer first. Rows without a value (no agent, not
 * accepted, no sentiment yet) come last in either direction.
 */
export const NATURAL_DIRECTION: Readonly<Record<OngoingSort, SortDirection>> = {
  newest: 'desc',
  wait: 'desc',
  handle: 'desc',
  state: 'asc',
  queue: 'asc',
  agent: 'asc',
  channel: 'asc',
  sentiment: 'asc',
};
