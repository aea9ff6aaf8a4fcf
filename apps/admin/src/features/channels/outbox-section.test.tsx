import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { apiWithChannels, outboxEntry } from '../../test/channel-fixtures';
import { renderApp } from '../../test/render';

const outboxRows = () => screen.queryAllByTestId('outbox-row');

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('undelivered replies', () => {
  it('lists dead replies with their error, sends one again and refreshes the list', async () => {
    const api = apiWithChannels();
    api.state.outbox.push(outboxEntry(1), outboxEntry(2, { text: 'Your parcel ships today', attempts: 7 }));
    renderApp('/channels', { api });
    await waitFor(() => expect(outboxRows()).toHaveLength(2));
    expect(api.calls.filter((c) => c.name === 'listOutbox').map((c) => c.query)).toEqual([{ status: 'dead' }]);
    const second = outboxRows()[1]!;
    expect(within(second).getByTestId('outbox-to').textContent).toBe('+31687654321');
    expect(within(second).getByTestId('outbox-text').textContent).toBe('Your parcel ships today');
    expect(within(second).getByTestId('outbox-attempts').textContent).toBe('7');
    expect(within(second).getByTestId('outbox-error').textContent).toBe(
      '21610: Attempt to send to unsubscribed recipient',
    );
    await waitFor(() => expect(second.textContent).toContain('Support SMS'));

    fireEvent.click(within(second).getByTestId('outbox-send-again'));
    await waitFor(() => expect(outboxRows().map((r) => r.getAttribute('data-id'))).toEqual([outboxEntry(1).id]));
    expect(api.calls.filter((c) => c.name === 'retryOutbox').map((c) => c.params)).toEqual([{ id: outboxEntry(2).id }]);
    expect((await screen.findByTestId('toast-success')).textContent).toContain('The reply to +31687654321');
  });

  it('shows the replies still being retried, without a send-again button', async () => {
    const api = apiWithChannels();
    const retrying = outboxEntry(3, { status: 'failed', attempts: 2, nextAttemptAt: '2026-03-01T10:20:00.000Z' });
    api.state.outbox.push(retrying);
    renderApp('/channels', { api });
    expect((await screen.findByTestId('outbox-empty')).textContent).toBe('Every reply got out.');
    fireEvent.click(screen.getByTestId('outbox-retrying'));
    await waitFor(() => expect(outboxRows().map((r) => r.getAttribute('data-id'))).toEqual([retrying.id]));
    expect(api.calls.filter((c) => c.name === 'listOutbox').map((c) => c.query)).toEqual([
      { status: 'dead' },
      { status: 'retrying' },
    ]);
    expect(screen.queryByTestId('outbox-send-again')).toBeNull();
  });

  it('keeps a reply listed and says why when sending it again fails', async () => {
    const api = apiWithChannels();
    api.state.outbox.push(outboxEntry(4));
    api.on('retryOutbox', () => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'the channel of this reply was deleted' },
    }));
    renderApp('/channels', { api });
    fireEvent.click(await screen.findByTestId('outbox-send-again'));
    expect((await screen.findByTestId('toast-error')).textContent).toContain('the channel of this reply was deleted');
    expect(outboxRows()).toHaveLength(1);
  });
});
