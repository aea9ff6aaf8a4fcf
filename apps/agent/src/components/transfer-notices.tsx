import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransfers } from '../state/transfers-store';
import { useInform } from './notify';

/** Each answer to a transfer or consult request I asked, as a toast, once. */
export function TransferNotices() {
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
