import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../hooks/use-now';
import { useOffers } from '../state/offers-store';
import { useServices } from '../state/services-context';
import { OfferAlert } from './offer-alert';
import { useNotify } from './notify';

/** Shows the oldest live offer; the rest wait their turn, expired ones go away by themselves. */
export function OfferAlertHost() {
  const { t } = useTranslation();
  const services = useServices();
  const notify = useNotify();
  const offers = useOffers((s) => s.offers);
  const now = useNow(250);
  const [busyId, setBusyId] = useState<string | null>(null);

  const live = offers.filter((o) => Date.parse(o.expiresAt) > now);
  useEffect(() => {
    for (const o of offers) if (Date.parse(o.expiresAt) <= now) useOffers.getState().remove(o.id);
  }, [offers, now]);

  const current = live[0];
  if (!current) return null;

  async function answer(kind: 'accept' | 'reject') {
    if (!current) return;
    setBusyId(current.id);
    try {
      await services[kind](current);
    } catch (err) {
      notify(t('offer.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <OfferAlert
      key={current.id}
      offer={current}
      now={now}
      queued={live.length - 1}
      busy={busyId === current.id}
      onAccept={() => void answer('accept')}
      onReject={() => void answer('reject')}
    />
  );
}
