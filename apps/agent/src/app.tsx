import { FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { LoginPage } from '@switchboard/web';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { WorkspacePage } from './components/workspace-page';
import { i18n } from './i18n';
import { call } from './api/api';
import { useAuth } from './state/auth-store';

const useStyles = makeStyles({
  // Not on FluentProvider itself: its classes are copied onto every portal (dialogs, toasts).
  root: { height: '100vh', display: 'flex', flexDirection: 'column' },
});

function RequireAuth({ children }: { children: ReactNode }) {
  const signedIn = useAuth((s) => s.token !== null && s.user !== null);
  return signedIn ? children : <Navigate to="/login" replace />;
}

function AgentLoginPage() {
  const { t } = useTranslation();
  return <LoginPage subtitle={t('app.workspace')} auth={useAuth} call={call} signedIn={<Navigate to="/" replace />} />;
}

export function App() {
  const styles = useStyles();
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 2, staleTime: 5_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <FluentProvider theme={webLightTheme}>
          <div className={styles.root}>
            <BrowserRouter basename="/agent">
              <Routes>
                <Route path="/login" element={<AgentLoginPage />} />
                <Route
                  path="/*"
                  element={
                    <RequireAuth>
                      <WorkspacePage />
                    </RequireAuth>
                  }
                />
              </Routes>
            </BrowserRouter>
          </div>
        </FluentProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
