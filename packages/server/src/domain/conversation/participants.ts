import { forbidden } from '../errors.js';

/** Who takes part in a conversation (CV2). Consultants and bots come with later features. */
export type ParticipantRole = 'customer' | 'primary' | 'consultant' | 'monitor' | 'bot';

/** What a staff member may do in a conversation, by the part they play in it. */
export type StaffAction =
  'read' | 'write-note' | 'message-customer' | 'end' | 'close' | 'transfer' | 'consult' | 'wrap-up';

/**
 * `former`: was primary or consultant before (a rejected offer does not count); may read.
 * `consultant-to-customer`: a consultant the primary agent lets write to the customer (AG5).
 */
export type StaffPart = Exclude<ParticipantRole, 'customer' | 'bot'> | 'consultant-to-customer' | 'former';

const ALLOWED: Record<StaffPart, readonly StaffAction[]> = {
  primary: ['read', 'write-note', 'message-customer', 'end', 'close', 'transfer', 'consult', 'wrap-up'],
  // A consultant never transfers or consults further (AG5).
  consultant: ['read', 'write-note'],
  'consultant-to-customer': ['read', 'write-note', 'message-customer'],
  monitor: ['read'],
  former: ['read'],
};

const REFUSAL: Partial<Record<StaffAction, string>> = {
  read: 'you are not the agent of this conversation',
  'write-note': 'only agents working this conversation may write notes',
  'message-customer': 'only the primary agent, or a consultant they allow, may write to the customer',
  'wrap-up': 'only the primary agent of this conversation fills in its wrap-up form',
};

/**
 * The part a staff member plays: the assigned agent is primary; an active consultant consults
 * (writing to the customer only when allowed); supervisors and admins may monitor any conversation
 * they are not primary on (SV2); earlier participants may read.
 */
export function staffPart(
  conversation: { agentId: string | null },
  user: { id: string; supervises: boolean; wasParticipant: boolean; consulting?: 'notes' | 'customer' | null },
): StaffPart | null {
  if (conversation.agentId === user.id) return 'primary';
  if (user.consulting === 'customer') return 'consultant-to-customer';
  if (user.consulting === 'notes') return 'consultant';
  if (user.wasParticipant) return 'former';
  if (user.supervises) return 'monitor';
  return null;
}

export function mayDo(part: StaffPart | null, action: StaffAction): boolean {
  return part !== null && ALLOWED[part].includes(action);
}

/** Throws a `forbidden` DomainError that says why, when `part` may not do `action`. */
export function authorize(part: StaffPart | null, action: StaffAction): void {
  if (!mayDo(part, action))
    throw forbidden(REFUSAL[action] ?? 'only the primary agent of this conversation may do that');
}

/** What the typing rule reads about a conversation. */
export type TypingFacts = { state: string; accepted: boolean; agentId: string | null };

/**
 * Whether a staff member's typing reaches the customer (CV2): only someone who may write to
 * them now, that is the primary agent of an accepted, active conversation, or an active
 * consultant. An agent who was only offered it, a monitoring supervisor or a former participant
 * stay silent: the customer would see someone typing who will never answer.
 */
export function mayTypeToCustomer(c: TypingFacts, user: { id: string; activeConsultant: boolean }): boolean {
  if (c.state !== 'active') return false;
  if (user.activeConsultant) return true;
  return c.agentId === user.id && c.accepted;
}
