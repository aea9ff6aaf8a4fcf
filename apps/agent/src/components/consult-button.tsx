import { Button } from '@fluentui/react-components';
import type { ConversationEvent } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultParts } from '../lib/consult-status';
import { ConsultDialog } from './consult-dialog';

type Props = { conversationId: string; customerName: string; events: readonly ConversationEvent[] };

/** Opens the consult dialog; several colleagues may be asked, one request each. */
export function ConsultButton({ conversationId, customerName, events }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="consult-button" onClick={() => setOpen(true)}>
        {t('consult.button')}
      </Button>
      {open && (
        <ConsultDialog
          conversationId={conversationId}
          customerName={customerName}
          parts={consultParts(events)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
