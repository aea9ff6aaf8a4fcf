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
