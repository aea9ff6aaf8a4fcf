import type { QuickReply } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi, uuid } from '../../test/fake-api';
import { SAVED_AT } from '../../test/fake-templates';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rows = () => screen.getAllByTestId('quick-reply-row');
const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;
const body = (language: string) => screen.getByTestId(`quick-reply-body-${language}`) as HTMLTextAreaElement;
const chip = (name: string) =>
  screen.getAllByTestId('quick-reply-placeholder').find((c) => c.getAttribute('data-placeholder') === name)!;
const preview = () => screen.getByTestId('quick-reply-preview').textContent;

const GREETING = uuid(81);
const GOODBYE = uuid(82);
const MINE = uuid(83);
const reply = (id: string, title: string, scope: QuickReply['scope'], bodies: QuickReply['bodies']): QuickReply => ({
  id,
  title,
  scope,
  bodies,
  updatedAt: SAVED_AT,
});

function apiWithReplies() {
  const api = createFakeApi();
  api.state.quickReplies.push(
    reply(GREETING, 'Greeting', 'organisation', { en: 'Hi {customerName}, {agentName} here.', nl: 'Hallo!' }),
    reply(GOODBYE, 'Goodbye', 'organisation', { fr: 'Au revoir {customerName}.' }),
    // The admin's own: edited in the agent workspace, not here.
    reply(MINE, 'My own', 'personal', { en: 'Mine.' }),
  );
  return api;
}

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('organisation quick replies (AG4)', () => {
  it('follow Automated messages in the navigation, listed with their languages, without personal ones', async () => {
    renderApp('/quick-replies', { api: apiWithReplies() });
    await screen.findAllByTestId('quick-reply-row');
    const nav = screen.getAllByRole('link').map((l) => l.getAttribute('data-testid'));
    expect(nav.indexOf('nav-quick-replies')).toBe(nav.indexOf('nav-automated-messages') + 1);
    expect(screen.getByTestId('nav-quick-replies').getAttribute('aria-current')).toBe('page');
    expect(rows().map((r) => [r.getAttribute('data-name'), r.getAttribute('data-languages')])).toEqual([
      ['Greeting', 'en nl'],
      ['Goodbye', 'fr'],
    ]);
    expect(within(row(GREETING)).getByTestId('quick-reply-languages').textContent).toBe('English, Dutch');
  });

  it('creates one: a placeholder goes in at the cursor, the preview fills it, empty languages stay out', async () => {
    const { api } = renderApp('/quick-replies');
    expect(await screen.findByText('No quick replies yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('quick-reply-new'));
    fireEvent.click(await screen.findByTestId('quick-reply-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(screen.getByText('Write the quick reply in at least one language.')).toBeTruthy();
    expect(api.sent('createOrgQuickReply')).toHaveLength(0);

    expect(screen.getAllByTestId('quick-reply-placeholder').map((c) => c.textContent)).toEqual([
      '{customerName}',
      '{agentName}',
      '{queue}',
    ]);
    change(screen.getByTestId('quick-reply-title'), ' Greeting ');
    change(body('en'), 'Hello {customerName}, {agentName} of  here.');
    fireEvent.focus(body('en'));
    body('en').setSelectionRange(37, 37);
    fireEvent.click(chip('queue'));
    expect(body('en').value).toBe('Hello {customerName}, {agentName} of {queue} here.');
    expect(body('en').selectionStart).toBe(44);
    expect(preview()).toBe('Hello Emma Janssen, Ada Admin of Support here.');
    change(body('nl'), '  ');

    fireEvent.click(screen.getByTestId('quick-reply-save'));
    await waitFor(() => expect(api.sent('createOrgQuickReply')).toHaveLength(1));
    expect(api.sent('createOrgQuickReply')[0]).toEqual({
      title: 'Greeting',
      bodies: { en: 'Hello {customerName}, {agentName} of {queue} here.' },
    });
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['Greeting']));
    expect(screen.queryByTestId('quick-reply-dialog')).toBeNull();
  });

  it('edits one: its texts are filled in, and a language emptied is no longer sent', async () => {
    const { api } = renderApp('/quick-replies', { api: apiWithReplies() });
    await screen.findAllByTestId('quick-reply-row');
    fireEvent.click(within(row(GREETING)).getByTestId('quick-reply-edit'));
    expect(((await screen.findByTestId('quick-reply-title')) as HTMLInputElement).value).toBe('Greeting');
    expect([body('en').value, body('nl').value, body('fr').value]).toEqual([
      'Hi {customerName}, {agentName} here.',
      'Hallo!',
      '',
    ]);
    change(body('nl'), '');
    fireEvent.click(screen.getByTestId('quick-reply-save'));
    await waitFor(() =>
      expect(api.sent('updateOrgQuickReply')).toEqual([
        { title: 'Greeting', bodies: { en: 'Hi {customerName}, {agentName} here.' } },
      ]),
    );
    expect(api.calls.find((c) => c.name === 'updateOrgQuickReply')?.params).toEqual({ id: GREETING });
    await waitFor(() => expect(row(GREETING).getAttribute('data-languages')).toBe('en'));
  });

  it('asks before deleting one, then deletes it', async () => {
    const { api } = renderApp('/quick-replies', { api: apiWithReplies() });
    await screen.findAllByTestId('quick-reply-row');
    fireEvent.click(within(row(GOODBYE)).getByTestId('quick-reply-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('Goodbye');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-id'))).toEqual([GREETING]));
    expect(api.calls.filter((c) => c.name === 'deleteOrgQuickReply').map((c) => c.params)).toEqual([{ id: GOODBYE }]);
  });

  it('shows the server’s refusal of an unknown placeholder and keeps the dialog open', async () => {
    const api = createFakeApi();
    const message = 'the en text names {orderId}, which is not a placeholder: use {customerName}, {agentName}, {queue}';
    api.on('createOrgQuickReply', () => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message } }));
    renderApp('/quick-replies', { api });
    fireEvent.click(await screen.findByTestId('quick-reply-new'));
    change(await screen.findByTestId('quick-reply-title'), 'Order');
    change(body('en'), 'Your order {orderId}');
    expect(preview()).toBe('Your order {orderId}');
    fireEvent.click(screen.getByTestId('quick-reply-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain('{orderId}');
    expect(screen.getByTestId('quick-reply-dialog')).toBeTruthy();
    expect(api.state.quickReplies).toEqual([]);
  });
});
