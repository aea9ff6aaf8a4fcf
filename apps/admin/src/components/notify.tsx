import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';

export const TOASTER_ID = 'admin';

/** Short messages after a save or a deletion: success, or what the server said. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const show = useCallback(
    (intent: 'success' | 'error', title: string, body?: string) =>
      dispatchToast(
        <Toast data-testid={`toast-${intent}`}>
          <ToastTitle>{title}</ToastTitle>
          {body && <ToastBody>{body}</ToastBody>}
        </Toast>,
        { intent, timeout: intent === 'error' ? 8000 : 3000 },
      ),
    [dispatchToast],
  );
  return useMemo(
    () => ({ success: (title: string, body?: string) => show('success', title, body), error: (title: string, body?: string) => show('error', title, body) }),
    [show],
  );
}
