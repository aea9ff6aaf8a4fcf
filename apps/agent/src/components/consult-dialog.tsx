import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import type { ConsultPart } from '../lib/consult-status';
import { useServices } from '../state/services-context';
import { ConsultTargets, consultPeople } from './consult-targets';
import { HandoffDialog } from './handoff-dialog';

type Props = { conversationId: string; customerName: string; parts: readonly ConsultPart[]; onClose(): void };

/** Consult (AG5): ask a colleague of the queue or a supervisor to join; they advise in notes. */
export function ConsultDialog({ conversationId, customerName, parts, onClose }: Props) {
  const { t } = useTranslation();
  const services = useServices();
  // Presence and room change while the dialog is open: read again now and then.
  const options = useQuery({
    queryKey: ['consult-options', conversationId],
    queryFn: () => call('consultOptions', { params: { id: conversationId } }),
    refetchInterval: 10_000,
    staleTime: 0,
  });
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const list = options.data ? consultPeople(options.data, parts, t('consult.alreadyAsked')) : null;
  const chosen = list && [...list.agents, ...list.supervisors].find((p) => p.id === userId && p.available);
  const send = chosen
    ? async () => {
        await services.consult(conversationId, { userId: chosen.id, note: note.trim() });
        return t('consult.asked', { name: chosen.name });
      }
    : null;

  return (
    <HandoffDialog
      scope="consult"
      customerName={customerName}
      options={{ ...options, hasData: options.data !== undefined }}
      note={note}
      setNote={setNote}
      send={send}
      onClose={onClose}
    >
      {list && <ConsultTargets people={list} value={userId} onChange={setUserId} />}
    </HandoffDialog>
  );
}
