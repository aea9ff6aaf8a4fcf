import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInform } from './notify';

const useStyles = makeStyles({
  surface: { maxWidth: '560px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props = {
  /** The i18n block and test id prefix: the transfer and consult dialogs share everything but the targets. */
  scope: 'transfer' | 'consult';
  customerName: string;
  /** The targets as the server gave them: loading, or failed to load. */
  options: { isPending: boolean; isError: boolean; hasData: boolean; error: Error | null; refetch(): unknown };
  note: string;
  setNote(note: string): void;
  /** Null while no target is chosen; else sends and answers what the toast says. */
  send: (() => Promise<string>) | null;
  onClose(): void;
  children: ReactNode;
};

/** What asking someone to take or join a conversation looks like (AG5): targets, a note, the server's refusal. */
export function HandoffDialog({ scope, customerName, options, note, setNote, send, onClose, children }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const inform = useInform();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!send) return;
    setSending(true);
    setError(null);
    try {
      inform(await send());
      onClose();
    } catch (err) {
      setError(t(`${scope}.failed`, { message: err instanceof Error ? err.message : String(err) }));
      // The refusal may come from a change (someone went away): show the lists as they are now.
      void options.refetch();
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid={`${scope}-dialog`}>
        <DialogBody>
          <DialogTitle>{t(`${scope}.title`, { name: customerName })}</DialogTitle>
          <DialogContent className={styles.content}>
            {options.isPending && <Spinner size="small" label={t(`${scope}.loading`)} />}
            {options.isError && !options.hasData && (
              <MessageBar intent="error">
                <MessageBarBody>{t(`${scope}.loadFailed`, { message: options.error?.message ?? '' })}</MessageBarBody>
              </MessageBar>
            )}
            {children}
            <Field label={t(`${scope}.note`)}>
              <Textarea
                data-testid={`${scope}-note`}
                value={note}
                maxLength={500}
                placeholder={t(`${scope}.notePlaceholder`)}
                onChange={(_, d) => setNote(d.value)}
              />
            </Field>
            {error && (
              <MessageBar intent="error" data-testid={`${scope}-error`}>
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t(`${scope}.cancel`)}</Button>
            <Button
              appearance="primary"
              data-testid={`${scope}-submit`}
              disabled={!send || sending}
              onClick={() => void submit()}
            >
              {sending ? t(`${scope}.submitting`) : t(`${scope}.submit`)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
