import type { ConversationState, CustomerSentiment, Role } from '@switchboard/protocol';
import type { SentimentLevel } from './levels.js';
import { isAtOrBelowThreshold, type SentimentThreshold } from './threshold.js';

const oversees = (role: Role) => role === 'supervisor' || role === 'admin';

/** A member of a conversation's queue, as the alert rule sees them. */
export type QueueMember = { userId: string; role: Role; disabled: boolean };

/**
 * Who hears a sentiment alert (SV8): these people (never none: an empty list of rooms would reach
 * every socket), or everyone who oversees the organisation.
 */
export type AlertAudience = { kind: 'users'; userIds: [string, ...string[]] } | { kind: 'oversight' };

/**
 * Who is told that a conversation fell to the admin's threshold (SV8): the supervisors of its queue,
 * that is its members who are supervisors or admins (agents never; nor a disabled account). A queue
 * without one, or a conversation in no queue, would leave the alert unheard: then every supervisor
 * and admin of the organisation gets it.
 */
export function alertAudience(members: readonly QueueMember[]): AlertAudience {
  const [first, ...rest] = new Set(members.filter((m) => !m.disabled && oversees(m.role)).map((m) => m.userId));
  return first === undefined ? { kind: 'oversight' } : { kind: 'users', userIds: [first, ...rest] };
}

export type SentimentSettingFacts = { enabled: boolean; threshold: SentimentThreshold };

/**
 * What the agent who holds a conversation is shown of its customer's sentiment (SV8): the level and
 * whether it is at or below the admin's threshold, while the customer is still being served (active
 * or waiting). Only the agent who accepted it: an agent offered it, a consultant or a previous agent
 * see nothing; nor anyone while sentiment is off.
 */
export function holderSentiment(
  readerId: string,
  c: { state: ConversationState; agentId: string | null; accepted: boolean; level: SentimentLevel | null },
  setting: SentimentSettingFacts,
): CustomerSentiment | null {
  if (!setting.enabled || c.level === null || !c.accepted || c.agentId !== readerId) return null;
  if (c.state !== 'active' && c.state !== 'waiting') return null;
  return { level: c.level, low: isAtOrBelowThreshold(c.level, setting.threshold) };
}

/**
 * Whether a reader of the transcript sees each customer message's level (SV8): supervisors and
 * admins watching an agent's conversation. The agent's and the customer's views never carry it,
 * so neither does a supervisor's own conversation; nor any view while sentiment is off.
 */
export function seesMessageLevels(
  reader: { userId: string; role: Role },
  c: { agentId: string | null },
  setting: Pick<SentimentSettingFacts, 'enabled'>,
): boolean {
  return setting.enabled && oversees(reader.role) && c.agentId !== reader.userId;
}
