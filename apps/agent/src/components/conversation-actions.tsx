import { Button } from '@fluentui/react-components';
import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command';
import { canClose, canEnd, canPark, canReopen, canResume } from '@switchboard/live';
import { canTransfer } from '../lib/transfer-status';
import { useServices } from '../state/services-context';
import { ConsultButton } from './consult-button';
import { KnowledgeButton } from './knowledge/knowledge-button';
import { TransferButton } from './transfer-button';

type Props = {
  id: string;
  summary: ConversationSummary;
  events: readonly ConversationEvent[];
  me: string | null;
  /** A consultant advises only: the conversation's commands are the primary agent's (AG5). */
  consultant: boolean;
};

/** The header's commands on the conversation: park, resume, transfer, consult, end, close, reopen. */
export function ConversationActions({ id, summary, events, me, consultant }: Props) {
  const { t } = useTranslation();
  const services = useServices();
  const command = useCommand('conversation.failed');
  const busy = command.pending !== null;
  type Action =
    'endConversation' | 'closeConversation' | 'parkConversation' | 'resumeConversation' | 'reopenConversation';
  const run = (action: Action) => command.run(action, () => services[action](id));
  if (consultant) return null;
  // Transfer and consult share their rule: the primary agent of an accepted, active conversation.
  const handsOn = canTransfer(summary, me);

  return (
    <>
      <KnowledgeButton conversationId={id} summary={summary} />
      {canPark(summary) && (
        <Button data-testid="park-conversation" disabled={busy} onClick={() => void run('parkConversation')}>
          {t('conversation.park')}
        </Button>
      )}
      {canResume(summary, me) && (
        <Button
          data-testid="resume-conversation"
          appearance="primary"
          disabled={busy}
          onClick={() => void run('resumeConversation')}
        >
          {t('conversation.resume')}
        </Button>
      )}
      {handsOn && <TransferButton conversationId={id} customerName={summary.customerName} events={events} />}
      {handsOn && <ConsultButton conversationId={id} customerName={summary.customerName} events={events} />}
      {canEnd(summary) && (
        <Button data-testid="end-conversation" disabled={busy} onClick={() => void run('endConversation')}>
          {t('conversation.end')}
        </Button>
      )}
      {canClose(summary) && (
        <Button
          data-testid="close-conversation"
          appearance="primary"
          disabled={busy}
          onClick={() => void run('closeConversation')}
        >
          {t('conversation.close')}
        </Button>
      )}
      {canReopen(summary, me) && (
        <Button
          data-testid="conversation-reopen"
          appearance="primary"
          disabled={busy}
          onClick={() => void run('reopenConversation')}
        >
          {t('conversation.reopen')}
        </Button>
      )}
    </>
  );
}
