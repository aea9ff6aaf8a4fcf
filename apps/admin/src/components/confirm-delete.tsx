import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../i18n';
import { useNotify } from './notify';

type Pending = { name: string; run: () => Promise<unknown>; after?: () => void };

/**
 * Deleting asks first. When something still refers to the item the server answers 409; its
 * message stays in the dialog, so the admin knows what to change first.
 */
export function useConfirmDelete() {
  const { t } = useT();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setPending(null);
    setError(null);
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await pending.run();
      notify.success(t('delete.done', { name: pending.name }));
      await queryClient.invalidateQueries();
      pending.after?.();
      close();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(message);
      notify.error(t('delete.failed'), message);
    } finally {
      setBusy(false);
    }
  }

  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface data-testid="confirm-delete">
        <DialogBody>
          <DialogTitle>{t('delete.title', { name: pending?.name ?? '' })}</DialogTitle>
          <DialogContent>
            {t('delete.question', { name: pending?.name ?? '' })}
            {error && (
              <MessageBar intent="error" data-testid="delete-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button data-testid="confirm-cancel" onClick={close}>
              {error ? t('common.close') : t('common.cancel')}
            </Button>
            {!error && (
              <Button data-testid="confirm-ok" appearance="primary" disabled={busy} onClick={() => void confirm()}>
                {t('common.delete')}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  return { ask: (p: Pending) => setPending(p), dialog };
}
