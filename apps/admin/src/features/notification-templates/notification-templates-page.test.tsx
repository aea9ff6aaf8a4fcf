import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const cards = () => screen.getAllByTestId('notification-template');
const card = (scenario: string) => within(cards().find((c) => c.getAttribute('data-scenario') === scenario)!);

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('notification templates (AG2)', () => {
  it('come after the automated messages in the navigation, one form per scenario', async () => {
    renderApp('/notification-templates', { api: createFakeApi() });
    await screen.findAllByTestId('notification-template');
    const nav = screen.getAllByRole('link').map((l) => l.getAttribute('data-testid'));
    expect(nav.indexOf('nav-notification-templates')).toBe(nav.indexOf('nav-disposition-codes') + 1);
    expect(cards().map((c) => c.getAttribute('data-scenario'))).toEqual([
      'incoming-chat',
      'incoming-sms',
      'incoming-social',
      'assigned',
      'transfer',
      'consult',
      'escalation',
      'bot-escalation',
    ]);
    // An empty title shows the built-in one; auto-accept is offered only where it means something.
    const nl = card('incoming-sms').getByTestId('notification-title-nl') as HTMLInputElement;
    expect([nl.value, nl.placeholder]).toEqual(['', 'Ingebouwd incoming-sms']);
    expect(card('incoming-sms').queryByTestId('notification-auto-accept')).not.toBeNull();
    expect(card('transfer').queryByTestId('notification-auto-accept')).toBeNull();
  });

  it('saves a scenario: kind, theme, fields in their order, timeout, auto-accept, the titles written', async () => {
    const api = createFakeApi();
    renderApp('/notification-templates', { api });
    await screen.findAllByTestId('notification-template');
    const sms = card('incoming-sms');
    fireEvent.click(sms.getByTestId('notification-kind-toast'));
    fireEvent.click(sms.getByTestId('notification-theme-dark'));
    fireEvent.click(sms.getByTestId('notification-field-queue'));
    fireEvent.click(sms.getByTestId('notification-field-channel'));
    fireEvent.change(sms.getByTestId('notification-timeout'), { target: { value: '12' } });
    fireEvent.click(sms.getByTestId('notification-auto-accept'));
    fireEvent.change(sms.getByTestId('notification-title-fr'), { target: { value: ' SMS ! ' } });
    fireEvent.click(sms.getByTestId('notification-save'));
    await waitFor(() => expect(api.sent('saveNotificationTemplate')).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'saveNotificationTemplate')!.params).toEqual({ scenario: 'incoming-sms' });
    expect(api.sent('saveNotificationTemplate')[0]).toEqual({
      kind: 'toast',
      theme: 'dark',
      fields: ['customerName', 'firstMessage', 'waitTime', 'channel'],
      timeoutSeconds: 12,
      autoAccept: true,
      titles: { fr: 'SMS !' },
    });
    await waitFor(() => expect(cards()[1]!.getAttribute('data-kind')).toBe('toast'));
  });

  it('refuses a timeout out of bounds before sending, and shows the server’s refusal', async () => {
    const api = createFakeApi();
    api.on('saveNotificationTemplate', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: "the 'transfer' notification is an alert" },
    }));
    renderApp('/notification-templates', { api });
    await screen.findAllByTestId('notification-template');
    const chat = card('incoming-chat');
    fireEvent.change(chat.getByTestId('notification-timeout'), { target: { value: '2' } });
    fireEvent.click(chat.getByTestId('notification-save'));
    expect(await chat.findByText('At least 5.')).toBeTruthy();
    expect(api.sent('saveNotificationTemplate')).toHaveLength(0);
    const transfer = card('transfer');
    fireEvent.click(transfer.getByTestId('notification-kind-toast'));
    fireEvent.click(transfer.getByTestId('notification-save'));
    expect(await transfer.findByText("the 'transfer' notification is an alert")).toBeTruthy();
  });
});
