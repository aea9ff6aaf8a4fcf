import type { WrapUpForm } from '@switchboard/protocol';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../api/api';
import { timelinesPort } from '../state/timelines-store';

export const dispositionCodesKey = ['disposition-codes'] as const;

/** The organisation's disposition codes (AG4): admins keep the list, it seldom changes. */
export const useDispositionCodes = (enabled: boolean) =>
  useQuery({
    queryKey: dispositionCodesKey,
    queryFn: () => call('listDispositionCodes'),
    staleTime: 60_000,
    enabled,
  });

/** Saves the wrap-up form; the conversation's timeline keeps what the server saved, for when the panel shows again. */
export function useSaveWrapUp(conversationId: string) {
  return useMutation({
    mutationFn: (form: WrapUpForm) => call('saveWrapUp', { params: { id: conversationId }, body: form }),
    onSuccess(saved) {
      const entry = timelinesPort.get(conversationId);
      if (entry?.status === 'ready') timelinesPort.set(conversationId, { ...entry, wrapUp: saved });
    },
  });
}
