import { sql, type SQL } from 'drizzle-orm';
import { agentCapacityProfiles, conversations } from './schema.js';

// What an agent uses, in SQL, for every read and conditional write that needs it: the routing
// snapshot, the claim, presence and the end-of-day sweep count it the same way.

/** The day end-of-day capacity profiles count in: the UTC date, `YYYY-MM-DD`. */
export const usageDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * An agent's use of a profile on `day`: an end-of-day profile last used on an earlier day is
 * empty again. `resetFrequency` is the profile's setting (a column or a subquery).
 */
export const profileUsedOn = (day: string, resetFrequency: SQL) =>
  sql`(case when ${resetFrequency} = 'end-of-day' and ${agentCapacityProfiles.usedOn} is distinct from ${day} then 0 else ${agentCapacityProfiles.used} end)`;

/** How many conversations an agent holds (offered, active, waiting, wrap-up): what the session limit counts. */
export const sessionsHeldBy = (userId: SQL) =>
  sql`(select count(*)::int from ${conversations} s where s.agent_id = ${userId} and s.state in ('active', 'waiting', 'wrap-up'))`;
