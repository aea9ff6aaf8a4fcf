import type { OngoingFeedMessage, OngoingList, OngoingRow } from '@switchboard/protocol';
import type { InfiniteData } from '@tanstack/react-query';
import { compareRows, type OngoingOrder } from './ongoing-order';

export type OngoingPages = InfiniteData<OngoingList, string | undefined>;

/**
 * The loaded pages of the ongoing list with a feed message applied (SV1): a removed row leaves, an
 * upserted one leaves its place and goes where it now sorts. A row that sorts after every loaded one
 * is kept only when no page follows: the next page brings it otherwise. Every page takes the new total.
 */
export function applyFeedMessage(
  data: OngoingPages,
  message: OngoingFeedMessage,
  order: OngoingOrder,
  now: number,
): OngoingPages {
  const pages = data.pages.map((p) => ({ ...p, conversations: [...p.conversations], total: message.total }));
  const before = compareRows(order, now);
  for (const patch of message.patches) {
    const id = patch.op === 'upsert' ? patch.row.id : patch.id;
    for (const page of pages) {
      const at = page.conversations.findIndex((c) => c.id === id);
      if (at >= 0) page.conversations.splice(at, 1);
    }
    if (patch.op === 'upsert') place(pages, patch.row, (a, b) => before(a, b) < 0);
  }
  return { ...data, pages };
}

function place(pages: OngoingList[], row: OngoingRow, sortsBefore: (a: OngoingRow, b: OngoingRow) => boolean) {
  for (const page of pages) {
    const at = page.conversations.findIndex((c) => sortsBefore(row, c));
    if (at >= 0) return void page.conversations.splice(at, 0, row);
  }
  const last = pages.at(-1);
  if (last && last.nextCursor === null) last.conversations.push(row);
}
