import type { AgentHome } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { agentDayStart } from '../domain/dashboard/agent-day.js';
import { notFound } from '../domain/errors.js';
import { agentDayCounts, agentLoad, agentProfileUse } from '../store/agent-day.js';
import type { Db } from '../store/db.js';
import type { StaffIdentity } from './identity.js';

/** The agent dashboard's home view (AG10): what I hold now and what my day has been. */
export function createAgentHome({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async home(who: StaffIdentity, query: { since?: string }): Promise<AgentHome> {
      const now = clock.now();
      const since = agentDayStart(query.since === undefined ? undefined : new Date(query.since), now);
      const [load, profiles, day] = await Promise.all([
        agentLoad(db, who.orgId, who.userId),
        agentProfileUse(db, who.orgId, who.userId, now),
        agentDayCounts(db, who.orgId, who.userId, since),
      ]);
      if (!load) throw notFound('user');
      return { ...load, profiles, today: { since: since.toISOString(), ...day } };
    },
  };
}

export type AgentHomeService = ReturnType<typeof createAgentHome>;
