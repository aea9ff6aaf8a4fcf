import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  why: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/**
 * Transfer an agent's active conversation to a colleague of its queue (SV5): those who can take it
 * now are selectable, the others say why not. The colleague answers as to any transfer.
 */
export function TransferDialog({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const options = useQuery({
    queryKey: ['transfer-options', id],
    queryFn: () => call('supervisorTransferOptions', { params: { id } }),
  });
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await call('supervisorTransfer', { params: { id }, body: { agentId, note } });
      onDone();
    } catch (err) {
      setError(t('monitor.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface data-testid="transfer-dialog">
        <DialogBody>
          <DialogTitle>{t('transfer.title')}</DialogTitle>
          <DialogContent className={styles.body}>
            <RadioGroup value={agentId} onChange={(_e, d) => setAgentId(d.value)} aria-label={t('transfer.to')}>
              {(options.data?.agents ?? []).map((a) => (
                <Radio
                  key={a.agentId}
                  value={a.agentId}
                  disabled={!a.available}
                  data-testid="transfer-agent"
                  data-name={a.name}
                  label={
                    <span>
                      {a.name} · {t(`presence.${a.presence}`)}
                      {a.reason && <Caption1 className={styles.why}>{a.reason}</Caption1>}
                    </span>
                  }
                />
              ))}
            </RadioGroup>
            {options.isSuccess && options.data.agents.length === 0 && <Caption1>{t('transfer.nobody')}</Caption1>}
            <Field label={t('transfer.note')}>
              <Textarea
                data-testid="transfer-note"
                value={note}
                maxLength={500}
                onChange={(_e, d) => setNote(d.value)}
              />
            </Field>
            {error && (
              <MessageBar intent="error" data-testid="transfer-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('monitor.cancel')}</Button>
            <Button
              appearance="primary"
              data-testid="transfer-submit"
              disabled={busy || agentId === ''}
              onClick={() => void submit()}
            >
              {t('transfer.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
