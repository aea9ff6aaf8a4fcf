import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { TELESIGN_ID, TWILIO_ID, apiWithChannels } from '../../test/channel-fixtures';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const row = (id: string) => screen.getAllByTestId('channel-row').find((r) => r.getAttribute('data-id') === id)!;

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

async function openValidate() {
  await screen.findAllByTestId('channel-row');
  fireEvent.click(within(row(TELESIGN_ID)).getByTestId('channel-validate'));
  return screen.findByTestId('validate-key-dialog');
}

describe('TeleSign: validate API key', () => {
  it('is offered on TeleSign channels only', async () => {
    renderApp('/channels', { api: apiWithChannels() });
    await screen.findAllByTestId('channel-row');
    expect(within(row(TELESIGN_ID)).getByTestId('channel-validate').textContent).toBe('Validate API key');
    expect(within(row(TWILIO_ID)).queryByTestId('channel-validate')).toBeNull();
  });

  it('checks the number first, then sends it and shows TeleSign’s code and description', async () => {
    const { api } = renderApp('/channels', { api: apiWithChannels() });
    const dialog = await openValidate();
    expect(dialog.textContent).toContain('Validate the API key of Sales SMS');
    const phone = within(dialog).getByTestId('validate-key-phone');
    for (const wrong of ['+31612345678', '0612345678', '3161']) {
      change(phone, wrong);
      fireEvent.click(within(dialog).getByTestId('validate-key-send'));
      expect(
        await within(dialog).findByText('Write digits with the country code and no +, such as 31612345678.'),
      ).toBeTruthy();
    }
    expect(api.sent('validateChannelKey')).toHaveLength(0);

    change(phone, ' 31612345678 ');
    fireEvent.click(within(dialog).getByTestId('validate-key-send'));
    const result = await within(dialog).findByTestId('validate-key-result');
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('TeleSign accepted the key');
    expect(result.textContent).toContain('Code 290: Message in progress');
    expect(api.sent('validateChannelKey')).toEqual([{ phoneNumber: '31612345678' }]);
    expect(api.calls.find((c) => c.name === 'validateChannelKey')?.params).toEqual({ id: TELESIGN_ID });
  });

  it('shows a refused key with TeleSign’s words', async () => {
    const api = apiWithChannels();
    api.on('validateChannelKey', () => ({
      status: 200,
      body: { ok: false, code: 501, description: 'Not authorized (10008 Invalid Signature.)' },
    }));
    renderApp('/channels', { api });
    const dialog = await openValidate();
    change(within(dialog).getByTestId('validate-key-phone'), '15555550100');
    fireEvent.click(within(dialog).getByTestId('validate-key-send'));
    const result = await within(dialog).findByTestId('validate-key-result');
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('TeleSign refused');
    expect(result.textContent).toContain('Code 501: Not authorized (10008 Invalid Signature.)');
  });

  it('says why when the server could not ask TeleSign', async () => {
    const api = apiWithChannels();
    api.on('validateChannelKey', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'the channel has no API key' },
    }));
    renderApp('/channels', { api });
    const dialog = await openValidate();
    change(within(dialog).getByTestId('validate-key-phone'), '15555550100');
    fireEvent.click(within(dialog).getByTestId('validate-key-send'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('validate-key-result').textContent).toContain('the channel has no API key'),
    );
    expect(within(dialog).getByTestId('validate-key-result').textContent).toContain('Could not validate');
  });
});
