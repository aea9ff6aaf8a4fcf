import { Button } from '@fluentui/react-components';
import type { ConversationEvent } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingTransfer } from '../lib/transfer-status';
import { TransferDialog } from './transfer-dialog';

type Props = { conversationId: string; customerName: string; events: readonly ConversationEvent[] };

/** Opens the transfer dialog; while an agent is asked, it waits for their answer (one pending transfer at a time). */
export function TransferButton({ conversationId, customerName, events }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const waitingFor = waitingTransfer(events);
  return (
    <>
      <Button
        data-testid="transfer-button"
        disabled={waitingFor !== null}
        title={waitingFor !== null ? t('transfer.waiting', { name: waitingFor }) : undefined}
        onClick={() => setOpen(true)}
      >
        {t('transfer.button')}
      </Button>
      {open && (
        <TransferDialog conversationId={conversationId} customerName={customerName} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
