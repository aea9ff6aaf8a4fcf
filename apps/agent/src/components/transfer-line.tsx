import { useTranslation } from 'react-i18next';
import type { TransferEvent } from '../lib/transfer-status';
import { SystemLine } from './message-item';

/** A transfer asked, answered or sent to a queue (AG5), as a line of the history. */
export function TransferLine({ event }: { event: TransferEvent }) {
  const { t } = useTranslation();
  const to = event.toName;
  const note = event.note.trim();
  const text = (() => {
    switch (event.step) {
      case 'requested':
        return note ? t('transfer.line.requestedNote', { to, note }) : t('transfer.line.requested', { to });
      case 'to-queue':
        return note ? t('transfer.line.toQueueNote', { to, note }) : t('transfer.line.toQueue', { to });
      default:
        return t(`transfer.line.${event.step}`, { to });
    }
  })();
  return <SystemLine text={text} testId="transfer-line" step={event.step} />;
}
