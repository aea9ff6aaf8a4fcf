import type { ConversationState, TraceStep } from '@switchboard/protocol';
import { toE164 } from '../contacts/phone.js';

/** How far ahead a customer may ask to be called: beyond it plans change and nobody remembers the chat. */
export const MAX_CALLBACK_DAYS = 14;
/** A preferred time this little in the past is clock skew between browser and server: as soon as possible. */
export const CALLBACK_SKEW_MS = 5 * 60_000;

/** The queue whose overflow offered a callback, from the intake decision's trace; null if none did. */
export function callbackOfferQueue(decision: {
  overflow: { kind: string } | null;
  trace: readonly TraceStep[];
}): string | null {
  if (decision.overflow?.kind !== 'offer-callback') return null;
  for (const step of decision.trace) if (step.step === 'overflow') return step.queueId;
  return null;
}

export type SourceFacts = {
  state: ConversationState;
  /** Set when the overflow offered a callback. */
  callbackQueueId: string | null;
  /** A request was already made for this chat. */
  requested: boolean;
};

/** Why this chat cannot ask for a callback now, or null (AG11). */
export function callbackRequestRefusal(source: SourceFacts): string | null {
  if (source.callbackQueueId === null) return 'this chat was not offered a callback';
  if (source.requested) return 'a callback is already requested for this chat';
  return null;
}

export type RequestedContact = { phone?: string; email?: string; preferredAt?: string };
export type CheckedContact =
  | { ok: true; phone: string | null; email: string | null; preferredAt: Date | null; dueAt: Date }
  | { ok: false; message: string };

/**
 * The contact details as stored: the number in E.164 (read in the country the customer's locale
 * suggests when they typed it without one), and when the request becomes work: the preferred time,
 * or now when there is none or it has just passed.
 */
export function checkContact(input: RequestedContact, now: Date, defaultCountry?: 'NL' | 'FR' | 'BE'): CheckedContact {
  const typed = input.phone?.trim() ?? '';
  const phone = typed === '' ? null : toE164(typed, defaultCountry);
  if (typed !== '' && phone === null) return { ok: false, message: `phone: "${typed}" is not a phone number` };
  const email = input.email ?? null;
  if (phone === null && email === null) return { ok: false, message: 'give a phone number or an email address' };
  if (input.preferredAt === undefined) return { ok: true, phone, email, preferredAt: null, dueAt: now };
  const preferredAt = new Date(input.preferredAt);
  const ahead = preferredAt.getTime() - now.getTime();
  if (ahead < -CALLBACK_SKEW_MS) return { ok: false, message: 'preferredAt: that time has passed' };
  if (ahead > MAX_CALLBACK_DAYS * 86_400_000) {
    return { ok: false, message: `preferredAt: at most ${MAX_CALLBACK_DAYS} days ahead` };
  }
  return { ok: true, phone, email, preferredAt, dueAt: ahead > 0 ? preferredAt : now };
}

/** The work item's first line: what the agent reads in the offer and at the top of the conversation. */
export function callbackSummary(c: { name: string; phone: string | null; email: string | null; note: string }) {
  const reach = [c.phone, c.email].filter(Boolean).join(', ');
  const head = `Call back ${c.name} (${reach})`;
  return c.note.trim() === '' ? head : `${head}: ${c.note.trim()}`;
}

/** A callback work item has no chat: the agent phones or emails, and writes notes (AG11). */
export const CALLBACK_NO_CHAT = 'a callback has no chat with the customer: phone or email them, and add notes here';
