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
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TransferRequest } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { useServices } from '../state/services-context';
import { useInform } from './notify';
import { AgentTargets, QueueTargets } from './transfer-targets';

const useStyles = makeStyles({
  surface: { maxWidth: '560px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Room for the rows' borders and focus outlines inside the scrolling box.
  list: { maxHeight: '320px', overflowY: 'auto', padding: '2px' },
});

type Props = { conversationId: string; customerName: string; onClose(): void };

/** Transfer (AG5): to an agent of the conversation's queue, who answers, or to another queue for routing. */
export function TransferDialog({ conversationId, customerName, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const inform = useInform();
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
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
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

  async function submit() {
    if (!body) return;
    setSending(true);
    setError(null);
    try {
      await services.transfer(conversationId, body);
      inform(
        body.kind === 'agent'
          ? t('transfer.askedAgent', { name: agent?.name ?? '' })
          : t('transfer.sentToQueue', { name: queue?.name ?? '' }),
      );
      onClose();
    } catch (err) {
      setError(t('transfer.failed', { message: err instanceof Error ? err.message : String(err) }));
      // The refusal may come from a change (someone went away): show the lists as they are now.
      void options.refetch();
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="transfer-dialog">
        <DialogBody>
          <DialogTitle>{t('transfer.title', { name: customerName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <TabList
              selectedValue={kind}
              onTabSelect={(_, d) => {
                setKind(d.value as 'agent' | 'queue');
                setError(null);
              }}
            >
              <Tab value="agent" data-testid="transfer-kind-agent">
                {t('transfer.toAgent')}
              </Tab>
              <Tab value="queue" data-testid="transfer-kind-queue">
                {t('transfer.toQueue')}
              </Tab>
            </TabList>
            {options.isPending && <Spinner size="small" label={t('transfer.loading')} />}
            {options.isError && !options.data && (
              <MessageBar intent="error">
                <MessageBarBody>{t('transfer.loadFailed', { message: options.error.message })}</MessageBarBody>
              </MessageBar>
            )}
            {options.data && (
              <div className={styles.list}>
                {kind === 'agent' ? (
                  <AgentTargets options={options.data.agents} value={agentId} onChange={setAgentId} />
                ) : (
                  <QueueTargets options={options.data.queues} value={queueId} onChange={setQueueId} />
                )}
              </div>
            )}
            <Field label={t('transfer.note')}>
              <Textarea
                data-testid="transfer-note"
                value={note}
                maxLength={500}
                placeholder={t('transfer.notePlaceholder')}
                onChange={(_, d) => setNote(d.value)}
              />
            </Field>
            {error && (
              <MessageBar intent="error" data-testid="transfer-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('transfer.cancel')}</Button>
            <Button
              appearance="primary"
              data-testid="transfer-submit"
              disabled={!body || sending}
              onClick={() => void submit()}
            >
              {sending ? t('transfer.submitting') : t('transfer.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
