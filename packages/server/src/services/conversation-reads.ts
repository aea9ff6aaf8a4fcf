import type {
  ConversationDetail,
  ConversationEvent,
  ConversationList,
  PrechatAnswers,
  VisitorConversation,
} from '@switchboard/protocol';
import { ONGOING_STATES } from '../domain/conversation/lifecycle.js';
import { mayDo } from '../domain/conversation/participants.js';
import { forbidden, notFound } from '../domain/errors.js';
import { decodeConversationCursor, encodeConversationCursor } from '../domain/paging/cursor.js';
import { pageStaffConversations } from '../store/conversation-pages.js';
import { getConversation, toSummary } from '../store/conversations.js';
import { listEvents, toWireEvent } from '../store/events.js';
import { listParticipants } from '../store/participants.js';
import type { ConversationKit } from './conversation-kit.js';
import { callbackOfWork, visitorCallbackOf } from './callback-views.js';
import { wrapUpOf } from './wrap-up.js';
import { oversees, type StaffIdentity, type VisitorIdentity } from './identity.js';
import type { SentimentViews } from './sentiment-views.js';

/** What staff and visitors read of conversations: views, events, the staff lists a page at a time. */
export function conversationReads(kit: ConversationKit, sentiment: SentimentViews) {
  const { db, guard, partOf } = kit;

  async function visitorView(orgId: string, id: string): Promise<VisitorConversation> {
    const c = await getConversation(db, orgId, id);
    if (!c) throw notFound('conversation');
    const events = await listEvents(db, orgId, id, 'customer');
    const accepted = c.acceptedAt !== null;
    return {
      id: c.id,
      // Until an agent accepts, the customer is still waiting, whatever routing is doing.
      state: c.state === 'active' && !accepted ? 'open' : c.state,
      agentName: accepted ? c.agentName : null,
      lastSeq: c.lastPublicSeq,
      events: events.map((e) => toWireEvent(e, 'customer')),
      callback: await visitorCallbackOf(db, c),
    };
  }

  async function readable(who: StaffIdentity, id: string) {
    const c = await getConversation(db, who.orgId, id);
    if (!c) throw notFound('conversation');
    await guard(db, who, c, 'read');
    return c;
  }

  return {
    visitorViewOf: visitorView,
    visitorView: (who: VisitorIdentity) => visitorView(who.orgId, who.conversationId),

    async visitorEvents(who: VisitorIdentity, after: number): Promise<ConversationEvent[]> {
      const rows = await listEvents(db, who.orgId, who.conversationId, 'customer', after);
      return rows.map((e) => toWireEvent(e, 'customer'));
    },

    /** One page of a staff list, newest first, with the total over every page. */
    async list(
      who: StaffIdentity,
      query: {
        scope: 'ongoing' | 'closed' | 'all';
        cursor?: string;
        limit: number;
        customer?: string;
        from?: string;
        to?: string;
      },
    ): Promise<ConversationList> {
      const { scope } = query;
      if (scope === 'all' && !oversees(who)) throw forbidden('only supervisors and admins see every conversation');
      const cursor = query.cursor === undefined ? null : decodeConversationCursor(query.cursor);
      const page = await pageStaffConversations(
        db,
        who.orgId,
        {
          agentId: scope === 'all' ? undefined : who.userId,
          states: scope === 'closed' ? ['closed'] : scope === 'all' ? ['open', ...ONGOING_STATES] : ONGOING_STATES,
          // An assigned conversation the agent has not accepted yet is an offer, not ongoing work.
          acceptedOnly: scope === 'ongoing',
          // The conversations an agent consults on are their ongoing work too (AG5).
          withConsults: scope === 'ongoing',
          customer: query.customer,
          from: query.from === undefined ? undefined : new Date(query.from),
          to: query.to === undefined ? undefined : new Date(query.to),
        },
        cursor,
        query.limit,
      );
      const last = page.rows.at(-1);
      const mark = await sentiment.ofList(who);
      return {
        conversations: page.rows.map((c) => ({ ...toSummary(c), ...mark(c) })),
        total: page.total,
        nextCursor: page.more && last ? encodeConversationCursor(last.key) : null,
      };
    },

    async detail(who: StaffIdentity, id: string): Promise<ConversationDetail> {
      const c = await readable(who, id);
      const events = (await listEvents(db, who.orgId, id, 'staff')).map((e) => toWireEvent(e, 'staff'));
      const participants = await listParticipants(db, who.orgId, id);
      return {
        ...toSummary(c),
        ...(await sentiment.ofDetail(who, c, events)),
        // A silent monitor is for the audit and other supervisors: the agent never learns of it (SV2).
        participants: participants
          .filter((p) => p.role !== 'monitor' || oversees(who))
          .map((p) => ({
            role: p.role,
            userId: p.userId,
            name: p.name,
            joinedAt: p.joinedAt.toISOString(),
            leftAt: p.leftAt?.toISOString() ?? null,
          })),
        prechat: c.prechat as PrechatAnswers | null,
        context: c.context as Record<string, string>,
        events,
        wrapUp: await wrapUpOf(db, c),
        callback: await callbackOfWork(db, c),
      };
    },

    async staffEvents(who: StaffIdentity, id: string, after: number): Promise<ConversationEvent[]> {
      await readable(who, id);
      const rows = await listEvents(db, who.orgId, id, 'staff', after);
      return rows.map((e) => toWireEvent(e, 'staff'));
    },

    /** Whether this staff member may follow this conversation live. */
    async canFollow(who: StaffIdentity, id: string): Promise<boolean> {
      const c = await getConversation(db, who.orgId, id);
      return !!c && mayDo(await partOf(db, who, c), 'read');
    },
  };
}
