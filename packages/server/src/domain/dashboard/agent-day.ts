import { DomainError } from '../errors.js';

/** How far back an agent's day may start: local midnight is never more than a day and a half ago. */
export const LONGEST_DAY_MS = 36 * 60 * 60_000;

/**
 * Where the agent's day starts (AG10): the local midnight their browser sends, or UTC midnight.
 * A start in the future or more than 36 hours back is not a day start.
 */
export function agentDayStart(since: Date | undefined, now: Date): Date {
  if (since === undefined) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (since.getTime() > now.getTime() || now.getTime() - since.getTime() > LONGEST_DAY_MS)
    throw new DomainError('invalid', 'since is the start of your day: a time in the last 36 hours');
  return since;
}
