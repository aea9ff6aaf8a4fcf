import {
  Button,
  Caption1,
  Checkbox,
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
  Select,
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
  warn: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * Assign an open conversation (SV4): to a person, each shown with what the assignment would
 * override (presence, capacity by how much, the session limit), or to another queue.
 */
export function AssignDialog({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const options = useQuery({
    queryKey: ['assign-options', id],
    queryFn: () => call('assignOptions', { params: { id } }),
  });
  const [target, setTarget] = useState('');
  const [override, setOverride] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agent = options.data?.agents.find((a) => `agent:${a.id}` === target);
  const needsOverride = agent !== undefined && !agent.fits;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const [kind, targetId] = target.split(':') as ['agent' | 'queue', string];
      const body =
        kind === 'agent'
          ? { kind, agentId: targetId, override: needsOverride && override }
          : { kind, queueId: targetId };
      await call('assignConversation', { params: { id }, body });
      onDone();
    } catch (err) {
      setError(t('monitor.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface data-testid="assign-dialog">
        <DialogBody>
          <DialogTitle>{t('assign.title')}</DialogTitle>
          <DialogContent className={styles.body}>
            <RadioGroup value={target} onChange={(_e, d) => setTarget(d.value)} aria-label={t('assign.agents')}>
              {(options.data?.agents ?? []).map((a) => (
                <Radio
                  key={a.id}
                  value={`agent:${a.id}`}
                  disabled={a.refusal !== null}
                  data-testid="assign-agent"
                  data-name={a.name}
                  label={
                    <span>
                      {a.name} · {t(`presence.${a.presence}`)}
                      {a.refusal && <Caption1 className={styles.why}>{a.refusal}</Caption1>}
                      {a.override && <Caption1 className={styles.warn}>{a.override}</Caption1>}
                    </span>
                  }
                />
              ))}
            </RadioGroup>
            <Field label={t('assign.queue')}>
              <Select
                data-testid="assign-queue"
                value={target.startsWith('queue:') ? target : ''}
                onChange={(_e, d) => setTarget(d.value)}
              >
                <option value="">{t('assign.noQueue')}</option>
                {(options.data?.queues ?? []).map((q) => (
                  <option key={q.id} value={`queue:${q.id}`}>
                    {q.name}
                  </option>
                ))}
              </Select>
            </Field>
            {needsOverride && (
              <Checkbox
                data-testid="assign-override"
                checked={override}
                onChange={(_e, d) => setOverride(d.checked === true)}
                label={t('assign.override')}
              />
            )}
            {error && (
              <MessageBar intent="error" data-testid="assign-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('monitor.cancel')}</Button>
            <Button
              appearance="primary"
              data-testid="assign-submit"
              disabled={busy || target === '' || (needsOverride && !override)}
              onClick={() => void submit()}
            >
              {t('assign.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
