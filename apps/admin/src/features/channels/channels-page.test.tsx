import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { ACCOUNT_SID, TELESIGN_ID, TWILIO_ID, apiWithChannels } from '../../test/channel-fixtures';
import { WEBSITE } from '../../test/fake-api';
import { webhookUrlOf } from '../../test/fake-channels';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rows = () => screen.getAllByTestId('channel-row');
const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;
const input = (key: string) => screen.getByTestId(`channel-config-${key}`) as HTMLInputElement;
const secretsOf = (r: HTMLElement) =>
  within(r)
    .getAllByTestId('channel-secret')
    .map((b) => [b.getAttribute('data-field'), b.textContent]);

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('channels', () => {
  it('lists each channel with provider, numbers, workstream, webhook URL and which secrets are set', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/channels', { api: apiWithChannels() });
    await screen.findAllByTestId('channel-row');
    expect(screen.getByTestId('nav-channels').getAttribute('aria-current')).toBe('page');
    expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['Support SMS', 'Sales SMS']);

    const twilio = row(TWILIO_ID);
    expect(within(twilio).getByTestId('channel-provider-name').textContent).toBe('Twilio');
    expect(within(twilio).getByTestId('channel-numbers').textContent).toBe('+31612345678, +3197010250001');
    await waitFor(() => expect(within(twilio).getByTestId('channel-workstream-name').textContent).toBe('Website chat'));
    expect(within(twilio).getByTestId('channel-webhook-url').textContent).toBe(webhookUrlOf('twilio', TWILIO_ID));
    expect(secretsOf(twilio)).toEqual([['authToken', 'Auth token: set']]);
    const telesign = row(TELESIGN_ID);
    expect(within(telesign).getByTestId('channel-provider-name').textContent).toBe('TeleSign');
    expect(secretsOf(telesign)).toEqual([['apiKey', 'API key: not set']]);

    const help = screen.getByTestId('channel-webhook-help').textContent;
    expect(help).toContain('Twilio: the number’s or messaging service’s “A message comes in” webhook.');
    expect(help).toContain('TeleSign: the MO and delivery-report callback URL.');
    expect(help).toContain(
      'Azure: an Event Grid subscription of type Web Hook for SMS Received and SMS Delivery Report.',
    );

    fireEvent.click(within(telesign).getByTestId('channel-webhook-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(webhookUrlOf('telesign', TELESIGN_ID)));
    expect((await screen.findByTestId('toast-success')).textContent).toContain('Webhook URL copied.');
  });

  it('creates a Twilio channel: numbers as a list, empty optional fields as null, no empty secret', async () => {
    const { api } = renderApp('/channels');
    expect(await screen.findByText('No channels yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('channel-new'));
    fireEvent.click(await screen.findByTestId('channel-save'));
    // Name, workstream, account SID and auth token are missing; nothing is sent.
    expect(await screen.findAllByText('Required.')).toHaveLength(3);
    expect(screen.getByText('Choose one.')).toBeTruthy();
    expect(api.sent('createChannel')).toHaveLength(0);

    change(screen.getByTestId('channel-name'), 'Support SMS');
    change(screen.getByTestId('channel-workstream'), WEBSITE);
    change(input('accountSid'), ` ${ACCOUNT_SID} `);
    change(input('authToken'), 'f00dfeed');
    change(input('numbers'), '+31612345678\n\n  4567 \n');
    expect(input('authToken').type).toBe('password');
    fireEvent.click(screen.getByTestId('channel-save'));
    await waitFor(() => expect(api.sent('createChannel')).toHaveLength(1));
    expect(api.sent('createChannel')[0]).toEqual({
      name: 'Support SMS',
      provider: 'twilio',
      workstreamId: WEBSITE,
      config: {
        accountSid: ACCOUNT_SID,
        authToken: 'f00dfeed',
        numbers: ['+31612345678', '4567'],
        messagingServiceSid: null,
        apiBaseUrl: null,
      },
    });
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['Support SMS']));
    expect(screen.queryByTestId('channel-dialog')).toBeNull();
  });

  it('asks for the chosen provider’s fields and leaves out an Azure webhook secret left empty', async () => {
    const { api } = renderApp('/channels');
    fireEvent.click(await screen.findByTestId('channel-new'));
    change(await screen.findByTestId('channel-provider'), 'telesign');
    expect(screen.queryByTestId('channel-config-accountSid')).toBeNull();
    expect((input('messageType') as unknown as HTMLSelectElement).value).toBe('ARN');
    expect(input('customerId')).toBeTruthy();

    change(screen.getByTestId('channel-provider'), 'acs');
    change(screen.getByTestId('channel-name'), 'Azure SMS');
    change(screen.getByTestId('channel-workstream'), WEBSITE);
    change(input('connectionString'), 'endpoint=https://contoso.communication.azure.com/;accesskey=a2V5');
    change(input('numbers'), '+18445550100');
    fireEvent.click(screen.getByTestId('channel-save'));
    await waitFor(() => expect(api.sent('createChannel')).toHaveLength(1));
    expect(api.sent('createChannel')[0]).toEqual({
      name: 'Azure SMS',
      provider: 'acs',
      workstreamId: WEBSITE,
      config: {
        connectionString: 'endpoint=https://contoso.communication.azure.com/;accesskey=a2V5',
        numbers: ['+18445550100'],
        apiBaseUrl: null,
      },
    });
  });

  it('edits a channel without its secret: nothing prefilled, the stored one kept, the provider fixed', async () => {
    const { api } = renderApp('/channels', { api: apiWithChannels() });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(within(row(TWILIO_ID)).getByTestId('channel-edit'));
    const token = (await screen.findByTestId('channel-config-authToken')) as HTMLInputElement;
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('Leave empty to keep the stored value');
    expect(screen.getByTestId('channel-config-authToken-state').textContent).toBe('set');
    expect((screen.getByTestId('channel-provider') as HTMLSelectElement).disabled).toBe(true);
    expect(input('accountSid').value).toBe(ACCOUNT_SID);
    expect(input('numbers').value).toBe('+31612345678\n+3197010250001');
    const dialog = screen.getByTestId('channel-dialog');
    expect(within(dialog).getByTestId('channel-webhook-url').textContent).toBe(webhookUrlOf('twilio', TWILIO_ID));
    expect(within(dialog).getByTestId('channel-webhook-hint').textContent).toContain('“A message comes in” webhook');

    change(screen.getByTestId('channel-name'), 'Support texts');
    fireEvent.click(screen.getByTestId('channel-save'));
    await waitFor(() => expect(api.sent('updateChannel')).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'updateChannel')?.params).toEqual({ id: TWILIO_ID });
    const body = api.sent('updateChannel')[0] as { name: string; config: Record<string, unknown> };
    expect(body.name).toBe('Support texts');
    expect(body.config).toEqual({
      accountSid: ACCOUNT_SID,
      numbers: ['+31612345678', '+3197010250001'],
      messagingServiceSid: null,
      apiBaseUrl: null,
    });
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-name'))).toEqual(['Support texts', 'Sales SMS']));
    expect(secretsOf(row(TWILIO_ID))).toEqual([['authToken', 'Auth token: set']]);
  });

  it('asks for a secret that is not stored yet, and sends the one typed', async () => {
    const { api } = renderApp('/channels', { api: apiWithChannels() });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(within(row(TELESIGN_ID)).getByTestId('channel-edit'));
    expect((await screen.findByTestId('channel-config-apiKey-state')).textContent).toBe('not set');
    expect(input('apiKey').placeholder).toBe('');
    expect((input('messageType') as unknown as HTMLSelectElement).value).toBe('MKT');
    fireEvent.click(screen.getByTestId('channel-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(api.sent('updateChannel')).toHaveLength(0);

    change(input('apiKey'), 'c2VjcmV0LWtleS1vZi0xNi1ieXRlcw==');
    fireEvent.click(screen.getByTestId('channel-save'));
    await waitFor(() => expect(api.sent('updateChannel')).toHaveLength(1));
    expect((api.sent('updateChannel')[0] as { config: object }).config).toEqual({
      customerId: '1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D',
      apiKey: 'c2VjcmV0LWtleS1vZi0xNi1ieXRlcw==',
      numbers: ['+15555550100'],
      messageType: 'MKT',
      apiBaseUrl: null,
    });
    await waitFor(() => expect(secretsOf(row(TELESIGN_ID))).toEqual([['apiKey', 'API key: set']]));
  });

  it('shows the server’s 400 message next to the form and on the field it names', async () => {
    const api = apiWithChannels();
    const message = 'the account SID is AC followed by 32 hex digits';
    api.on('updateChannel', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message, issues: [{ path: 'body.config.accountSid', message }] },
    }));
    renderApp('/channels', { api });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(within(row(TWILIO_ID)).getByTestId('channel-edit'));
    change(await screen.findByTestId('channel-config-accountSid'), 'AC123');
    fireEvent.click(screen.getByTestId('channel-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain(message);
    expect(screen.getAllByText(message).length).toBeGreaterThanOrEqual(2);
    expect(api.sent('updateChannel')).toHaveLength(1);
    expect(screen.getByTestId('channel-dialog')).toBeTruthy();
  });

  it('asks before deleting a channel and shows the server’s 409 message', async () => {
    const api = apiWithChannels();
    api.on('deleteChannel', () => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'Channel Support SMS has conversations' },
    }));
    renderApp('/channels', { api });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(within(row(TWILIO_ID)).getByTestId('channel-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('Support SMS');
    expect(api.sent('deleteChannel')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect((await screen.findByTestId('delete-error')).textContent).toBe('Channel Support SMS has conversations');
    expect(api.calls.filter((c) => c.name === 'deleteChannel').map((c) => c.params)).toEqual([{ id: TWILIO_ID }]);
    expect(rows()).toHaveLength(2);
  });

  it('deletes a channel once confirmed', async () => {
    const { api } = renderApp('/channels', { api: apiWithChannels() });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(within(row(TELESIGN_ID)).getByTestId('channel-delete'));
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-id'))).toEqual([TWILIO_ID]));
    expect(api.calls.filter((c) => c.name === 'deleteChannel').map((c) => c.params)).toEqual([{ id: TELESIGN_ID }]);
  });
});
