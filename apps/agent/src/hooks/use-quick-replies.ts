import { useQuery } from '@tanstack/react-query';
import { call } from '../api/api';

export const quickRepliesKey = ['quick-replies'] as const;

/** The organisation's quick replies and my own (AG4), shared by every composer and the editor. */
export const useQuickReplies = () =>
  useQuery({ queryKey: quickRepliesKey, queryFn: () => call('listQuickReplies'), staleTime: 60_000 });
