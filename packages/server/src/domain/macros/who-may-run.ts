import type { ConversationState } from '@switchboard/protocol';

/** Who asks: a staff member, and whether they oversee the organisation (supervisors, admins). */
export type Runner = { userId: string; supervises: boolean };

/**
 * Why `who` may not use a conversation's script or macros now, or null (AG7, AG8). Its agent, or a
 * supervisor; macros run only while the conversation is active (they may write to the customer and
 * link records to it); script steps may be marked until it is closed (the agent ticks off the last
 * ones in wrap-up).
 */
export function scriptUseRefusal(
  c: { state: ConversationState; agentId: string | null },
  who: Runner,
  use: 'read' | 'mark' | 'run',
): string | null {
  if (c.agentId !== who.userId && !who.supervises)
    return "only the conversation's agent or a supervisor may use its script and macros";
  if (use === 'run' && c.state !== 'active') return `macros run only in an active conversation; this one is ${c.state}`;
  if (use === 'mark' && c.state === 'closed') return 'this conversation is closed';
  return null;
}
