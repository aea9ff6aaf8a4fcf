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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * A supervisor command's dialog (assign, transfer): its choices, then one button that runs it; a
 * refusal shows in the dialog with the server's reason, and the dialog stays for another choice.
 */
export function ActionDialog(props: {
  testId: string;
  title: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit(): Promise<unknown>;
  onClose(): void;
  onDone(): void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit();
      props.onDone();
    } catch (err) {
      setError(t('monitor.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface data-testid={props.testId}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.body}>
            {props.children}
            {error && (
              <MessageBar intent="error" data-testid={`${props.testId}-error`}>
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>{t('monitor.cancel')}</Button>
            <Button
              appearance="primary"
              data-testid={`${props.testId.replace(/-dialog$/, '')}-submit`}
              disabled={busy || !props.canSubmit}
              onClick={() => void submit()}
            >
              {props.submitLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
