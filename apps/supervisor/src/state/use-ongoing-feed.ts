import type { OngoingFeedMessage } from '@switchboard/protocol';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Filters } from '../components/ongoing-filters';
import type { OngoingOrder } from '../lib/ongoing-order';
import { applyFeedMessage, type OngoingPages } from '../lib/ongoing-patches';
import { useLive } from './live-context';
import { conversationKey } from './live-feed';

/**
 * Keeps the ongoing list's cached pages live (SV1): each feed message is applied to them, and they
 * are read again when the feed starts or misses a message. Messages that come while a read is under
 * way are applied again to its answer: it may have been read before them.
 */
export function useOngoingFeed(queryKey: QueryKey, filters: Filters, order: OngoingOrder, fetching: boolean) {
  const live = useLive();
  const client = useQueryClient();
  const during = useRef<OngoingFeedMessage[]>([]);
  const keyText = JSON.stringify(queryKey);
  const latest = useRef({ queryKey, filters, order });
  latest.current = { queryKey, filters, order };

  const apply = (message: OngoingFeedMessage) => {
    const { queryKey: key, order: sorted } = latest.current;
    client.setQueryData<OngoingPages>(key, (data) => data && applyFeedMessage(data, message, sorted, Date.now()));
  };

  useEffect(() => {
    if (!live) return;
    const { queryKey: key, filters: f, order: o } = latest.current;
    during.current = [];
    return live.watchOngoing(
      { ...f, ...o },
      {
        onMessage(message) {
          if (client.isFetching({ queryKey: key, exact: true })) during.current.push(message);
          apply(message);
          // An open conversation's pane follows its row: a new state, agent or queue reads it again.
          for (const p of message.patches) {
            const id = p.op === 'upsert' ? p.row.id : p.id;
            void client.invalidateQueries({ queryKey: conversationKey(id), exact: true });
          }
        },
        onResync: () => void client.invalidateQueries({ queryKey: key, exact: true }),
      },
    );
    // The key holds the filters and the order: a new key, a new feed.
  }, [live, client, keyText]);

  useEffect(() => {
    if (fetching || !during.current.length) return;
    const missed = during.current;
    during.current = [];
    for (const message of missed) apply(message);
  }, [fetching]);
}
