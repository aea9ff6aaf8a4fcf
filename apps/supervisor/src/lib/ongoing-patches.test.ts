import { describe, expect, it } from 'vitest';
import { id, page, row } from '../test/ongoing-rows';
import { DEFAULT_ORDER } from './ongoing-order';
import { applyFeedMessage, type OngoingPages } from './ongoing-patches';

const now = Date.parse('2026-06-01T12:00:00Z');
const loaded = (pages: ReturnType<typeof page>[]): OngoingPages => ({ pages, pageParams: pages.map(() => undefined) });
const names = (data: OngoingPages) => data.pages.map((p) => p.conversations.map((c) => c.customerName.slice(9)));
const message = (patches: Parameters<typeof applyFeedMessage>[1]['patches'], total: number) => ({
  feed: 1,
  seq: 1,
  total,
  patches,
});

describe('a feed message on the loaded pages (SV1)', () => {
  it('puts a new row where it sorts, moves a changed one, drops a removed one, and takes the total', () => {
    const data = loaded([page([row(1, {}, now), row(3, {}, now)], 'c1', 9), page([row(5, {}, now)], null, 9)]);
    const next = applyFeedMessage(
      data,
      message(
        [
          { op: 'upsert', row: row(2, {}, now) },
          { op: 'remove', id: id(1) },
          { op: 'upsert', row: row(5, { createdAt: new Date(now).toISOString() }, now) },
          { op: 'upsert', row: row(9, {}, now) },
        ],
        11,
      ),
      DEFAULT_ORDER,
      now,
    );
    // Newest first: 5 now started last of all, 9 the oldest goes at the end (no page follows).
    expect(names(next)).toEqual([['5', '2', '3'], ['9']]);
    expect(next.pages.map((p) => p.total)).toEqual([11, 11]);
    expect(names(data)).toEqual([['1', '3'], ['5']]);
  });

  it('keeps out a row that sorts after every loaded one while a page follows: that page brings it', () => {
    const data = loaded([page([row(1, {}, now), row(2, {}, now)], 'c1', 5)]);
    const next = applyFeedMessage(data, message([{ op: 'upsert', row: row(8, {}, now) }], 6), DEFAULT_ORDER, now);
    expect(names(next)).toEqual([['1', '2']]);
    expect(next.pages[0]!.total).toBe(6);
    const asc = applyFeedMessage(
      data,
      message([{ op: 'upsert', row: row(8, {}, now) }], 6),
      {
        sort: 'newest',
        direction: 'asc',
      },
      now,
    );
    expect(names(asc)).toEqual([['8', '1', '2']]);
  });
});
