import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../state/auth-store';
import { ADA, createFakeApi, staffUser } from '../test/fake-api';
import { renderApp } from '../test/render';

function signIn(email: string, password = 'switchboard') {
  fireEvent.change(screen.getByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('signing in to the admin center', () => {
  afterEach(() => {
    cleanup();
    useAuth.getState().signOut();
  });

  it('lets an admin in, to the workstreams', async () => {
    renderApp('/login', { as: null });
    signIn('ada@contoso.example');
    await screen.findByTestId('workstream-row');
    expect(screen.getByTestId('nav-workstreams').getAttribute('aria-current')).toBe('page');
    const pages = ['widgets', 'queues', 'operating-hours', 'skills', 'capacity-profiles', 'presences', 'users'];
    for (const page of [...pages, 'settings', 'import-export', 'trace']) {
      expect(screen.getByTestId(`nav-${page}`)).toBeTruthy();
    }
  });

  it('speaks Dutch and French', async () => {
    renderApp('/workstreams');
    await screen.findByTestId('workstream-row');
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'nl' } });
    await waitFor(() => expect(screen.getByTestId('nav-workstreams').textContent).toBe('Werkstromen'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Werkstromen');
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'fr' } });
    await waitFor(() => expect(screen.getByTestId('nav-queues').textContent).toBe('Files d’attente'));
    expect(document.documentElement.lang).toBe('fr');
  });

  it('shows an agent the admins-only page, and signing out goes back to sign-in', async () => {
    renderApp('/login', { as: null });
    signIn('alice@contoso.example');
    const page = await screen.findByTestId('admins-only');
    expect(page.textContent).toContain('Admins only');
    expect(page.textContent).toContain('Alice Martin');
    expect(screen.queryByTestId('nav-workstreams')).toBeNull();
    fireEvent.click(screen.getByTestId('sign-out'));
    await screen.findByTestId('login-email');
  });

  it('notices that a saved admin is no longer one', async () => {
    renderApp('/workstreams', { me: staffUser('supervisor', { id: ADA, name: 'Ada Admin' }) });
    expect((await screen.findByTestId('admins-only')).textContent).toContain('Supervisor');
  });

  it('says so when the password is wrong', async () => {
    renderApp('/login', { as: null });
    signIn('nobody@contoso.example');
    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong email or password.');
  });

  it('returns to sign-in when the server no longer accepts the token', async () => {
    const api = createFakeApi();
    api.on('listSkills', () => ({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'expired' } }));
    renderApp('/skills', { api });
    await screen.findByTestId('login-email');
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(useAuth.getState().expired).toBe(true);
  });
});
