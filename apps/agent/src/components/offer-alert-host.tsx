import { useEffect } from 'react';
import { useCommand } from '../hooks/use-command';
import { useNow } from '../hooks/use-now';
import { useOffers } from '../state/offers-store';
import { useServices } from '../state/services-context';
import { OfferAlert } from './offer-alert';

/** Shows the oldest live offer; the rest wait their turn, expired ones go away by themselves. */
export function OfferAlertHost() {
  const services = useServices();
  const offers = useOffers((s) => s.offers);
  const now = useNow(250);
  const command = useCommand('offer.failed');

  const live = offers.filter((o) => Date.parse(o.expiresAt) > now);
  useEffect(() => {
    for (const o of offers) if (Date.parse(o.expiresAt) <= now) useOffers.getState().remove(o.id);
  }, [offers, now]);

  const current = live[0];
  if (!current) return null;

  const answer = (kind: 'accept' | 'reject') => command.run(current.id, () => services[kind](current));

  return (
    <OfferAlert
      key={current.id}
      offer={current}
      now={now}
      queued={live.length - 1}
      busy={command.pending === current.id}
      onAccept={() => void answer('accept')}
      onReject={() => void answer('reject')}
    />
  );
}
