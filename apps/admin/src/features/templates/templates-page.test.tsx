import type { MessageTemplate } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi, uuid } from '../../test/fake-api';
import { SAVED_AT } from '../../test/fake-templates';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rows = () => screen.getAllByTestId('template-row');
const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;
const body = (language: string) => screen.getByTestId(`template-body-${language}`) as HTMLTextAreaElement;
const chip = (name: string) =>
  screen.getAllByTestId('template-placeholder').find((c) => c.getAttribute('data-placeholder') === name)!;
const preview = () => screen.getByTestId('template-preview').textContent;

const WELCOME = uuid(71);
const REMINDER = uuid(72);
const welcome: MessageTemplate = {
  id: WELCOME,
  name: 'Welcome',
  bodies: {
    en: 'Hi {customerName}, this is {orgName}.',
    fr: 'Bonjour {customerName}, ici {orgName}.',
  } as MessageTemplate['bodies'],
  updatedAt: SAVED_AT,
};
const reminder: MessageTemplate = {
  id: REMINDER,
  name: 'Reminder',
  bodies: { nl: 'Vergeet uw afspraak niet.' } as MessageTemplate['bodies'],
  updatedAt: SAVED_AT,
};

function apiWithTemplates() {
  const api = createFakeApi();
  api.state.templates.push(structuredClone(welcome), structuredClone(reminder));
  return api;
}

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('message templates (CH6)', () => {
  it('comes after Channels in the navigation and lists each template with the languages it is written in', async () => {
    renderApp('/templates', { api: apiWithTemplates() });
    await screen.findAllByTestId('template-row');
    const nav = screen.getAllByRole('link').map((l) => l.getAttribute('data-testid'));
    expect(nav.indexOf('nav-templates')).toBe(nav.indexOf('nav-channels') + 1);
    expect(screen.getByTestId('nav-templates').getAttribute('aria-current')).toBe('page');
    expect(rows().map((r) => [r.getAttribute('data-name'), r.getAttribute('data-languages')])).toEqual([
      ['Welcome', 'en fr'],
      ['Reminder', 'nl'],
    ]);
    expect(within(row(WELCOME)).getByTestId('template-languages').textContent).toBe('English, French');
    expect(within(row(REMINDER)).getByTestId('template-languages').textContent).toBe('Dutch');
  });

  it('creates a template in two languages: a placeholder goes in at the cursor, the preview fills it in', async () => {
    const { api } = renderApp('/templates');
    expect(await screen.findByText('No templates yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('template-new'));
    fireEvent.click(await screen.findByTestId('template-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(screen.getByText('Write the template in at least one language.')).toBeTruthy();
    expect(api.sent('createTemplate')).toHaveLength(0);

    change(screen.getByTestId('template-name'), ' Appointment ');
    change(body('en'), 'Hello , {agentName} from {orgName} here. Call {channelNumber}.');
    fireEvent.focus(body('en'));
    body('en').setSelectionRange(6, 6);
    fireEvent.click(chip('customerName'));
    expect(body('en').value).toBe('Hello {customerName}, {agentName} from {orgName} here. Call {channelNumber}.');
    expect(body('en').selectionStart).toBe(20);
    expect(preview()).toBe('Hello Emma Janssen, Ada Admin from Contoso here. Call +15005550006.');

    change(body('nl'), 'Hallo  {unknown}');
    fireEvent.focus(body('nl'));
    body('nl').setSelectionRange(6, 6);
    fireEvent.click(chip('customerName'));
    expect(body('nl').value).toBe('Hallo {customerName} {unknown}');
    expect(preview()).toBe('Hallo Emma Janssen {unknown}');
    // French stays empty: not written in French.
    fireEvent.focus(body('fr'));
    expect(preview()).toBe('Nothing written in this language yet.');
    change(body('fr'), '   ');

    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(api.sent('createTemplate')).toHaveLength(1));
    expect(api.sent('createTemplate')[0]).toEqual({
      name: 'Appointment',
      bodies: {
        en: 'Hello {customerName}, {agentName} from {orgName} here. Call {channelNumber}.',
        nl: 'Hallo {customerName} {unknown}',
      },
    });
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-languages'))).toEqual(['en nl']));
    expect(screen.queryByTestId('template-dialog')).toBeNull();
  });

  it('refuses a text longer than an SMS template may be, without sending', async () => {
    const { api } = renderApp('/templates');
    fireEvent.click(await screen.findByTestId('template-new'));
    change(await screen.findByTestId('template-name'), 'Long');
    change(body('fr'), 'x'.repeat(1601));
    fireEvent.click(screen.getByTestId('template-save'));
    expect(await screen.findByText('At most 1600 characters.')).toBeTruthy();
    expect(api.sent('createTemplate')).toHaveLength(0);
  });

  it('edits a template: its texts are filled in, and a language emptied is no longer sent', async () => {
    const { api } = renderApp('/templates', { api: apiWithTemplates() });
    await screen.findAllByTestId('template-row');
    fireEvent.click(within(row(WELCOME)).getByTestId('template-edit'));
    expect(((await screen.findByTestId('template-name')) as HTMLInputElement).value).toBe('Welcome');
    expect([body('en').value, body('nl').value, body('fr').value]).toEqual([
      'Hi {customerName}, this is {orgName}.',
      '',
      'Bonjour {customerName}, ici {orgName}.',
    ]);
    expect(preview()).toBe('Hi Emma Janssen, this is Contoso.');
    change(body('fr'), '');
    change(body('en'), 'Hi {customerName}, {orgName} here.');
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() =>
      expect(api.sent('updateTemplate')).toEqual([
        { name: 'Welcome', bodies: { en: 'Hi {customerName}, {orgName} here.' } },
      ]),
    );
    expect(api.calls.find((c) => c.name === 'updateTemplate')?.params).toEqual({ id: WELCOME });
    await waitFor(() => expect(row(WELCOME).getAttribute('data-languages')).toBe('en'));
  });

  it('asks before deleting a template, then deletes it', async () => {
    const { api } = renderApp('/templates', { api: apiWithTemplates() });
    await screen.findAllByTestId('template-row');
    fireEvent.click(within(row(REMINDER)).getByTestId('template-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('Reminder');
    expect(api.sent('deleteTemplate')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-id'))).toEqual([WELCOME]));
    expect(api.calls.filter((c) => c.name === 'deleteTemplate').map((c) => c.params)).toEqual([{ id: REMINDER }]);
  });

  it('shows the server’s 400 message, puts its issue on the field and keeps the dialog open', async () => {
    const api = createFakeApi();
    api.on('createTemplate', () => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'a template named Welcome exists',
        issues: [{ path: 'body.name', message: 'a template named Welcome exists' }],
      },
    }));
    renderApp('/templates', { api });
    fireEvent.click(await screen.findByTestId('template-new'));
    change(await screen.findByTestId('template-name'), 'Welcome');
    change(body('en'), 'Hi');
    fireEvent.click(screen.getByTestId('template-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain('a template named Welcome exists');
    const name = screen.getByTestId('template-name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(described?.textContent).toBe('a template named Welcome exists');
    expect(body('en').getAttribute('aria-invalid')).not.toBe('true');
    expect(api.sent('createTemplate')).toEqual([{ name: 'Welcome', bodies: { en: 'Hi' } }]);
    expect(screen.getByTestId('template-dialog')).toBeTruthy();
  });
});
