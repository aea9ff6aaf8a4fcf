import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rows = () => screen.getAllByTestId('disposition-code-row');
const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;
const listed = () => rows().map((r) => [r.getAttribute('data-name'), r.getAttribute('data-active')]);

const RESOLVED = uuid(61);
const ESCALATED = uuid(62);
const CALLBACK = uuid(63);

function apiWithCodes() {
  const api = createFakeApi();
  api.state.dispositionCodes.push(
    { id: RESOLVED, name: 'Resolved', active: true },
    { id: ESCALATED, name: 'Escalated', active: true },
    { id: CALLBACK, name: 'Callback requested', active: false },
  );
  api.state.usedDispositionCodes.push(RESOLVED);
  return api;
}

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('disposition codes (AG4)', () => {
  it('follow Quick replies in the navigation, by name, retired ones marked', async () => {
    renderApp('/disposition-codes', { api: apiWithCodes() });
    await screen.findAllByTestId('disposition-code-row');
    const nav = screen.getAllByRole('link').map((l) => l.getAttribute('data-testid'));
    expect(nav.indexOf('nav-disposition-codes')).toBe(nav.indexOf('nav-quick-replies') + 1);
    expect(screen.getByTestId('nav-disposition-codes').getAttribute('aria-current')).toBe('page');
    expect(listed()).toEqual([
      ['Callback requested', 'false'],
      ['Escalated', 'true'],
      ['Resolved', 'true'],
    ]);
    expect(within(row(CALLBACK)).getByTestId('disposition-code-status').textContent).toBe('Retired');
    expect(within(row(RESOLVED)).getByTestId('disposition-code-status').textContent).toBe('Offered');
  });

  it('creates one, offered unless switched off; a name is required', async () => {
    const { api } = renderApp('/disposition-codes');
    expect(await screen.findByText('No disposition codes yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('disposition-code-new'));
    fireEvent.click(await screen.findByTestId('disposition-code-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(api.sent('createDispositionCode')).toHaveLength(0);
    expect((screen.getByTestId('disposition-code-active') as HTMLInputElement).checked).toBe(true);
    change(screen.getByTestId('disposition-code-name'), ' Follow-up needed ');
    fireEvent.click(screen.getByTestId('disposition-code-save'));
    await waitFor(() =>
      expect(api.sent('createDispositionCode')).toEqual([{ name: 'Follow-up needed', active: true }]),
    );
    await waitFor(() => expect(listed()).toEqual([['Follow-up needed', 'true']]));
  });

  it('retires one by switching it off', async () => {
    const { api } = renderApp('/disposition-codes', { api: apiWithCodes() });
    await screen.findAllByTestId('disposition-code-row');
    fireEvent.click(within(row(ESCALATED)).getByTestId('disposition-code-edit'));
    expect(((await screen.findByTestId('disposition-code-name')) as HTMLInputElement).value).toBe('Escalated');
    fireEvent.click(screen.getByTestId('disposition-code-active'));
    fireEvent.click(screen.getByTestId('disposition-code-save'));
    await waitFor(() => expect(api.sent('updateDispositionCode')).toEqual([{ name: 'Escalated', active: false }]));
    expect(api.calls.find((c) => c.name === 'updateDispositionCode')?.params).toEqual({ id: ESCALATED });
    await waitFor(() => expect(row(ESCALATED).getAttribute('data-active')).toBe('false'));
  });

  it('deletes an unused one; a used one stays, with the server’s advice to retire it', async () => {
    const { api } = renderApp('/disposition-codes', { api: apiWithCodes() });
    await screen.findAllByTestId('disposition-code-row');
    fireEvent.click(within(row(ESCALATED)).getByTestId('disposition-code-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('Escalated');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-id'))).toEqual([CALLBACK, RESOLVED]));

    fireEvent.click(within(row(RESOLVED)).getByTestId('disposition-code-delete'));
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    expect((await screen.findByTestId('delete-error')).textContent).toContain('retire it instead');
    expect(rows().map((r) => r.getAttribute('data-id'))).toEqual([CALLBACK, RESOLVED]);
    expect(api.calls.filter((c) => c.name === 'deleteDispositionCode').map((c) => c.params)).toEqual([
      { id: ESCALATED },
      { id: RESOLVED },
    ]);
  });

  it('shows a name already taken as the server says it, and keeps the dialog open', async () => {
    renderApp('/disposition-codes', { api: apiWithCodes() });
    fireEvent.click(await screen.findByTestId('disposition-code-new'));
    change(await screen.findByTestId('disposition-code-name'), 'Resolved');
    fireEvent.click(screen.getByTestId('disposition-code-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain('already exists');
    expect(screen.getByTestId('disposition-code-dialog')).toBeTruthy();
  });
});
