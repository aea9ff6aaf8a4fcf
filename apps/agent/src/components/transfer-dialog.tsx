import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import type { TransferRequest } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { useServices } from '../state/services-context';
import { HandoffDialog } from './handoff-dialog';
import { AgentTargets, QueueTargets } from './transfer-targets';

const useStyles = makeStyles({
  // Room for the rows' borders and focus outlines inside the scrolling box.
  list: { maxHeight: '320px', overflowY: 'auto', padding: '2px' },
});

type Props = { conversationId: string; customerName: string; onClose(): void };

/** Transfer (AG5): to an agent of the conversation's queue, who answers, or to another queue for routing. */
export function TransferDialog({ conversationId, customerName, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  // Presence and room change while the dialog is open: read again now and then.
  const options = useQuery({
    queryKey: ['transfer-options', conversationId],
    queryFn: () => call('transferOptions', { params: { id: conversationId } }),
    refetchInterval: 10_000,
    staleTime: 0,
  });
  const [kind, setKind] = useState<'agent' | 'queue'>('agent');
  const [agentId, setAgentId] = useState('');
  const [queueId, setQueueId] = useState('');
  const [note, setNote] = useState('');
  const agent = options.data?.agents.find((a) => a.agentId === agentId && a.available);
  const queue = options.data?.queues.find((q) => q.queueId === queueId);
  const body: TransferRequest | null =
    kind === 'agent'
      ? agent
        ? { kind, agentId: agent.agentId, note: note.trim() }
        : null
      : queue
        ? { kind, queueId: queue.queueId, note: note.trim() }
        : null;
  const send = body
    ? async () => {
        await services.transfer(conversationId, body);
        return body.kind === 'agent'
          ? t('transfer.askedAgent', { name: agent?.name ?? '' })
          : t('transfer.sentToQueue', { name: queue?.name ?? '' });
      }
    : null;

  return (
    <HandoffDialog
      scope="transfer"
      customerName={customerName}
      options={{ ...options, hasData: options.data !== undefined }}
      note={note}
      setNote={setNote}
      send={send}
      onClose={onClose}
    >
      <TabList selectedValue={kind} onTabSelect={(_, d) => setKind(d.value as 'agent' | 'queue')}>
        <Tab value="agent" data-testid="transfer-kind-agent">
          {t('transfer.toAgent')}
        </Tab>
        <Tab value="queue" data-testid="transfer-kind-queue">
          {t('transfer.toQueue')}
        </Tab>
      </TabList>
      {options.data && (
        <div className={styles.list}>
          {kind === 'agent' ? (
            <AgentTargets options={options.data.agents} value={agentId} onChange={setAgentId} />
          ) : (
            <QueueTargets options={options.data.queues} value={queueId} onChange={setQueueId} />
          )}
        </div>
      )}
    </HandoffDialog>
  );
}
