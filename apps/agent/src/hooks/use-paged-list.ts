import type { ConversationList, ConversationSummary } from '@switchboard/protocol';
import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';

export type PagedData = InfiniteData<ConversationList, string | undefined>;

/**
 * A list the server sends a page at a time (a cursor, never an offset): the pages loaded so far,
 * the server's total, and `loadMore` for the next page. Refetches (polling, invalidation) reload
 * every page loaded, so "Show more" stays where the agent left it.
 */
export function usePagedList(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<ConversationList>,
  options: { refetchInterval?: number; enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
    refetchIntervalInBackground: false,
    staleTime: options.refetchInterval === undefined ? undefined : 0,
  });
  const seen = new Set<string>();
  // A row that moved between two pages' reads is shown once.
  const items: ConversationSummary[] = (query.data?.pages ?? [])
    .flatMap((p) => p.conversations)
    .filter((c) => !seen.has(c.id) && seen.add(c.id));
  const total = query.data?.pages[0]?.total ?? 0;
  return {
    query,
    items,
    total,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

/** The cached pages without one conversation (it was just taken), its total one less. */
export function withoutItem(data: PagedData | undefined, id: string): PagedData | undefined {
  if (!data) return data;
  const had = data.pages.some((p) => p.conversations.some((c) => c.id === id));
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      conversations: p.conversations.filter((c) => c.id !== id),
      total: had ? Math.max(0, p.total - 1) : p.total,
    })),
  };
}
