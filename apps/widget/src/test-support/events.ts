import type { ConversationEvent } from '@switchboard/protocol';

export const CONVERSATION_ID = '11111111-1111-4111-8111-111111111111';
const AT = '2025-01-01T10:00:00.000Z';

/** A customer-audience message event, as the server sends it. */
export function messageEvent(seq: number, kind: 'customer' | 'agent' | 'system' | 'bot', text: string, clientMessageId: string | null = null): ConversationEvent {
  return {
    type: 'message',
    conversationId: CONVERSATION_ID,
    seq,
    at: AT,
    message: { id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, kind, text, authorId: null, authorName: kind === 'agent' ? 'Bob de Vries' : 'Emma', clientMessageId, at: AT },
  };
}

export function acceptedEvent(seq: number, agentName = 'Bob de Vries'): ConversationEvent {
  return { type: 'accepted', conversationId: CONVERSATION_ID, seq, at: AT, agentId: '22222222-2222-4222-8222-222222222222', agentName };
}

export function endedEvent(seq: number, by: 'customer' | 'agent' = 'customer'): ConversationEvent {
  return {
    type: 'state',
    conversationId: CONVERSATION_ID,
    seq,
    at: AT,
    from: 'active',
    to: 'wrap-up',
    reason: 'ended',
    actor: { type: by, id: null, name: by === 'customer' ? 'Emma' : 'Bob de Vries' },
  };
}
