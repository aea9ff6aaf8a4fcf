import type { ConversationState, CustomerSentiment } from '@switchboard/protocol';

/**
 * The mark a conversation shows in my workspace (SV8): its customer's level when it is at or below
 * the admin's threshold, on a conversation I hold and still serve; otherwise none, so it goes as
 * soon as the level rises above, the conversation ends or goes to someone else.
 */
export function sentimentMark(
  c: { agentId: string | null; state: ConversationState },
  heard: CustomerSentiment | undefined,
  me: string | null | undefined,
): CustomerSentiment | null {
  if (!me || c.agentId !== me || (c.state !== 'active' && c.state !== 'waiting')) return null;
  return heard?.low ? heard : null;
}
