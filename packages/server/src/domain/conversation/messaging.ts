import type { ConversationState } from '@switchboard/protocol';
import { CALLBACK_NO_CHAT } from '../callbacks/callback-request.js';

// Who may write in a conversation in which state (CV3): the services check these on their full
// path, and the one-statement path repeats them in SQL (store/message-batch.ts) so both agree.

/** Why the customer may not write now, or null: until the conversation ends they may. */
export function customerWriteRefusal(state: ConversationState): string | null {
  return state === 'wrap-up' || state === 'closed' ? 'this conversation has ended' : null;
}

/**
 * Why the primary agent may not write now, or null: a note until the conversation is closed; a
 * message to the customer only while it is active and accepted, and never on a callback (no chat).
 */
export function agentWriteRefusal(
  c: { state: ConversationState; accepted: boolean; callback: boolean },
  internal: boolean,
): string | null {
  if (internal) return c.state === 'closed' ? 'this conversation is closed' : null;
  if (c.callback) return CALLBACK_NO_CHAT;
  if (c.state === 'active' && c.accepted) return null;
  return `cannot message the customer while the conversation is ${c.state === 'active' ? 'not accepted' : c.state}`;
}

/** The facts agentWriteRefusal reads, from a conversation as stored. */
export const writeFacts = (c: { state: ConversationState; acceptedAt: Date | null; callbackId: string | null }) => ({
  state: c.state,
  accepted: c.acceptedAt !== null,
  callback: c.callbackId !== null,
});
