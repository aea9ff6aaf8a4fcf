import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command';
import type { ConsultPart } from '../lib/consult-status';
import { useServices } from '../state/services-context';

type Props = { conversationId: string; consult: ConsultPart; agentName: string | null };

/** What I may do as a consultant here (AG5), and the way out once I have helped. */
export function ConsultBanner({ conversationId, consult, agentName }: Props) {
  const { t } = useTranslation();
  const services = useServices();
  const command = useCommand('conversation.failed');
  const may = consult.mayMessageCustomer;
  return (
    <MessageBar intent="info" layout="singleline" data-testid="consult-banner" data-may-message-customer={String(may)}>
      <MessageBarBody>
        <MessageBarTitle>{may ? t('consult.banner.mayWrite') : t('consult.banner.notesOnly')}</MessageBarTitle>
        {agentName && t('consult.banner.agent', { name: agentName })}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          data-testid="consult-leave"
          disabled={command.pending !== null}
          onClick={() => void command.run('leave', () => services.leaveConsult(conversationId))}
        >
          {t('consult.leave')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
