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
import type { OutboundJob } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { blankOutbound, resolveDraft, toOutboundJob } from '../lib/outbound-draft';
import { OutboundForm } from './outbound-form';
import { OutboundProgress } from './outbound-progress';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Sending a template to customers (CH6): the form, then, once the server has the job, its
 * progress. The server sends in the background, so closing the dialog does not stop it.
 */
export function OutboundDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const channels = useQuery({ queryKey: ['outbound-channels'], queryFn: () => call('listOutboundChannels') });
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => call('listTemplates') });
  const [chosen, setDraft] = useState(blankOutbound);
  const [job, setJob] = useState<OutboundJob | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = templates.data?.find((m) => m.id === chosen.templateId);
  const draft = resolveDraft(chosen, channels.data ?? [], template, i18n.language);
  const body = toOutboundJob(draft);

  async function send() {
    if (!body) return;
    setSending(true);
    setError(null);
    try {
      setJob(await call('startOutbound', { body }));
    } catch (err) {
      setError(t('outbound.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="outbound-dialog">
        <DialogBody>
          <DialogTitle>{t('outbound.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {job ? (
              <OutboundProgress job={job} />
            ) : (
              <OutboundForm
                draft={draft}
                setDraft={setDraft}
                channels={channels.data}
                templates={templates.data}
                template={template}
              />
            )}
            {error && (
              <MessageBar intent="error" data-testid="outbound-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {job ? (
              <Button data-testid="outbound-close" onClick={onClose}>
                {t('outbound.close')}
              </Button>
            ) : (
              <>
                <Button onClick={onClose}>{t('outbound.cancel')}</Button>
                <Button
                  appearance="primary"
                  data-testid="outbound-send"
                  disabled={!body || sending}
                  onClick={() => void send()}
                >
                  {sending ? t('outbound.sending') : t('outbound.send')}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
