import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceRefusals } from '../state/workspace-refusals';
import { useNotify } from './notify';

/** Each workspace change the server refused (the session limit), as an error toast, once. */
export function WorkspaceRefusalNotices() {
  const { t } = useTranslation();
  const notify = useNotify();
  const messages = useWorkspaceRefusals((s) => s.messages);
  useEffect(() => {
    if (messages.length === 0) return;
    for (const m of messages) notify(t('sessions.refused', { message: m.message }));
    useWorkspaceRefusals.getState().drop(messages.map((m) => m.key));
  }, [messages, notify, t]);
  return null;
}
