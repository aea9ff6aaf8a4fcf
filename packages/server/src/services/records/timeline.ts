import { TimelineKind, type TimelineItem, type TimelinePage, type TimelineQuery } from '@switchboard/protocol';
import { notFound } from '../../domain/errors.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../domain/records/cursors.js';
import type { Db } from '../../store/db.js';
import { getAccount } from '../../store/records/accounts.js';
import { activitiesByIds } from '../../store/records/activities.js';
import { casesByIds } from '../../store/records/cases.js';
import { getContact } from '../../store/records/contacts.js';
import { conversationItems } from '../../store/records/conversation-facts.js';
import { notesByIds } from '../../store/records/notes.js';
import { timelineEntries, type TimelineOwner } from '../../store/records/timeline.js';
import type { Parsed, RecordsKit } from './kit.js';
import { activityView, caseView, conversationItemView, noteView } from './views.js';

const ALL = TimelineKind.options;

/**
 * CV4: a page of the owner's timeline, newest first: the keys from one query over the four kinds,
 * then each kind's details in one query each, put back in the keys' order.
 */
export async function timelinePage(
  db: Db,
  orgId: string,
  owner: TimelineOwner,
  q: { kinds?: readonly TimelineKind[]; cursor?: string; limit: number },
): Promise<TimelinePage> {
  const cursor = q.cursor ? decodeTimeCursor('timeline', q.cursor) : undefined;
  const entries = await timelineEntries(db, orgId, owner, q.kinds ?? ALL, q.limit + 1, cursor);
  const page = entries.slice(0, q.limit);
  const ids = (kind: TimelineKind) => page.filter((e) => e.kind === kind).map((e) => e.id);
  const [convs, cases, notes, activities] = await Promise.all([
    conversationItems(db, orgId, ids('conversation')),
    casesByIds(db, orgId, ids('case')),
    notesByIds(db, orgId, ids('note')),
    activitiesByIds(db, orgId, ids('activity')),
  ]);
  const byId = {
    conversation: new Map(convs.map((r) => [r.id, r])),
    case: new Map(cases.map((r) => [r.id, r])),
    note: new Map(notes.map((r) => [r.id, r])),
    activity: new Map(activities.map((r) => [r.id, r])),
  };
  const items: TimelineItem[] = [];
  for (const e of page) {
    const base = { id: e.id, at: new Date(Date.parse(e.at.slice(0, 23) + 'Z')).toISOString() };
    if (e.kind === 'conversation') {
      const r = byId.conversation.get(e.id);
      if (r) items.push({ kind: 'conversation', ...base, conversation: conversationItemView(r) });
    } else if (e.kind === 'case') {
      const r = byId.case.get(e.id);
      if (r) items.push({ kind: 'case', ...base, case: caseView(r) });
    } else if (e.kind === 'note') {
      const r = byId.note.get(e.id);
      if (r) items.push({ kind: 'note', ...base, note: noteView(r) });
    } else {
      const r = byId.activity.get(e.id);
      if (r) items.push({ kind: 'activity', ...base, activity: activityView(r) });
    }
  }
  const last = page.at(-1);
  return {
    items,
    nextCursor: entries.length > q.limit && last ? encodeTimeCursor('timeline', last.at, last.id) : null,
  };
}

const kindsOf = (q: Parsed<typeof TimelineQuery>) =>
  q.kinds ? ([...new Set(q.kinds.split(','))] as TimelineKind[]) : undefined;

/** The timeline routes: a contact's or an account's of this organisation, else "not found". */
export function timelineUseCases(kit: RecordsKit) {
  const { db } = kit;
  return {
    async contactTimeline(orgId: string, id: string, q: Parsed<typeof TimelineQuery>) {
      if (!(await getContact(db, orgId, id))) throw notFound(`contact ${id}`);
      return timelinePage(
        db,
        orgId,
        { kind: 'contact', id },
        { kinds: kindsOf(q), cursor: q.cursor, limit: q.limit ?? 25 },
      );
    },
    async accountTimeline(orgId: string, id: string, q: Parsed<typeof TimelineQuery>) {
      if (!(await getAccount(db, orgId, id))) throw notFound(`account ${id}`);
      return timelinePage(
        db,
        orgId,
        { kind: 'account', id },
        { kinds: kindsOf(q), cursor: q.cursor, limit: q.limit ?? 25 },
      );
    },
  };
}
