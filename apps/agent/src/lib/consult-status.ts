import type { ConversationEvent } from '@switchboard/protocol';

export type ConsultEvent = Extract<ConversationEvent, { type: 'consult' }>;

/** Someone asked to consult, or consulting now; `mayMessageCustomer` only means something once they consult. */
export type ConsultPart = { name: string; status: 'asked' | 'consulting'; mayMessageCustomer: boolean };

/**
 * Who is asked to consult and who consults now, from the history (AG5). The conversation detail's
 * participants do not say whether a consultant may write to the customer, and live changes come as
 * events anyway, so the consult events decide; they name people, so names are the key.
 */
export function consultParts(events: readonly ConversationEvent[]): ConsultPart[] {
  const parts = new Map<string, ConsultPart>();
  for (const e of events) {
    // Closing lets every participant go, consultants too, without a 'left' event for each.
    if (e.type === 'state' && e.to === 'closed') parts.clear();
    if (e.type !== 'consult') continue;
    const name = e.toName;
    const current = parts.get(name);
    switch (e.step) {
      case 'requested':
        if (current?.status !== 'consulting') parts.set(name, { name, status: 'asked', mayMessageCustomer: false });
        break;
      case 'accepted':
        parts.set(name, { name, status: 'consulting', mayMessageCustomer: false });
        break;
      case 'may-message-customer':
      case 'notes-only':
        if (current?.status === 'consulting')
          parts.set(name, { ...current, mayMessageCustomer: e.step === 'may-message-customer' });
        break;
      default:
        // rejected, timeout, left: they take no part any more.
        if (current && (e.step === 'left' || current.status === 'asked')) parts.delete(name);
    }
  }
  return [...parts.values()];
}

export const activeConsultants = (events: readonly ConversationEvent[]) =>
  consultParts(events).filter((p) => p.status === 'consulting');

/**
 * How I take part as a consultant, or null when I do not: the primary agent (even one who consulted
 * on it before a transfer) is never a consultant.
 */
export function myConsult(
  events: readonly ConversationEvent[],
  me: { id: string; name: string } | null,
  agentId: string | null,
): ConsultPart | null {
  if (!me || agentId === me.id) return null;
  return activeConsultants(events).find((p) => p.name === me.name) ?? null;
}
