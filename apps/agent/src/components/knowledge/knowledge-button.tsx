import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer } from '@fluentui/react-components';
import type { ConversationSummary } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KnowledgePanel } from './knowledge-panel';

/** The conversation header's "Knowledge" button: the search in a drawer at the side (AG9). */
export function KnowledgeButton({ conversationId, summary }: { conversationId: string; summary: ConversationSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="knowledge-open-panel" onClick={() => setOpen(true)}>
        {t('knowledge.open')}
      </Button>
      <OverlayDrawer position="end" size="medium" open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button appearance="subtle" aria-label={t('knowledge.close')} onClick={() => setOpen(false)}>
                ×
              </Button>
            }
          >
            {t('knowledge.title')}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody>
          <KnowledgePanel conversationId={conversationId} summary={summary} />
        </DrawerBody>
      </OverlayDrawer>
    </>
  );
}
