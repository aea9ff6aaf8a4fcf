import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyQuickRepliesDialog } from './my-quick-replies-dialog';

/** Opens the editor of the agent's own quick replies (AG4); each opening starts at the list. */
export function MyQuickRepliesButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" appearance="subtle" data-testid="my-quick-replies-open" onClick={() => setOpen(true)}>
        {t('quickReplies.open')}
      </Button>
      {open && <MyQuickRepliesDialog onClose={() => setOpen(false)} />}
    </>
  );
}
