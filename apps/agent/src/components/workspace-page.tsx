import { Toaster, makeStyles } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call } from '../api/api';
import { useAuth } from '../state/auth-store';
import { userRead } from '../state/presence-sync';
import { ServicesContext } from '../state/services-context';
import { startWorkspace, type WorkspaceServices } from '../state/workspace-services';
import { AppHeader } from './app-header';
import { ConversationLists } from './conversation-lists';
import { TOASTER_ID } from './notify';
import { NotificationStack } from './notification-stack';
import { SessionArea } from './session-area';
import { TransferNotices } from './transfer-notices';
import { WorkspaceRefusalNotices } from './workspace-refusal-notices';

const useStyles = makeStyles({
  page: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  main: { flexGrow: 1, minHeight: 0, display: 'flex' },
});

export function WorkspacePage() {
  const styles = useStyles();
  const token = useAuth((s) => s.token);
  const userId = useAuth((s) => s.user?.id);
  const queryClient = useQueryClient();
  const [services, setServices] = useState<WorkspaceServices | null>(null);

  // The stored user may be stale (changed elsewhere): refresh it once signed in. Its presence
  // gives way to the socket's push when that came after the read started (presence-sync.ts).
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: async () => ({ startedAt: Date.now(), user: await call('me') }),
    enabled: !!token,
  });
  useEffect(() => {
    if (me.data) userRead(me.data.user, me.data.startedAt);
  }, [me.data]);

  useEffect(() => {
    if (!token || !userId) return;
    const workspace = startWorkspace(token, userId, queryClient);
    setServices(workspace.services);
    return () => {
      workspace.stop();
      setServices(null);
    };
  }, [token, userId, queryClient]);

  if (!services) return null;
  return (
    <ServicesContext.Provider value={services}>
      <div className={styles.page}>
        <AppHeader />
        <main className={styles.main}>
          <ConversationLists />
          <SessionArea />
        </main>
        <NotificationStack />
        <TransferNotices />
        <WorkspaceRefusalNotices />
        <Toaster toasterId={TOASTER_ID} position="bottom-end" />
      </div>
    </ServicesContext.Provider>
  );
}
