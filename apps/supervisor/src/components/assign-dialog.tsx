import { Caption1, Checkbox, Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';
import { ActionDialog } from './action-dialog';

const useStyles = makeStyles({
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
  const agent = options.data?.agents.find((a) => `agent:${a.id}` === target);
  const needsOverride = agent !== undefined && !agent.fits;

  function submit() {
    const [kind, targetId] = target.split(':') as ['agent' | 'queue', string];
    const body =
      kind === 'agent' ? { kind, agentId: targetId, override: needsOverride && override } : { kind, queueId: targetId };
    return call('assignConversation', { params: { id }, body });
  }

  return (
    <ActionDialog
      testId="assign-dialog"
      title={t('assign.title')}
      submitLabel={t('assign.submit')}
      canSubmit={target !== '' && (!needsOverride || override)}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
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
    </ActionDialog>
  );
}
