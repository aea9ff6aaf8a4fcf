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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import type { ConsultPart } from '../lib/consult-status';
import { useServices } from '../state/services-context';
import { ConsultTargets, consultPeople } from './consult-targets';
import { useInform } from './notify';

const useStyles = makeStyles({
  surface: { maxWidth: '560px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props = { conversationId: string; customerName: string; parts: readonly ConsultPart[]; onClose(): void };

/** Consult (AG5): ask a colleague of the queue or a supervisor to join; they advise in notes. */
export function ConsultDialog({ conversationId, customerName, parts, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const inform = useInform();
  // Presence and room change while the dialog is open: read again now and then.
  const options = useQuery({
    queryKey: ['consult-options', conversationId],
    queryFn: () => call('consultOptions', { params: { id: conversationId } }),
    refetchInterval: 10_000,
    staleTime: 0,
  });
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = options.data ? consultPeople(options.data, parts, t('consult.alreadyAsked')) : null;
  const chosen = list && [...list.agents, ...list.supervisors].find((p) => p.id === userId && p.available);

  async function submit() {
    if (!chosen) return;
    setSending(true);
    setError(null);
    try {
      await services.consult(conversationId, { userId: chosen.id, note: note.trim() });
      inform(t('consult.asked', { name: chosen.name }));
      onClose();
    } catch (err) {
      setError(t('consult.failed', { message: err instanceof Error ? err.message : String(err) }));
      // The refusal may come from a change (someone went away): show the lists as they are now.
      void options.refetch();
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="consult-dialog">
        <DialogBody>
          <DialogTitle>{t('consult.title', { name: customerName })}</DialogTitle>
          <DialogContent className={styles.content}>
            {options.isPending && <Spinner size="small" label={t('consult.loading')} />}
            {options.isError && !options.data && (
              <MessageBar intent="error">
                <MessageBarBody>{t('consult.loadFailed', { message: options.error.message })}</MessageBarBody>
              </MessageBar>
            )}
            {list && <ConsultTargets people={list} value={userId} onChange={setUserId} />}
            <Field label={t('consult.note')}>
              <Textarea
                data-testid="consult-note"
                value={note}
                maxLength={500}
                placeholder={t('consult.notePlaceholder')}
                onChange={(_, d) => setNote(d.value)}
              />
            </Field>
            {error && (
              <MessageBar intent="error" data-testid="consult-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('consult.cancel')}</Button>
            <Button
              appearance="primary"
              data-testid="consult-submit"
              disabled={!chosen || sending}
              onClick={() => void submit()}
            >
              {sending ? t('consult.submitting') : t('consult.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
