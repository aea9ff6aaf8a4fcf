import type { ConversationScript, MacroRun } from '@switchboard/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/api';
import { refreshRecords } from '../../hooks/use-records';

export const scriptKey = (conversationId: string) => ['script', conversationId] as const;

/** The conversation's script and its progress (AG7): read on open, so a reload or another tab sees the same. */
export const useConversationScript = (conversationId: string) =>
  useQuery({
    queryKey: scriptKey(conversationId),
    queryFn: () => call('getConversationScript', { params: { id: conversationId } }),
  });

/** The macros an agent may run (AG8), for the Macros menu. */
export const useAgentMacros = () =>
  useQuery({ queryKey: ['macros'], queryFn: () => call('listAgentMacros'), staleTime: 60_000 });

export function useMarkStep(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { scriptId: string; stepId: string; done: boolean }) =>
      call('markScriptStep', {
        params: { id: conversationId, stepId: v.stepId },
        body: { scriptId: v.scriptId, done: v.done },
      }),
    onSuccess: (next: ConversationScript) => queryClient.setQueryData(scriptKey(conversationId), next),
  });
}

/**
 * Runs a macro (AG8), from the menu or a script step (then the step is marked done on success). The
 * records read again afterwards: a macro may have created, linked or resolved a case.
 */
export function useRunMacro(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { macroId: string; scriptId?: string; stepId?: string }) =>
      call('runMacro', {
        params: { id: conversationId, macroId: v.macroId },
        body: v.scriptId && v.stepId ? { scriptId: v.scriptId, stepId: v.stepId } : {},
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: scriptKey(conversationId) });
      void refreshRecords(queryClient);
    },
  });
}

export type { MacroRun };
