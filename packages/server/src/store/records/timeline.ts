import { sql, type SQL } from 'drizzle-orm';
import type { TimelineKind } from '@switchboard/protocol';
import { rowsOf, type Db } from '../db.js';
import { cases, contacts, conversations, recordActivities, recordNotes } from '../schema.js';

/** Whose timeline (CV4): a contact's, or an account's (its own and its contacts' conversations). */
export type TimelineOwner = { kind: 'contact' | 'account'; id: string };
/** The last item sent: newest first by (at, id); `at` keeps its microseconds. */
export type TimelineCursor = { at: string; id: string };
export type TimelineEntry = { kind: TimelineKind; id: string; at: string };

const micros = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One select per kind; each filters on the organisation and the owner through its own index. */
function branch(orgId: string, owner: TimelineOwner, kind: TimelineKind): SQL {
  const org = sql`${orgId}::uuid`;
  const id = sql`${owner.id}::uuid`;
  const ownCases =
    owner.kind === 'contact'
      ? sql`select ${cases.id} from ${cases} where ${cases.orgId} = ${org} and ${cases.contactId} = ${id}`
      : sql`select ${cases.id} from ${cases} where ${cases.orgId} = ${org} and ${cases.accountId} = ${id}`;
  switch (kind) {
    case 'conversation': {
      const who =
        owner.kind === 'contact'
          ? sql`${conversations.contactId} = ${id}`
          : sql`(${conversations.accountId} = ${id} or ${conversations.contactId} in (select ${contacts.id}
              from ${contacts} where ${contacts.orgId} = ${org} and ${contacts.accountId} = ${id}))`;
      return sql`select 'conversation' as kind, ${conversations.id} as id, ${conversations.createdAt} as at
        from ${conversations} where ${conversations.orgId} = ${org} and ${who}`;
    }
    case 'case': {
      const who = owner.kind === 'contact' ? sql`${cases.contactId} = ${id}` : sql`${cases.accountId} = ${id}`;
      return sql`select 'case' as kind, ${cases.id} as id, ${cases.createdAt} as at
        from ${cases} where ${cases.orgId} = ${org} and ${who}`;
    }
    case 'note': {
      const own =
        owner.kind === 'contact' ? sql`${recordNotes.contactId} = ${id}` : sql`${recordNotes.accountId} = ${id}`;
      return sql`select 'note' as kind, ${recordNotes.id} as id, ${recordNotes.createdAt} as at
        from ${recordNotes} where ${recordNotes.orgId} = ${org} and (${own} or ${recordNotes.caseId} in (${ownCases}))`;
    }
    case 'activity': {
      const own =
        owner.kind === 'contact'
          ? sql`${recordActivities.contactId} = ${id}`
          : sql`${recordActivities.accountId} = ${id}`;
      return sql`select 'activity' as kind, ${recordActivities.id} as id, ${recordActivities.createdAt} as at
        from ${recordActivities} where ${recordActivities.orgId} = ${org} and ${own}`;
    }
  }
}

/**
 * CV4: the owner's conversations, cases, notes and activities of the kinds asked, newest first, up
 * to `limit` after the cursor. Only keys: the service reads each item's details by id.
 */
export async function timelineEntries(
  db: Db,
  orgId: string,
  owner: TimelineOwner,
  kinds: readonly TimelineKind[],
  limit: number,
  cursor?: TimelineCursor,
): Promise<TimelineEntry[]> {
  if (kinds.length === 0) return [];
  const union = sql.join(
    kinds.map((k) => branch(orgId, owner, k)),
    sql` union all `,
  );
  const after = cursor
    ? sql`where t.at < ${cursor.at}::timestamptz or (t.at = ${cursor.at}::timestamptz and t.id < ${cursor.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`select t.kind, t.id, ${micros(sql`t.at`)} as at from (${union}) t ${after}
    order by t.at desc, t.id desc limit ${limit}`);
  return rowsOf<{ kind: TimelineKind; id: string; at: string }>(result).map((r) => ({
    kind: r.kind,
    id: r.id,
    at: r.at,
  }));
}
