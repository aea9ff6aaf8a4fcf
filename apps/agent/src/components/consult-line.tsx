import { useTranslation } from 'react-i18next';
import type { ConsultEvent } from '../lib/consult-status';
import { SystemLine } from './message-item';

/** A consult asked, answered, left, or its permission changed (AG5), as a line of the history. */
export function ConsultLine({ event }: { event: ConsultEvent }) {
  const { t } = useTranslation();
  const name = event.toName;
  const note = event.note.trim();
  const text =
    event.step === 'requested' && note
      ? t('consult.line.requestedNote', { name, note })
      : t(`consult.line.${event.step}`, { name });
  return <SystemLine text={text} testId="consult-line" step={event.step} />;
}
