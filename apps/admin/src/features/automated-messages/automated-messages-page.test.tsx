import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const cards = () => screen.getAllByTestId('automated-message');
const card = (trigger: string) => cards().find((c) => c.getAttribute('data-trigger') === trigger)!;

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('automated messages (CH6)', () => {
  it('come after the templates in the navigation, one card per event of the chosen channel', async () => {
    renderApp('/automated-messages', { api: createFakeApi() });
    await screen.findAllByTestId('automated-message');
    const nav = screen.getAllByRole('link').map((l) => l.getAttribute('data-testid'));
    expect(nav.indexOf('nav-automated-messages')).toBe(nav.indexOf('nav-templates') + 1);
    expect(cards().map((c) => c.getAttribute('data-trigger'))).toEqual([
      'queued',
      'outside-hours',
      'transfer',
      'assigned',
      'agent-ended',
    ]);
    // An empty language shows the built-in text it says.
    const nl = within(card('assigned')).getByTestId('automated-body-nl') as HTMLTextAreaElement;
    expect([nl.value, nl.placeholder]).toEqual(['', 'Ingebouwd assigned']);
  });

  it('saves one event of one channel: on, with the languages the admin wrote', async () => {
    const api = createFakeApi();
    renderApp('/automated-messages', { api });
    await screen.findAllByTestId('automated-message');
    fireEvent.click(screen.getByTestId('automated-channel-sms'));
    const assigned = within(card('assigned'));
    fireEvent.click(assigned.getByTestId('automated-enabled'));
    fireEvent.change(assigned.getByTestId('automated-body-nl'), { target: { value: ' Hallo, {agentName} hier ' } });
    fireEvent.click(assigned.getByTestId('automated-save'));
    await waitFor(() => expect(api.calls.some((c) => c.name === 'saveAutomatedMessage')).toBe(true));
    const call = api.calls.find((c) => c.name === 'saveAutomatedMessage')!;
    expect(call.params).toEqual({ channel: 'sms', trigger: 'assigned' });
    expect(call.body).toEqual({ enabled: true, bodies: { nl: 'Hallo, {agentName} hier' } });
    await waitFor(() => expect(card('assigned').getAttribute('data-enabled')).toBe('true'));
    expect(api.state.automated.filter((m) => m.enabled).map((m) => `${m.channel}/${m.trigger}`)).toEqual([
      'sms/assigned',
    ]);
  });

  it('shows the server’s refusal in the card and keeps what the admin typed', async () => {
    const api = createFakeApi();
    api.on('saveAutomatedMessage', () => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'the en text names {firstName}' },
    }));
    renderApp('/automated-messages', { api });
    await screen.findAllByTestId('automated-message');
    const queued = within(card('queued'));
    fireEvent.change(queued.getByTestId('automated-body-en'), { target: { value: 'Hi {firstName}' } });
    fireEvent.click(queued.getByTestId('automated-save'));
    expect(await queued.findByText('the en text names {firstName}')).toBeTruthy();
    expect((queued.getByTestId('automated-body-en') as HTMLTextAreaElement).value).toBe('Hi {firstName}');
  });
});
