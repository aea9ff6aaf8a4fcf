import type { Offer } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOffers } from '../state/offers-store';
import { renderWithProviders } from '../test/render';
import { OfferAlert } from './offer-alert';
import { OfferAlertHost } from './offer-alert-host';

const T0 = Date.parse('2025-01-01T10:00:00.000Z');

function offer(n: number, overrides: Partial<Offer> = {}): Offer {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    conversationId: `00000000-0000-4000-9000-00000000000${n}`,
    customerName: `Customer ${n}`,
    firstMessage: `Question ${n}`,
    queueName: 'Support',
    waitingSince: new Date(T0 - 95_000).toISOString(),
    offeredAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 60_000).toISOString(),
    ...overrides,
  };
}

describe('OfferAlert', () => {
  it('shows the customer, the first message, the time waited and the countdown', () => {
    renderWithProviders(
      <OfferAlert offer={offer(1)} now={T0 + 15_000} queued={0} busy={false} onAccept={() => {}} onReject={() => {}} />,
    );
    expect(screen.getByTestId('offer-alert')).toBeTruthy();
    expect(screen.getByTestId('offer-customer').textContent).toBe('Customer 1');
    expect(screen.getByTestId('offer-message').textContent).toBe('Question 1');
    expect(screen.getByTestId('offer-waited').textContent).toBe('1:50');
    expect(screen.getByTestId('offer-countdown').textContent).toBe('45 s');
    expect(screen.getByText('Support')).toBeTruthy();
  });

  it('calls accept and reject', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    renderWithProviders(
      <OfferAlert offer={offer(1)} now={T0} queued={2} busy={false} onAccept={onAccept} onReject={onReject} />,
    );
    fireEvent.click(screen.getByTestId('offer-accept'));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onReject).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('offer-reject'));
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(screen.getByText('2 more offers waiting')).toBeTruthy();
  });
});

describe('OfferAlertHost', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(T0);
    useOffers.getState().clear();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useOffers.getState().clear();
  });

  it('shows one offer at a time, oldest first, and passes it to accept', async () => {
    const accept = vi.fn(async () => {});
    act(() => {
      useOffers.getState().add(offer(2, { offeredAt: new Date(T0 + 1000).toISOString() }));
      useOffers.getState().add(offer(1));
    });
    renderWithProviders(<OfferAlertHost />, { accept });
    expect(screen.getAllByTestId('offer-alert')).toHaveLength(1);
    expect(screen.getByTestId('offer-customer').textContent).toBe('Customer 1');
    await act(async () => fireEvent.click(screen.getByTestId('offer-accept')));
    expect(accept).toHaveBeenCalledWith(expect.objectContaining({ id: offer(1).id }));
  });

  it('counts down and removes the offer when the countdown reaches zero, then shows the next', () => {
    act(() => {
      useOffers.getState().add(offer(1, { expiresAt: new Date(T0 + 3000).toISOString() }));
      useOffers.getState().add(offer(2, { offeredAt: new Date(T0 + 1).toISOString() }));
    });
    renderWithProviders(<OfferAlertHost />);
    expect(screen.getByTestId('offer-countdown').textContent).toBe('3 s');
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('offer-countdown').textContent).toBe('2 s');
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('offer-customer').textContent).toBe('Customer 2');
    expect(useOffers.getState().offers.map((o) => o.id)).toEqual([offer(2).id]);
  });

  it("counts down by the server's clock when this browser's clock is off", () => {
    // The browser is 5 minutes ahead: by its own clock the offer would already have expired.
    vi.setSystemTime(T0 + 5 * 60_000);
    act(() => useOffers.getState().add(offer(1)));
    renderWithProviders(<OfferAlertHost />);
    expect(screen.getByTestId('offer-countdown').textContent).toBe('60 s');
    expect(screen.getByTestId('offer-waited').textContent).toBe('1:35');
    // The same offer from the list after a reload, answered by a server 20 s into the offer.
    act(() => {
      useOffers.getState().clear();
      useOffers.getState().sync([offer(1)], Date.now(), new Date(T0 + 20_000).toISOString());
    });
    expect(screen.getByTestId('offer-countdown').textContent).toBe('40 s');
    act(() => void vi.advanceTimersByTime(40_000));
    expect(screen.queryByTestId('offer-alert')).toBeNull();
  });

  it('disappears when the offer is closed elsewhere (offer:closed)', () => {
    act(() => useOffers.getState().add(offer(1)));
    renderWithProviders(<OfferAlertHost />);
    expect(screen.queryByTestId('offer-alert')).not.toBeNull();
    act(() => useOffers.getState().remove(offer(1).id));
    expect(screen.queryByTestId('offer-alert')).toBeNull();
  });
});
