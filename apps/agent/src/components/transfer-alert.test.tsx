import type { Offer } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOffers } from '../state/offers-store';
import { useTransfers } from '../state/transfers-store';
import { renderWithProviders } from '../test/render';
import { T0, pendingTransfer } from '../test/transfer-fixtures';
import { TransferAlert } from './transfer-alert';
import { TransferAlertHost } from './transfer-alert-host';

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('TransferAlert', () => {
  it('shows the customer, the first message, who transfers it with their note, the wait and the countdown', () => {
    renderWithProviders(
      <TransferAlert
        transfer={pendingTransfer(1)}
        now={T0 + 15_000}
        queued={0}
        busy={false}
        onAccept={() => {}}
        onReject={() => {}}
      />,
    );
    expect(text('transfer-customer')).toBe('Customer 1');
    expect(screen.getByTestId('transfer-alert').textContent).toContain('Question 1');
    expect(text('transfer-from')).toBe('Alice Martin');
    expect(text('transfer-note-shown')).toBe('Billing question, you know this one');
    expect(text('transfer-waited')).toBe('1:50');
    expect(text('transfer-countdown')).toBe('45 s');
  });

  it('leaves out an empty note, and calls accept and reject', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    renderWithProviders(
      <TransferAlert
        transfer={pendingTransfer(1, { note: '' })}
        now={T0}
        queued={1}
        busy={false}
        onAccept={onAccept}
        onReject={onReject}
      />,
    );
    expect(screen.queryByTestId('transfer-note-shown')).toBeNull();
    fireEvent.click(screen.getByTestId('transfer-accept'));
    expect([onAccept.mock.calls.length, onReject.mock.calls.length]).toEqual([1, 0]);
    fireEvent.click(screen.getByTestId('transfer-reject'));
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(screen.getByText('1 more transfer waiting')).toBeTruthy();
  });
});

describe('TransferAlert for a consult request (AG5)', () => {
  it('says it is a consult request, not a transfer, and who stays the agent', () => {
    renderWithProviders(
      <TransferAlert
        transfer={pendingTransfer(1, { kind: 'consult', note: 'refund?' })}
        now={T0}
        queued={0}
        busy={false}
        onAccept={() => {}}
        onReject={() => {}}
      />,
    );
    const alert = screen.getByTestId('transfer-alert');
    expect(alert.dataset.kind).toBe('consult');
    expect(screen.getByRole('heading').textContent).toBe('Consult request');
    expect(alert.textContent).not.toContain('Transfer for you');
    expect(alert.textContent).toContain('You join to advise in notes; Alice Martin stays the agent.');
    expect(text('transfer-note-shown')).toBe('refund?');
    cleanup();
    renderWithProviders(
      <TransferAlert
        transfer={pendingTransfer(2)}
        now={T0}
        queued={0}
        busy={false}
        onAccept={() => {}}
        onReject={() => {}}
      />,
    );
    expect(screen.getByTestId('transfer-alert').dataset.kind).toBe('transfer');
    expect(screen.getByRole('heading').textContent).toBe('Transfer for you');
    cleanup();
  });
});

describe('TransferAlertHost', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(T0);
    useTransfers.getState().clear();
    useOffers.getState().clear();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useTransfers.getState().clear();
    useOffers.getState().clear();
  });

  it('passes the oldest transfer to accept, and another to reject', async () => {
    const acceptTransfer = vi.fn(async () => {});
    const rejectTransfer = vi.fn(async () => {});
    act(() => {
      useTransfers.getState().add(pendingTransfer(2, { requestedAt: new Date(T0 + 1000).toISOString() }));
      useTransfers.getState().add(pendingTransfer(1));
    });
    renderWithProviders(<TransferAlertHost />, { acceptTransfer, rejectTransfer });
    expect(screen.getAllByTestId('transfer-alert')).toHaveLength(1);
    expect(text('transfer-customer')).toBe('Customer 1');
    await act(async () => fireEvent.click(screen.getByTestId('transfer-accept')));
    expect(acceptTransfer).toHaveBeenCalledWith(expect.objectContaining({ id: pendingTransfer(1).id }));
    act(() => useTransfers.getState().remove(pendingTransfer(1).id));
    await act(async () => fireEvent.click(screen.getByTestId('transfer-reject')));
    expect(rejectTransfer).toHaveBeenCalledWith(expect.objectContaining({ id: pendingTransfer(2).id }));
  });

  it("counts down by the server's clock and goes when the time is up", () => {
    // This browser is 2 minutes ahead: by its own clock the transfer would have run out already.
    vi.setSystemTime(T0 + 120_000);
    act(() => useTransfers.getState().add(pendingTransfer(1, { expiresAt: new Date(T0 + 3000).toISOString() })));
    renderWithProviders(<TransferAlertHost />);
    expect(text('transfer-countdown')).toBe('3 s');
    act(() => void vi.advanceTimersByTime(1000));
    expect(text('transfer-countdown')).toBe('2 s');
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.queryByTestId('transfer-alert')).toBeNull();
    expect(useTransfers.getState().transfers).toEqual([]);
  });

  it('counts a listed transfer down on the clock skew given, and waits while an offer is on screen', () => {
    const offer: Offer = {
      id: pendingTransfer(9).id,
      conversationId: pendingTransfer(9).conversationId,
      customerName: 'Someone',
      firstMessage: null,
      queueName: null,
      waitingSince: new Date(T0).toISOString(),
      offeredAt: new Date(T0).toISOString(),
      expiresAt: new Date(T0 + 60_000).toISOString(),
    };
    act(() => {
      useOffers.getState().add(offer);
      // Listed after a reload, 20 s into it, by a browser 5 s ahead of the server (as the offers list measured).
      useTransfers
        .getState()
        .sync([pendingTransfer(1, { requestedAt: new Date(T0 - 20_000).toISOString() })], T0, 5000);
    });
    renderWithProviders(<TransferAlertHost />);
    expect(screen.queryByTestId('transfer-alert')).toBeNull();
    act(() => useOffers.getState().remove(offer.id));
    expect(text('transfer-countdown')).toBe('65 s');
    act(() => useTransfers.getState().remove(pendingTransfer(1).id));
    expect(screen.queryByTestId('transfer-alert')).toBeNull();
  });
});
