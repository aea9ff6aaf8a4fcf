import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../components/notify';

/**
 * Runs one command at a time and reports a failure as a toast; `pending` says which one runs,
 * so buttons can be disabled while it does.
 */
export function useCommand(failureKey: 'conversation.failed' | 'offer.failed') {
  const { t } = useTranslation();
  const notify = useNotify();
  const [pending, setPending] = useState<string | null>(null);

  async function run(key: string, command: () => Promise<unknown>) {
    setPending(key);
    try {
      await command();
    } catch (err) {
      notify(t(failureKey, { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPending(null);
    }
  }
  return { pending, run };
}
