import { FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { LoginPage } from '@switchboard/web';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useParams } from 'react-router';
import { ApiContext, createAdminApi, useApi, type Call } from './api/api';
import { AdminsOnlyPage } from './components/admins-only-page';
import { Layout } from './components/layout';
import { ChannelsPage } from './features/channels/channels-page';
import { CapacityProfilesPage } from './features/capacity-profiles/capacity-profiles-page';
import { ImportExportPage } from './features/import-export/import-export-page';
import { RecordsImportPage } from './features/records-import/records-import-page';
import { OperatingHoursEditorPage, OperatingHoursPage } from './features/operating-hours/operating-hours-page';
import { PresencesPage } from './features/presences/presences-page';
import { QueueEditorPage } from './features/queues/queue-editor';
import { QueuesPage } from './features/queues/queues-page';
import { SettingsPage } from './features/settings/settings-page';
import { SkillsPage } from './features/skills/skills-page';
import { UsersPage } from './features/users/users-page';
import { AgentRoutingPage } from './features/users/agent-routing-editor';
import { TemplatesPage } from './features/templates/templates-page';
import { AutomatedMessagesPage } from './features/automated-messages/automated-messages-page';
import { NotificationTemplatesPage } from './features/notification-templates/notification-templates-page';
import { QuickRepliesPage } from './features/quick-replies/quick-replies-page';
import { KnowledgePage } from './features/knowledge/knowledge-page';
import { DispositionCodesPage } from './features/disposition-codes/disposition-codes-page';
import { MacrosPage } from './features/macros/macros-page';
import { ScriptsPage } from './features/scripts/scripts-page';
import { TracePage } from './features/trace/trace-page';
import { WidgetsPage } from './features/widgets/widgets-page';
import { WorkstreamEditorPage } from './features/workstreams/workstream-editor';
import { WorkstreamsPage } from './features/workstreams/workstreams-page';
import { i18n, useT } from './i18n';
import { useAuth } from './state/auth-store';

const useStyles = makeStyles({
  // Not on FluentProvider itself: its classes are copied onto every portal (dialogs, toasts).
  root: { height: '100vh', display: 'flex', flexDirection: 'column' },
});

function AdminLoginPage() {
  const { t } = useT();
  return (
    <LoginPage subtitle={t('app.adminCenter')} auth={useAuth} call={useApi()} signedIn={<Navigate to="/" replace />} />
  );
}

/** Signed in, and an admin: anyone else gets a page that says so (the API refuses them too). */
function RequireAdmin() {
  const user = useAuth((s) => (s.token ? s.user : null));
  const call = useApi();
  // The role saved at sign-in may have changed since: ask who we are once per visit.
  const me = useQuery({ queryKey: ['me'], queryFn: () => call('me'), enabled: user !== null, staleTime: Infinity });
  useEffect(() => {
    if (me.data) useAuth.getState().setUser(me.data);
  }, [me.data]);
  if (!user) return <Navigate to="/login" replace />;
  if (user.role !== 'admin') return <AdminsOnlyPage />;
  return <Outlet />;
}

function AgentRoutingRedirect() {
  return <Navigate to={`/users/${useParams().id ?? ''}/routing`} replace />;
}

/** The admin center's routes, under whichever router the caller provides (tests use a memory router). */
export function AdminRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<AdminLoginPage />} />
      <Route element={<RequireAdmin />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/workstreams" replace />} />
          <Route path="/workstreams" element={<WorkstreamsPage />} />
          <Route path="/workstreams/:id" element={<WorkstreamEditorPage />} />
          <Route path="/widgets" element={<WidgetsPage />} />
          <Route path="/channels" element={<ChannelsPage />} />
          <Route path="/templates" element={<TemplatesPage />} />
          <Route path="/automated-messages" element={<AutomatedMessagesPage />} />
          <Route path="/notification-templates" element={<NotificationTemplatesPage />} />
          <Route path="/quick-replies" element={<QuickRepliesPage />} />
          <Route path="/knowledge" element={<KnowledgePage />} />
          <Route path="/disposition-codes" element={<DispositionCodesPage />} />
          <Route path="/macros" element={<MacrosPage />} />
          <Route path="/scripts" element={<ScriptsPage />} />
          <Route path="/queues" element={<QueuesPage />} />
          <Route path="/queues/:id" element={<QueueEditorPage />} />
          <Route path="/operating-hours" element={<OperatingHoursPage />} />
          <Route path="/operating-hours/:id" element={<OperatingHoursEditorPage />} />
          <Route path="/skills" element={<SkillsPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/users/:id/routing" element={<AgentRoutingPage />} />
          <Route path="/capacity-profiles" element={<CapacityProfilesPage />} />
          <Route path="/presences" element={<PresencesPage />} />
          {/* The Agents page joined Users (AD1): its old addresses lead there. */}
          <Route path="/agents" element={<Navigate to="/users" replace />} />
          <Route path="/agents/:id" element={<AgentRoutingRedirect />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/import-export" element={<ImportExportPage />} />
          <Route path="/records-import" element={<RecordsImportPage />} />
          <Route path="/trace" element={<TracePage />} />
          <Route path="/trace/:id" element={<TracePage />} />
          <Route path="*" element={<Navigate to="/workstreams" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}

/** Providers shared by the app and its tests. */
export function AdminProviders({ call, children }: { call: Call; children: ReactNode }) {
  const styles = useStyles();
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={call}>
        <QueryClientProvider client={queryClient}>
          <FluentProvider theme={webLightTheme}>
            <div className={styles.root}>{children}</div>
          </FluentProvider>
        </QueryClientProvider>
      </ApiContext.Provider>
    </I18nextProvider>
  );
}

export function App() {
  const [call] = useState(() => createAdminApi());
  return (
    <AdminProviders call={call}>
      <BrowserRouter basename="/admin">
        <AdminRoutes />
      </BrowserRouter>
    </AdminProviders>
  );
}
