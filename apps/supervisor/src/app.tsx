import { Body1, Card, FluentProvider, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { LoginPage } from '@switchboard/web';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiContext, createSupervisorApi, useApi, type Call } from './api/api';
import { Desk } from './components/desk';
import { i18n, useT } from './i18n';
import { useAuth } from './state/auth-store';
import { LiveContext } from './state/live-context';
import { connectLiveFeed, type LiveFeed } from './state/live-feed';

const useStyles = makeStyles({
  // Not on FluentProvider itself: its classes are copied onto every portal (dialogs, toasts).
  root: { height: '100vh', display: 'flex', flexDirection: 'column' },
  only: { margin: 'auto', maxWidth: '480px', padding: tokens.spacingHorizontalXXL },
});

/** Agents get a page that says where their work is; the API refuses them too. */
function SupervisorsOnly({ name, role }: { name: string; role: string }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <Card className={styles.only} data-testid="supervisors-only">
      <Title2>{t('only.title')}</Title2>
      <Body1>{t('only.body', { name, role })}</Body1>
      <Body1>{t('only.agentHint')}</Body1>
    </Card>
  );
}

/** Signed in as a supervisor or admin: the desk, with its live feed. */
function SignedIn() {
  const token = useAuth((s) => s.token);
  const user = useAuth((s) => s.user);
  const call = useApi();
  const [live, setLive] = useState<LiveFeed | null>(null);
  // The role saved at sign-in may have changed since: ask who we are once per visit.
  const me = useQuery({ queryKey: ['me'], queryFn: () => call('me'), staleTime: Infinity });
  useEffect(() => {
    if (me.data) useAuth.getState().setUser(me.data);
  }, [me.data]);
  const client = useQueryClient();
  useEffect(() => {
    if (!token) return;
    const feed = connectLiveFeed(token, client);
    setLive(feed);
    return () => feed.close();
  }, [token, client]);
  if (!user) return null;
  if (user.role === 'agent') return <SupervisorsOnly name={user.name} role={user.role} />;
  return (
    <LiveContext.Provider value={live}>
      <Desk />
    </LiveContext.Provider>
  );
}

export function SupervisorApp({ call }: { call: Call }) {
  const { t } = useT();
  const token = useAuth((s) => s.token);
  return (
    <ApiContext.Provider value={call}>
      {token ? <SignedIn /> : <LoginPage subtitle={t('app.supervisor')} auth={useAuth} call={call} signedIn={null} />}
    </ApiContext.Provider>
  );
}

export function App() {
  const styles = useStyles();
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  const [call] = useState(() => createSupervisorApi());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <FluentProvider theme={webLightTheme}>
          <div className={styles.root}>
            <SupervisorApp call={call} />
          </div>
        </FluentProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
