import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

export const TOASTER_ID = 'workspace';

/** Shows a short error toast: for commands that failed (accept, end, presence …). */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent: 'error' },
      ),
    [dispatchToast],
  );
}

/** Shows a short toast that is not an error: a transfer asked, answered … */
export function useInform() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, intent: 'success' | 'info' | 'warning' = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle data-testid="toast" data-intent={intent}>
            {message}
          </ToastTitle>
        </Toast>,
        { intent },
      ),
    [dispatchToast],
  );
}
