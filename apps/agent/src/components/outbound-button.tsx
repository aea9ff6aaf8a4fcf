import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutboundDialog } from './outbound-dialog';

/** Opens the dialog that sends a template to customers by SMS (CH6); each opening starts afresh. */
export function OutboundButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="outbound-open" onClick={() => setOpen(true)}>
        {t('outbound.open')}
      </Button>
      {open && <OutboundDialog onClose={() => setOpen(false)} />}
    </>
  );
}
