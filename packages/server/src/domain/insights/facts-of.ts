import type { Channel } from '@switchboard/protocol';
import type { SentimentLevel } from '../sentiment/levels.js';
import type { FactSet, ParticipantFact, SessionFact, SessionOutcome } from './facts.js';

/**
 * A closed conversation's facts (SV9) from what the store keeps of it: its row, its offers, its
 * participants and two instants read off its events. Pure, so the rules below are tested by table.
 */
export type ClosedConversation = {
  id: string;
  channel: Channel;
  queueId: string | null;
  createdAt: Date;
  endedAt: Date | null;
  closedAt: Date;
  sentimentLevel: SentimentLevel | null;
  offers: readonly {
    id: string;
    agentId: string;
    status: 'pending' | 'accepted' | 'rejected' | 'timeout' | 'withdrawn';
    offeredAt: Date;
    closedAt: Date | null;
  }[];
  participants: readonly {
    userId: string | null;
    role: 'customer' | 'primary' | 'consultant' | 'monitor' | 'bot';
    joinedAt: Date;
    leftAt: Date | null;
  }[];
  /** The first public message an agent wrote; null if none. */
  firstAgentReplyAt: Date | null;
  /** When it last went to wrap-up; null if it never did (the customer left before an answer). */
  wrapUpAt: Date | null;
  /** The customer's post-chat rating (CH1), when they gave one. */
  csatScore?: 1 | 2 | 3 | 4 | 5 | null;
};

const OUTCOMES: Record<ClosedConversation['offers'][number]['status'], SessionOutcome> = {
  accepted: 'accepted',
  rejected: 'rejected',
  timeout: 'timed-out',
  withdrawn: 'withdrawn',
  // An offer still pending at close was overtaken by the close: nobody answered it.
  pending: 'withdrawn',
};

const ms = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());
const byTime =
  <T>(at: (x: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime();

/**
 * - Answered: when the first primary agent joined (an accepted offer, a pick or an assignment all
 *   make one), by them. A conversation arrives in the queue intake chose, so it is queued from arrival.
 * - Sessions: one per offer; every accepted one but the last handed the conversation on.
 * - Handle time: a primary agent's time from joining to leaving (or the close), wrap-up included;
 *   the last primary agent's wrap-up runs from the last move to wrap-up to the close. Time parked
 *   in `waiting` counts too: the store keeps no per-agent pause, which a later fact may add.
 * - Queue: the one it closed in, for all of its facts.
 */
export function factsOf(c: ClosedConversation): FactSet {
  const base = { conversationId: c.id, channel: c.channel, arrivedAt: c.createdAt, queueId: c.queueId };
  const primaries = c.participants
    .filter((p): p is typeof p & { userId: string } => p.role === 'primary' && p.userId !== null)
    .sort(byTime((p) => p.joinedAt));
  const first = primaries[0];
  const conversation = {
    ...base,
    queuedAt: c.queueId ? c.createdAt : null,
    answeredAt: first?.joinedAt ?? null,
    answeredBy: first?.userId ?? null,
    endedAt: c.endedAt ?? c.closedAt,
    firstAgentReplyAt: c.firstAgentReplyAt,
    csatScore: c.csatScore ?? null,
    sentiment: c.sentimentLevel,
  };
  const offers = [...c.offers].sort(byTime((o) => o.offeredAt));
  const accepted = offers.filter((o) => o.status === 'accepted');
  const lastAccepted = accepted[accepted.length - 1];
  const sessions: SessionFact[] = offers.map((o) => ({
    ...base,
    sessionId: o.id,
    agentId: o.agentId,
    offeredAt: o.offeredAt,
    outcome: OUTCOMES[o.status],
    answeredAt: o.status === 'withdrawn' || o.status === 'pending' ? null : o.closedAt,
    transferredOut: o.status === 'accepted' && o !== lastAccepted,
  }));
  const last = primaries[primaries.length - 1];
  const participants: ParticipantFact[] = c.participants.flatMap((p) => {
    if (p.userId === null || p.role === 'customer' || p.role === 'bot') return [];
    const mode = p.role === 'primary' ? 'primary' : p.role === 'consultant' ? 'consult' : 'monitor';
    const wrapUpMs = p === last && c.wrapUpAt && c.wrapUpAt >= p.joinedAt ? ms(c.wrapUpAt, c.closedAt) : null;
    return [{ ...base, agentId: p.userId, mode, handleMs: ms(p.joinedAt, p.leftAt ?? c.closedAt), wrapUpMs }];
  });
  return { conversations: [conversation], sessions, participants };
}
