import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command';
import { useNow } from '../hooks/use-now';
import { useOffers } from '../state/offers-store';
import { useServices } from '../state/services-context';
import { useTransfers, type HeldTransfer } from '../state/transfers-store';
import { useInform } from './notify';
import { TransferAlert } from './transfer-alert';

// Deadlines are the server's: compare them with the server's time as this browser estimates it.
const expired = (x: { expiresAt: string; skewMs: number }, now: number) => Date.parse(x.expiresAt) <= now - x.skewMs;

/**
 * Shows the oldest live transfer asked of me, once no offer is on screen (one alert at a time),
 * and tells me the answers to the transfers I asked.
 */
export function TransferAlertHost() {
  const services = useServices();
  const transfers = useTransfers((s) => s.transfers);
  const offerShown = useOffers((s) => s.offers.length > 0);
  const now = useNow(250);
  const command = useCommand('offer.failed');

  const live = transfers.filter((x) => !expired(x, now));
  useEffect(() => {
    for (const x of transfers) if (expired(x, now)) useTransfers.getState().remove(x.id);
  }, [transfers, now]);

  const current: HeldTransfer | undefined = live[0];
  return (
    <>
      <TransferNotices />
      {current && !offerShown && (
        <TransferAlert
          key={current.id}
          transfer={current}
          now={now - current.skewMs}
          queued={live.length - 1}
          busy={command.pending === current.id}
          onAccept={() => void command.run(current.id, () => services.acceptTransfer(current))}
          onReject={() => void command.run(current.id, () => services.rejectTransfer(current))}
        />
      )}
    </>
  );
}

/** Each answer to a transfer or consult request I asked, as a toast, once. */
function TransferNotices() {
  const { t } = useTranslation();
  const inform = useInform();
  const notices = useTransfers((s) => s.notices);
  useEffect(() => {
    if (notices.length === 0) return;
    for (const n of notices) {
      const text = t(`${n.kind}.notice.${n.step}`, { name: n.toName, customer: n.customerName });
      inform(text, n.step === 'accepted' ? 'success' : 'warning');
    }
    useTransfers.getState().dropNotices(notices.map((n) => n.key));
  }, [notices, inform, t]);
  return null;
}
