import {
  NATURAL_DIRECTION,
  type OngoingList,
  type OngoingQuery,
  type StaffMatches,
  type SupervisorSwitches,
} from '@switchboard/protocol';
import type { z } from 'zod';
import type { Clock } from '../domain/clock.js';
import { decodeOngoingCursor, encodeOngoingCursor } from '../domain/paging/ongoing-cursor.js';
import type { Db } from '../store/db.js';
import { ongoingKeys, ongoingRowsByIds, pageOngoing } from '../store/ongoing-pages.js';
import { saveSwitches, searchAgents, switchesOf } from '../store/supervision.js';
import type { StaffIdentity } from './identity.js';

/**
 * What the supervisor's desk reads (SV1) and the admin's switches for it (SV7). The route table
 * lets only supervisors and admins in; every read is of the caller's organisation.
 */
export function createSupervisionService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Every conversation in progress, filtered and sorted on the server, a page at a time, with the switches. */
    async ongoing(who: StaffIdentity, query: z.output<typeof OngoingQuery>): Promise<OngoingList> {
      const { sort } = query;
      const direction = query.direction ?? NATURAL_DIRECTION[sort];
      const cursor = query.cursor === undefined ? null : decodeOngoingCursor(query.cursor, { sort, direction });
      // The wait sort measures every page at the first page's instant (ongoing-cursor.ts).
      const asOf = sort === 'wait' ? (cursor?.asOf ?? clock.now().getTime()) : null;
      const filter = { queueId: query.queueId, channel: query.channel, state: query.state, agentId: query.agentId };
      const order = { sort, direction, asOf: asOf === null ? null : new Date(asOf) };
      const [page, switches] = await Promise.all([
        pageOngoing(db, who.orgId, filter, order, cursor, query.limit),
        switchesOf(db, who.orgId),
      ]);
      const last = page.rows.at(-1);
      return {
        conversations: page.rows.map((r) => r.row),
        total: page.total,
        nextCursor:
          page.more && last ? encodeOngoingCursor({ sort, direction, asOf, value: last.key, id: last.row.id }) : null,
        switches,
      };
    },

    /** The rows of these conversations still in progress (the live feed's one read per batch of changes). */
    rowsOf: (orgId: string, ids: readonly string[]) => ongoingRowsByIds(db, orgId, ids),
    /** What decides which list each conversation in progress is in (a feed's starting point). */
    keysOf: (orgId: string) => ongoingKeys(db, orgId),

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
