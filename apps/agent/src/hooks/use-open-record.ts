import { WORKSPACE_LIMITS } from '@switchboard/protocol';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../components/notify';
import { openRecordTab, type RecordKind } from '../state/session-tabs';

/** Opens a record in a tab of the conversation's session (AG9); says so when the session is full. */
export function useOpenRecord(conversationId: string) {
  const { t } = useTranslation();
  const notify = useNotify();
  return useCallback(
    (kind: RecordKind, id: string, title: string) => {
      if (openRecordTab(conversationId, kind, id, title) === 'full')
        notify(t('records.tabsFull', { max: WORKSPACE_LIMITS.tabsPerSession }));
    },
    [conversationId, notify, t],
  );
}
