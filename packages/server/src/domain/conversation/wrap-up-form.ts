import type { ConversationState } from '@switchboard/protocol';
import { conflict, DomainError, notFound } from '../errors.js';

/** What the wrap-up rules read of a conversation (AG4). */
export type WrapUpFacts = { state: ConversationState; accepted: boolean; dispositionCodeId: string | null };

/**
 * Why the wrap-up form cannot be saved now, or null. The agent fills it in at wrap-up, or earlier
 * while the conversation is theirs (active once accepted, or parked); once closed it is the
 * conversation's record and stays as it was.
 */
export function wrapUpRefusal(c: WrapUpFacts): DomainError | null {
  switch (c.state) {
    case 'closed':
      return conflict('this conversation is closed: its wrap-up can no longer change');
    case 'open':
      return conflict('this conversation waits in a queue: there is nothing to wrap up yet');
    case 'active':
      return c.accepted ? null : conflict('this conversation has not been accepted yet');
    default:
      return null;
  }
}

/**
 * The code picked must be one of the organisation's and still offered. A code retired after the
 * agent saved it may stay: they can still change the note without losing it.
 */
export function dispositionRefusal(
  c: WrapUpFacts,
  id: string,
  code: { name: string; active: boolean } | undefined,
): DomainError | null {
  if (!code) return notFound(`disposition code ${id}`);
  if (!code.active && c.dispositionCodeId !== id)
    return new DomainError('invalid', `the disposition code "${code.name}" is retired: pick an active one`);
  return null;
}

/** A note left empty is no note: the column keeps null. */
export const storedNote = (note: string): string | null => (note.trim() === '' ? null : note);
