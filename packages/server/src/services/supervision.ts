import type { OngoingList, OngoingQuery, StaffMatches, SupervisorSwitches } from '@switchboard/protocol';
import { ONGOING_STATES } from '../domain/conversation/lifecycle.js';
import { decodeConversationCursor, encodeConversationCursor } from '../domain/paging/cursor.js';
import { pageStaffConversations } from '../store/conversation-pages.js';
import { toSummary } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { saveSwitches, searchAgents, switchesOf } from '../store/supervision.js';
import type { StaffIdentity } from './identity.js';

/**
 * What the supervisor's desk reads (SV1) and the admin's switches for it (SV7). The route table
 * lets only supervisors and admins in; every read is of the caller's organisation.
 */
export function createSupervisionService({ db }: { db: Db }) {
  return {
    /** Every conversation in progress, newest first, filtered on the server, with the switches. */
    async ongoing(who: StaffIdentity, query: Omit<OngoingQuery, 'limit'> & { limit: number }): Promise<OngoingList> {
      const cursor = query.cursor === undefined ? null : decodeConversationCursor(query.cursor);
      const [page, switches] = await Promise.all([
        pageStaffConversations(
          db,
          who.orgId,
          {
            states: query.state ? [query.state] : ['open', ...ONGOING_STATES],
            agentId: query.agentId,
            queueId: query.queueId,
            channel: query.channel,
          },
          cursor,
          query.limit,
        ),
        switchesOf(db, who.orgId),
      ]);
      const last = page.rows.at(-1);
      return {
        conversations: page.rows.map((r) => ({
          ...toSummary(r),
          waitingSince: r.waitingSince.toISOString(),
          sentiment: r.sentimentLevel,
        })),
        total: page.total,
        nextCursor: page.more && last ? encodeConversationCursor(last.key) : null,
        switches,
      };
    },

    async agents(who: StaffIdentity, query: { search: string; limit: number }): Promise<StaffMatches> {
      return { agents: await searchAgents(db, who.orgId, query.search, query.limit) };
    },

    switches: (who: StaffIdentity) => switchesOf(db, who.orgId),

    async setSwitches(who: StaffIdentity, switches: SupervisorSwitches): Promise<SupervisorSwitches> {
      await saveSwitches(db, who.orgId, switches);
      return switchesOf(db, who.orgId);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
