import { useEffect } from 'react';
import { useCommand } from '../hooks/use-command';
import { useNow } from '../hooks/use-now';
import { useOffers, type HeldOffer } from '../state/offers-store';
import { useServices } from '../state/services-context';
import { OfferAlert } from './offer-alert';

// Deadlines are the server's: compare them with the server's time as this browser estimates it.
const expired = (o: HeldOffer, now: number) => Date.parse(o.expiresAt) <= now - o.skewMs;

/** Shows the oldest live offer; the rest wait their turn, expired ones go away by themselves. */
export function OfferAlertHost() {
  const services = useServices();
  const offers = useOffers((s) => s.offers);
  const now = useNow(250);
  const command = useCommand('offer.failed');

  const live = offers.filter((o) => !expired(o, now));
  useEffect(() => {
    for (const o of offers) if (expired(o, now)) useOffers.getState().remove(o.id);
  }, [offers, now]);

  const current = live[0];
  if (!current) return null;

  const answer = (kind: 'accept' | 'reject') => command.run(current.id, () => services[kind](current));

  return (
    <OfferAlert
      key={current.id}
      offer={current}
      now={now - current.skewMs}
      queued={live.length - 1}
      busy={command.pending === current.id}
      onAccept={() => void answer('accept')}
      onReject={() => void answer('reject')}
    />
  );
}
