import type { MacroRun } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenRecord } from '../../hooks/use-open-record';
import { useNotify } from '../notify';
import { useRunMacro } from './use-script';

/**
 * Runs macros for one conversation and keeps each one's last result by a key (a script step, or the
 * menu): what the run asks to open (a case it created) opens in a tab of the session (AG8, AG9).
 */
export function useMacroRunner(conversationId: string) {
  const { t } = useTranslation();
  const notify = useNotify();
  const openRecord = useOpenRecord(conversationId);
  const run = useRunMacro(conversationId);
  const [results, setResults] = useState<Record<string, { name: string; run: MacroRun }>>({});
  const [running, setRunning] = useState<string | null>(null);

  const start = (key: string, macro: { id: string; name: string }, step?: { scriptId: string; stepId: string }) => {
    setRunning(key);
    run.mutate(
      { macroId: macro.id, ...step },
      {
        onSuccess(result) {
          setResults((r) => ({ ...r, [key]: { name: macro.name, run: result } }));
          for (const o of result.open) openRecord(o.kind, o.id, o.label);
        },
        onError: (error) => notify(t('script.runFailed', { message: error.message })),
        onSettled: () => setRunning(null),
      },
    );
  };
  return { start, results, running };
}
