import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiCallError, type Call } from './api';
import type { AuthStore } from './auth-store';
import { useSharedT } from './i18n';
import { LanguageSelect } from './language-select';

const useStyles = makeStyles({
  page: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: '360px', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' },
  brand: { display: 'flex', flexDirection: 'column' },
});

export type LoginPageProps = {
  /** Under the product name: which app this is. */
  subtitle: string;
  /** The app's signed-in staff member. */
  auth: AuthStore;
  /** The app's REST calls (sign-in goes through them). */
  call: Call;
  /** Shown instead of the form once signed in: typically a redirect to the app's start page. */
  signedIn: ReactNode;
};

export function LoginPage({ subtitle, auth, call, signedIn: whenSignedIn }: LoginPageProps) {
  const styles = useStyles();
  const { t } = useSharedT();
  const signedIn = auth((s) => s.token !== null && s.user !== null);
  const expired = auth((s) => s.expired);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (signedIn) return whenSignedIn;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token, user } = await call('login', { body: { email: email.trim(), password } });
      auth.getState().signIn(token, user);
    } catch (err) {
      if (err instanceof ApiCallError)
        setError(err.status === 401 ? t('login.wrongCredentials') : t('login.failed', { message: err.message }));
      else setError(t('login.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <div className={styles.top}>
          <div className={styles.brand}>
            <Title2 as="h1">{t('app.name')}</Title2>
            <Subtitle1>{subtitle}</Subtitle1>
          </div>
          <LanguageSelect />
        </div>
        <form className={styles.form} onSubmit={submit} noValidate>
          {expired && !error && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('login.expired')}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t('login.email')} required>
            <Input
              data-testid="login-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(_, d) => setEmail(d.value)}
            />
          </Field>
          <Field label={t('login.password')} required>
            <Input
              data-testid="login-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          {error && (
            <MessageBar intent="error" data-testid="login-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <Button data-testid="login-submit" appearance="primary" type="submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </Card>
    </main>
  );
}
