import type { OngoingFeedMessage, OngoingList, OngoingSubscription } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { LiveContext } from '../state/live-context';
import type { LiveFeed, OngoingWatch } from '../state/live-feed';
import { id, page, row } from '../test/ongoing-rows';
import { renderDesk } from '../test/render';
import { OngoingTable } from './ongoing-table';

/** A live feed the test drives: it keeps what the table subscribed with and pushes messages to it. */
function fakeLive() {
  const state: { subscription: OngoingSubscription | null; watch: OngoingWatch | null } = {
    subscription: null,
    watch: null,
  };
  const live: LiveFeed = {
    follow: async () => true,
    onAlert: () => () => undefined,
    close: () => undefined,
    watchOngoing(subscription, watch) {
      Object.assign(state, { subscription, watch });
      return () => Object.assign(state, { watch: null });
    },
  };
  let seq = 0;
  const send = (patches: OngoingFeedMessage['patches'], total: number) =>
    act(async () => state.watch!.onMessage({ feed: 1, seq: ++seq, total, patches }));
  return { live, state, send };
}

/** The REST list: `pages(query)` answers each call; every call is kept. */
function fakeCall(pages: (query: Record<string, unknown>) => OngoingList) {
  const queries: Record<string, unknown>[] = [];
  const call = vi.fn(async (name: string, input?: { query?: Record<string, unknown> }) => {
    if (name !== 'listOngoing') throw new Error(`unexpected call ${name}`);
    queries.push(input!.query!);
    return pages(input!.query!);
  });
  return { call: call as unknown as Call, queries };
}

function renderTable(call: Call, live: LiveFeed) {
  return renderDesk(
    <LiveContext.Provider value={live}>
      <OngoingTable filters={{}} selectedId={null} onSelect={() => undefined} onSwitches={() => undefined} />
    </LiveContext.Provider>,
    call,
  );
}
const shown = () => screen.queryAllByTestId('ongoing-row').map((r) => r.getAttribute('data-conversation-id'));

describe('the ongoing table (SV1)', () => {
  afterEach(cleanup);

  it('applies the feed to the rows it shows, without reading the list again; a resync reads it', async () => {
    const base = Date.now();
    const { call, queries } = fakeCall(() => page([row(1, {}, base), row(3, {}, base)]));
    const feed = fakeLive();
    renderTable(call, feed.live);
    await waitFor(() => expect(shown()).toEqual([id(1), id(3)]));
    expect(feed.state.subscription).toEqual({ sort: 'newest', direction: 'desc' });

    await feed.send([{ op: 'upsert', row: row(2, {}, base) }], 3);
    await waitFor(() => expect(shown()).toEqual([id(1), id(2), id(3)]));
    expect(screen.getByTestId('ongoing-total').textContent).toBe('3 of 3');
    await feed.send(
      [
        { op: 'remove', id: id(1) },
        { op: 'upsert', row: row(3, { state: 'wrap-up' }, base) },
      ],
      2,
    );
    await waitFor(() => expect(shown()).toEqual([id(2), id(3)]));
    expect(screen.getAllByTestId('ongoing-state').map((b) => b.textContent)).toEqual(['Active', 'Wrap-up']);
    expect(screen.getByTestId('ongoing-total').textContent).toBe('2 of 2');
    expect(queries).toHaveLength(1);

    await act(async () => feed.state.watch!.onResync());
    await waitFor(() => expect(queries).toHaveLength(2));
    await waitFor(() => expect(shown()).toEqual([id(1), id(3)]));
  });

  it('a change that comes during a new read is applied to its answer too, which may predate it', async () => {
    const base = Date.now();
    let answer: (list: OngoingList) => void = () => undefined;
    const { call, queries } = fakeCall(() => page([row(1, {}, base)]));
    const slow = vi.fn(async (name: string, input?: { query?: Record<string, unknown> }) =>
      queries.length === 0 ? call(name as never, input as never) : new Promise<OngoingList>((r) => (answer = r)),
    );
    const feed = fakeLive();
    renderTable(slow as unknown as Call, feed.live);
    await waitFor(() => expect(shown()).toEqual([id(1)]));
    await act(async () => feed.state.watch!.onResync());
    await waitFor(() => expect(slow).toHaveBeenCalledTimes(2));
    await feed.send([{ op: 'upsert', row: row(2, {}, base) }], 2);
    // The read answers with what it saw before the new chat.
    await act(async () => answer(page([row(1, {}, base)])));
    await waitFor(() => expect(shown()).toEqual([id(1), id(2)]));
    expect(screen.getByTestId('ongoing-total').textContent).toBe('2 of 2');
  });

  it('a click on a header asks the server for that sort, then the other way, then the newest first again', async () => {
    const { call, queries } = fakeCall(() => page([row(1)]));
    const feed = fakeLive();
    renderTable(call, feed.live);
    await waitFor(() => expect(shown()).toEqual([id(1)]));
    const sorted = () => [queries.at(-1)!.sort, queries.at(-1)!.direction];

    fireEvent.click(screen.getByTestId('sort-wait'));
    await waitFor(() => expect(sorted()).toEqual(['wait', 'desc']));
    expect(screen.getByTestId('sort-wait').getAttribute('aria-sort')).toBe('descending');
    expect(feed.state.subscription).toMatchObject({ sort: 'wait', direction: 'desc' });
    fireEvent.click(screen.getByTestId('sort-wait'));
    await waitFor(() => expect(sorted()).toEqual(['wait', 'asc']));
    expect(screen.getByTestId('sort-wait').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('sort-wait'));
    await waitFor(() => expect(sorted()).toEqual(['newest', 'desc']));
    fireEvent.click(screen.getByTestId('sort-agent'));
    await waitFor(() => expect(sorted()).toEqual(['agent', 'asc']));
    expect(queries.every((q) => q.cursor === undefined)).toBe(true);
  });

  it('renders only a window of 2,000 rows, follows the scroll, and asks for the next page near the end', async () => {
    const base = Date.now();
    const all = Array.from({ length: 2000 }, (_, n) => row(n, {}, base));
    // The server's pages of 1,000: the second is asked for once the supervisor scrolls near the first's end.
    const { call, queries } = fakeCall((q) =>
      q.cursor === undefined ? page(all.slice(0, 1000), 'c1', 2000) : page(all.slice(1000), null, 2000),
    );
    renderTable(call, fakeLive().live);
    await waitFor(() => expect(shown()[0]).toBe(id(0)));
    expect(shown().length).toBeLessThan(60);
    expect(screen.getByTestId('ongoing-table').getAttribute('aria-rowcount')).toBe('2001');
    expect(screen.getByTestId('ongoing-total').textContent).toBe('1000 of 2000');
    expect(queries).toHaveLength(1);

    const scroller = screen.getByTestId('ongoing-scroll');
    await act(async () => {
      scroller.scrollTop = 500 * 40;
      fireEvent.scroll(scroller);
    });
    expect(shown()).toContain(id(500));
    expect(shown()).not.toContain(id(0));
    expect(shown().length).toBeLessThan(60);
    expect(queries).toHaveLength(1);

    await act(async () => {
      scroller.scrollTop = 980 * 40;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ cursor: 'c1' }));
    await waitFor(() => expect(screen.getByTestId('ongoing-total').textContent).toBe('2000 of 2000'));
    await act(async () => {
      scroller.scrollTop = 1990 * 40;
      fireEvent.scroll(scroller);
    });
    expect(shown()).toContain(id(1999));
    expect(shown().length).toBeLessThan(60);
  });
});
