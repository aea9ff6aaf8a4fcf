import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SupervisorSwitches } from '@switchboard/protocol';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';
import { useAuth } from '../state/auth-store';
import { useLive } from '../state/live-context';
import { conversationKey, ongoingKey } from '../state/live-feed';
import { AssignDialog } from './assign-dialog';
import { MonitorTranscript } from './monitor-transcript';
import { ForceCloseDialog } from './force-close-dialog';
import { SupervisorComposer } from './supervisor-composer';
import { TransferDialog } from './transfer-dialog';

const useStyles = makeStyles({
  pane: {
    width: '420px',
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: 0,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scroll: { flexGrow: 1, minHeight: 0, overflowY: 'auto' },
});

/** One conversation from the list: watch (SV2), assign (SV4), transfer (SV5), force close (SV6), as allowed. */
export function MonitorPane({ id, switches }: { id: string; switches: SupervisorSwitches }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const live = useLive();
  const me = useAuth((s) => s.user?.id);
  const queryClient = useQueryClient();
  const [monitoring, setMonitoring] = useState(false);
  const [joined, setJoined] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: conversationKey(id),
    queryFn: () => call('getConversation', { params: { id } }),
  });
  // Leaving the conversation (another row, sign-out) ends the watch, so the audit says when it stopped.
  const watching = useRef(false);
  watching.current = monitoring && !joined;
  useEffect(
    () => () => {
      if (watching.current) void call('stopMonitoring', { params: { id }, body: {} }).catch(() => undefined);
    },
    [call, id],
  );

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(t('monitor.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationKey(id) }),
      queryClient.invalidateQueries({ queryKey: ongoingKey }),
    ]);

  if (!detail.data)
    return <aside className={styles.pane}>{detail.isPending && <Spinner label={t('monitor.loading')} />}</aside>;
  const c = detail.data;
  const watchable = (c.state === 'active' || c.state === 'wrap-up') && c.agentId !== me && switches.monitor;
  // SV5: an agent's accepted conversation, or one they left waiting.
  const held = (c.state === 'active' && c.acceptedAt !== null) || c.state === 'waiting';
  const transferable = held && c.agentId !== null && c.agentId !== me;

  return (
    <aside className={styles.pane} data-testid="monitor-pane" data-conversation-id={id} data-state={c.state}>
      <Subtitle1 as="h2">{monitoring ? t('monitor.title', { name: c.customerName }) : c.customerName}</Subtitle1>
      {monitoring && <Caption1 data-testid="monitor-silent">{t('monitor.silent')}</Caption1>}
      {c.state === 'closed' && <Caption1 data-testid="monitor-closed">{t('monitor.closed')}</Caption1>}
      {error && (
        <MessageBar intent="error" data-testid="monitor-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {!monitoring && watchable && (
          <Button
            appearance="primary"
            data-testid="monitor-start"
            onClick={() =>
              void run(async () => {
                await call('monitorConversation', { params: { id }, body: {} });
                await live?.follow(id);
                setMonitoring(true);
                await refresh();
              })
            }
          >
            {t('monitor.start')}
          </Button>
        )}
        {monitoring && !joined && c.state === 'active' && c.acceptedAt !== null && (
          <Button
            data-testid="join"
            onClick={() =>
              void run(async () => {
                await call('joinConversation', { params: { id }, body: {} });
                setJoined(true);
                await refresh();
              })
            }
          >
            {t('join.open')}
          </Button>
        )}
        {monitoring && !joined && (
          <Button
            data-testid="monitor-stop"
            onClick={() =>
              void run(async () => {
                await call('stopMonitoring', { params: { id }, body: {} });
                setMonitoring(false);
              })
            }
          >
            {t('monitor.stop')}
          </Button>
        )}
        {switches.assign && c.state === 'open' && c.agentId === null && (
          <Button data-testid="assign-open" onClick={() => setAssigning(true)}>
            {t('assign.open')}
          </Button>
        )}
        {switches.transfer && transferable && (
          <Button data-testid="transfer-open" onClick={() => setTransferring(true)}>
            {t('transfer.open')}
          </Button>
        )}
        {switches['force-close'] && c.state !== 'closed' && (
          <Button data-testid="force-close" onClick={() => setConfirming(true)}>
            {t('monitor.forceClose')}
          </Button>
        )}
      </div>
      {monitoring && (
        <div className={styles.scroll}>
          <MonitorTranscript events={c.events} sentiments={c.messageSentiments} />
        </div>
      )}
      {joined && <Caption1 data-testid="joined">{t('join.joined')}</Caption1>}
      {joined && c.state !== 'closed' && <SupervisorComposer id={id} canMessageCustomer={c.state === 'active'} />}
      {assigning && (
        <AssignDialog
          id={id}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            void refresh();
          }}
        />
      )}
      {transferring && (
        <TransferDialog
          id={id}
          onClose={() => setTransferring(false)}
          onDone={() => {
            setTransferring(false);
            void refresh();
          }}
        />
      )}
      {confirming && (
        <ForceCloseDialog
          customerName={c.customerName}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            void run(async () => {
              setConfirming(false);
              await call('forceClose', { params: { id }, body: {} });
              setMonitoring(false);
              await refresh();
            })
          }
        />
      )}
    </aside>
  );
}
