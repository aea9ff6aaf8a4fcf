import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ApiCallError, type CallbackRequest, type VisitorCallback } from '@switchboard/protocol';
import type { Locale } from '../../shared/locale.js';
import { createI18n } from '../i18n.js';
import { CallbackForm } from './callback-form.js';

const offered: VisitorCallback = { offered: true, request: null };

function setup(callback: VisitorCallback, onSubmit = vi.fn(async (_r: CallbackRequest) => {}), locale: Locale = 'en') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <CallbackForm callback={callback} onSubmit={onSubmit} />
    </I18nextProvider>,
  );
  const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
  return { onSubmit, fill, submit: () => fireEvent.click(screen.getByTestId('callback-submit')) };
}

afterEach(cleanup);

describe('callback form (AG11)', () => {
  it('sends what the customer filled in, the preferred time as an instant', async () => {
    const { onSubmit, fill, submit } = setup(offered);
    fill('callback-name', ' Emma ');
    fill('callback-phone', '06 12345678');
    fill('callback-when', '2026-12-03T14:30');
    fill('callback-note', 'my invoice');
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      name: 'Emma',
      phone: '06 12345678',
      preferredAt: new Date('2026-12-03T14:30').toISOString(),
      note: 'my invoice',
    });
  });

  it('shows the server’s reason when it refuses', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiCallError(400, { message: 'phone: "12" is not a phone number' });
    });
    const { fill, submit } = setup(offered, refuse);
    fill('callback-name', 'Emma');
    fill('callback-phone', '12');
    submit();
    expect((await screen.findByTestId('callback-error')).textContent).toContain('is not a phone number');
  });

  it('confirms a request, in the chat’s language', () => {
    const request = {
      name: 'Emma',
      phone: '+31612345678',
      email: null,
      preferredAt: null,
      dueAt: '2026-12-02T10:00:00Z',
      state: 'queued' as const,
    };
    setup({ offered: true, request }, undefined, 'nl');
    expect(screen.getByTestId('callback-confirmed').textContent).toBe(
      'Bedankt, Emma. Wij bellen u zo snel mogelijk terug.',
    );
    expect(screen.queryByTestId('callback-form')).toBeNull();
  });
});
