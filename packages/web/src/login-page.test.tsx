import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiCallError, type StaffUser } from '@switchboard/protocol';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from './api';
import { createAuthStore } from './auth-store';
import { createI18n, type SharedStrings } from './i18n';
import { LoginPage } from './login-page';

// happy-dom rejects Animation.finished on cancel with nobody listening; Fluent skips motion without it.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

const strings = (name: string): SharedStrings => ({
  app: { name },
  header: { language: 'Language' },
  login: {
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong email or password.',
    failed: 'Sign-in failed: {{message}}',
    unreachable: 'The server cannot be reached.',
    expired: 'Your session has ended.',
  },
});

const { i18n } = createI18n('test.web.language', {
  en: strings('Switchboard'),
  nl: strings('Schakelbord'),
  fr: strings('Standard'),
});
const KEY = 'test.web.auth';
const ADA: StaffUser = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Ada',
  email: 'ada@contoso.example',
  role: 'admin',
} as StaffUser;

function renderLogin(call: Call) {
  const auth = createAuthStore(KEY);
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <LoginPage subtitle="Test app" auth={auth} call={call} signedIn={<p data-testid="home">home</p>} />
      </FluentProvider>
    </I18nextProvider>,
  );
  return auth;
}

function signIn(email: string) {
  fireEvent.change(screen.getByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'secret' } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('the shared sign-in page', () => {
  afterEach(() => {
    cleanup();
    localStorage.removeItem(KEY);
  });

  it('signs in, saves the session under the app key and shows what comes after', async () => {
    const call = vi.fn(async () => ({ token: 't1', user: ADA })) as unknown as Call;
    const auth = renderLogin(call);
    expect(screen.getByText('Test app')).toBeTruthy();
    signIn(' ada@contoso.example ');
    await screen.findByTestId('home');
    expect(call).toHaveBeenCalledWith('login', { body: { email: 'ada@contoso.example', password: 'secret' } });
    expect(auth.getState().token).toBe('t1');
    expect(createAuthStore(KEY).getState().user?.name).toBe('Ada');
  });

  it('says so when the password is wrong, or the server is away', async () => {
    const call = vi
      .fn()
      .mockRejectedValueOnce(new ApiCallError(401, { error: 'Unauthorized', message: 'no' }))
      .mockRejectedValueOnce(new TypeError('offline')) as unknown as Call;
    renderLogin(call);
    signIn('nobody@contoso.example');
    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong email or password.');
    signIn('nobody@contoso.example');
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('The server cannot be reached.'));
  });

  it('switches language and saves the choice', async () => {
    renderLogin(vi.fn() as unknown as Call);
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'nl' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Schakelbord'));
    expect(localStorage.getItem('test.web.language')).toBe('nl');
    expect(document.documentElement.lang).toBe('nl');
  });
});
