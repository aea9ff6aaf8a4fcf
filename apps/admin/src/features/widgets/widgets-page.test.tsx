import type { Workstream } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { WEBSITE, createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';
import { embedSnippet } from './widgets-page';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

const PHONE = uuid(22);

/** The demo data plus a second workstream and a widget on it. */
function apiWithTwoWorkstreams() {
  const api = createFakeApi();
  const website = api.state.workstreams[0]!;
  api.state.workstreams.push({ ...website, id: PHONE, name: 'Phone support', routeToQueue: [] } satisfies Workstream);
  api.state.widgets.push({
    id: 'support-chat-k3j9x2',
    title: 'Support chat',
    workstreamId: PHONE,
    allowedSites: ['https://phone.example'],
  });
  return api;
}

const rows = () => screen.getAllByTestId('widget-row');
const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('chat widgets', () => {
  it('lists each widget with its title, workstream and id', async () => {
    renderApp('/widgets', { api: apiWithTwoWorkstreams() });
    await screen.findAllByTestId('widget-row');
    expect(screen.getByTestId('nav-widgets').getAttribute('aria-current')).toBe('page');
    expect(rows().map((r) => [r.getAttribute('data-id'), r.getAttribute('data-title')])).toEqual([
      ['demo', 'Contoso help'],
      ['support-chat-k3j9x2', 'Support chat'],
    ]);
    await waitFor(() =>
      expect(within(row('demo')).getByTestId('widget-workstream-name').textContent).toBe('Website chat'),
    );
    expect(within(row('support-chat-k3j9x2')).getByTestId('widget-workstream-name').textContent).toBe('Phone support');
    expect(within(row('support-chat-k3j9x2')).getByTestId('widget-id').textContent).toBe('support-chat-k3j9x2');
  });

  it('asks before deleting a widget, then deletes it', async () => {
    const api = apiWithTwoWorkstreams();
    renderApp('/widgets', { api });
    await screen.findAllByTestId('widget-row');
    fireEvent.click(within(row('support-chat-k3j9x2')).getByTestId('widget-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('Support chat');
    expect(api.sent('deleteChatWidget')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-id'))).toEqual(['demo']));
    expect(api.calls.filter((c) => c.name === 'deleteChatWidget').map((c) => c.params)).toEqual([
      { widgetId: 'support-chat-k3j9x2' },
    ]);
  });

  it('creates a widget: checks the fields, sends title and workstream, then lists it', async () => {
    const { api } = renderApp('/widgets', { api: apiWithTwoWorkstreams() });
    await screen.findAllByTestId('widget-row');
    fireEvent.click(screen.getByTestId('widget-new'));
    const select = (await screen.findByTestId('widget-workstream')) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose a workstream…'],
      [WEBSITE, 'Website chat'],
      [PHONE, 'Phone support'],
    ]);
    expect(screen.queryByTestId('widget-snippet')).toBeNull();
    fireEvent.click(screen.getByTestId('widget-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(screen.getByText('Choose one.')).toBeTruthy();
    expect(api.sent('createChatWidget')).toHaveLength(0);

    change(screen.getByTestId('widget-title'), 'Sales chat');
    change(select, PHONE);
    fireEvent.click(screen.getByTestId('widget-save'));
    await waitFor(() =>
      expect(rows().map((r) => r.getAttribute('data-title'))).toEqual(['Contoso help', 'Support chat', 'Sales chat']),
    );
    expect(api.sent('createChatWidget')).toEqual([{ title: 'Sales chat', workstreamId: PHONE, allowedSites: [] }]);
    const created = rows()[2]!;
    expect(created.getAttribute('data-id')).toMatch(/^sales-chat-/);
    expect(within(created).getByTestId('widget-workstream-name').textContent).toBe('Phone support');
    expect(screen.queryByTestId('widget-dialog')).toBeNull();
  });

  it('moves a widget to another workstream', async () => {
    const { api } = renderApp('/widgets', { api: apiWithTwoWorkstreams() });
    await screen.findAllByTestId('widget-row');
    fireEvent.click(within(row('demo')).getByTestId('widget-edit'));
    const select = (await screen.findByTestId('widget-workstream')) as HTMLSelectElement;
    expect(select.value).toBe(WEBSITE);
    expect((screen.getByTestId('widget-title') as HTMLInputElement).value).toBe('Contoso help');
    change(select, PHONE);
    fireEvent.click(screen.getByTestId('widget-save'));
    await waitFor(() =>
      expect(api.sent('updateChatWidget')).toEqual([{ title: 'Contoso help', workstreamId: PHONE, allowedSites: [] }]),
    );
    expect(api.calls.find((c) => c.name === 'updateChatWidget')?.params).toEqual({ widgetId: 'demo' });
    await waitFor(() =>
      expect(within(row('demo')).getByTestId('widget-workstream-name').textContent).toBe('Phone support'),
    );
  });

  it('shows the embed code of a widget being edited, and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    renderApp('/widgets');
    fireEvent.click(await screen.findByTestId('widget-edit'));
    const snippet = await screen.findByTestId('widget-snippet');
    const expected = `<script src="${window.location.origin}/widget/loader.js" data-widget-id="demo" async></script>`;
    expect(snippet.textContent).toBe(expected);
    expect(embedSnippet('https://switchboard.example', 'demo')).toBe(
      '<script src="https://switchboard.example/widget/loader.js" data-widget-id="demo" async></script>',
    );
    fireEvent.click(screen.getByTestId('widget-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expected));
    expect((await screen.findByTestId('toast-success')).textContent).toContain('Embed code copied.');
  });

  it('says nothing when the clipboard refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    stubClipboard(writeText);
    renderApp('/widgets');
    fireEvent.click(await screen.findByTestId('widget-edit'));
    fireEvent.click(await screen.findByTestId('widget-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('toast-success')).toBeNull();
    expect(screen.queryByTestId('toast-error')).toBeNull();
    expect(screen.getByTestId('widget-snippet')).toBeTruthy();
  });

  it('shows the server’s 400 message and keeps the dialog open', async () => {
    const api = createFakeApi();
    api.on('createChatWidget', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: `workstream ${WEBSITE} does not exist` },
    }));
    renderApp('/widgets', { api });
    await screen.findByTestId('widget-row');
    fireEvent.click(screen.getByTestId('widget-new'));
    change(await screen.findByTestId('widget-title'), 'Returns');
    change(screen.getByTestId('widget-workstream'), WEBSITE);
    fireEvent.click(screen.getByTestId('widget-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain(`workstream ${WEBSITE} does not exist`);
    expect(api.sent('createChatWidget')).toEqual([{ title: 'Returns', workstreamId: WEBSITE, allowedSites: [] }]);
    expect(screen.getByTestId('widget-dialog')).toBeTruthy();
    expect(rows()).toHaveLength(1);
  });

  it('shows and edits the sites that may embed a widget: one per line, any site when empty', async () => {
    const { api } = renderApp('/widgets', { api: apiWithTwoWorkstreams() });
    await screen.findAllByTestId('widget-row');
    expect(within(row('demo')).getByTestId('widget-sites').textContent).toBe('Any site');
    expect(within(row('support-chat-k3j9x2')).getByTestId('widget-sites').textContent).toBe('https://phone.example');

    fireEvent.click(within(row('demo')).getByTestId('widget-edit'));
    const sites = (await screen.findByTestId('widget-sites-input')) as HTMLTextAreaElement;
    expect(sites.value).toBe('');
    // A path is not a site: the field says so and nothing is sent.
    change(sites, 'https://shop.example/checkout');
    fireEvent.click(screen.getByTestId('widget-save'));
    expect(
      await screen.findByText('Write a site as https://shop.example or http://localhost:8080, without a path.'),
    ).toBeTruthy();
    expect(api.sent('updateChatWidget')).toHaveLength(0);

    change(sites, 'HTTPS://Shop.Example/\n\n  http://localhost:8080  \n');
    expect(sites.value).toBe('HTTPS://Shop.Example/\n\n  http://localhost:8080  \n');
    fireEvent.click(screen.getByTestId('widget-save'));
    await waitFor(() =>
      expect(api.sent('updateChatWidget')).toEqual([
        {
          title: 'Contoso help',
          workstreamId: WEBSITE,
          allowedSites: ['https://shop.example', 'http://localhost:8080'],
        },
      ]),
    );
    await waitFor(() =>
      expect(within(row('demo')).getByTestId('widget-sites').textContent).toBe(
        'https://shop.example, http://localhost:8080',
      ),
    );

    fireEvent.click(within(row('demo')).getByTestId('widget-edit'));
    expect(((await screen.findByTestId('widget-sites-input')) as HTMLTextAreaElement).value).toBe(
      'https://shop.example\nhttp://localhost:8080',
    );
  });
});
