import { Caption1, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';
import { ActionDialog } from './action-dialog';

const useStyles = makeStyles({ why: { display: 'block', color: tokens.colorNeutralForeground3 } });

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

  return (
    <ActionDialog
      testId="transfer-dialog"
      title={t('transfer.title')}
      submitLabel={t('transfer.submit')}
      canSubmit={agentId !== ''}
      onSubmit={() => call('supervisorTransfer', { params: { id }, body: { agentId, note } })}
      onClose={onClose}
      onDone={onDone}
    >
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
        <Textarea data-testid="transfer-note" value={note} maxLength={500} onChange={(_e, d) => setNote(d.value)} />
      </Field>
    </ActionDialog>
  );
}
