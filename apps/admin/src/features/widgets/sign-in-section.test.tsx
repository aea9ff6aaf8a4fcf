import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { renderApp } from '../../test/render';

// CH1, CH5: the widget editor's sign-in section: off, a PEM or a key URL, and the issuer.
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const PEM = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----';

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

async function openSignIn() {
  const rendered = renderApp('/widgets');
  fireEvent.click(await screen.findByTestId('widget-edit'));
  const section = await screen.findByTestId('widget-sign-in');
  await within(section).findByTestId('widget-sign-in-mode');
  return { ...rendered, section };
}

const pick = (section: HTMLElement, label: RegExp) => fireEvent.click(within(section).getByLabelText(label));

// The whole admin app renders for each: slow on a busy machine.
describe('widget sign-in settings (CH1, CH5)', { timeout: 20_000 }, () => {
  it('starts off; with a public key, sends the issuer and the PEM', async () => {
    const { api, section } = await openSignIn();
    expect((within(section).getByLabelText(/Off: anyone may chat/) as HTMLInputElement).checked).toBe(true);
    pick(section, /A public key \(PEM\)/);
    change(within(section).getByTestId('widget-sign-in-issuer'), 'https://shop.example');
    change(within(section).getByTestId('widget-sign-in-pem'), PEM);
    fireEvent.click(within(section).getByTestId('widget-sign-in-save'));
    await waitFor(() =>
      expect(api.sent('updateWidgetAuth')).toEqual([
        { mode: 'pem', issuer: 'https://shop.example', publicKeyPem: PEM },
      ]),
    );
  });

  it('refuses a key URL over plain http to another host before sending anything', async () => {
    const { api, section } = await openSignIn();
    pick(section, /A key URL/);
    change(within(section).getByTestId('widget-sign-in-issuer'), 'https://shop.example');
    change(within(section).getByTestId('widget-sign-in-key-url'), 'http://shop.example/keys.json');
    fireEvent.click(within(section).getByTestId('widget-sign-in-save'));
    expect(await within(section).findByText(/must be an https:\/\/ address/)).toBeTruthy();
    expect(api.sent('updateWidgetAuth')).toEqual([]);
    change(within(section).getByTestId('widget-sign-in-key-url'), 'https://shop.example/.well-known/jwks.json');
    fireEvent.click(within(section).getByTestId('widget-sign-in-save'));
    await waitFor(() =>
      expect(api.sent('updateWidgetAuth')).toEqual([
        { mode: 'jwks', issuer: 'https://shop.example', keyUrl: 'https://shop.example/.well-known/jwks.json' },
      ]),
    );
  });
});
