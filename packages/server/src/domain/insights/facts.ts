import type { Channel } from '@switchboard/protocol';

/**
 * The facts the reporting model keeps (SV9), one per conversation, per session and per
 * participant, as docs/features.md (SV9) defines them. The model writes them from the event stream; the
 * rollups (rollup.ts) are folded from them and the KPIs (kpis.ts) are read from the rollups.
 *
 * Every fact carries its conversation's `arrivedAt` and `channel`: all measures of a conversation
 * fall in the hour it arrived ("interval of arrival"), so the answers, abandons and handle time of
 * an hour are compared with that hour's arrivals, and a ratio of two measures stays exact in any cut
 * by hour, day or channel. Instants are Dates; durations the rollup derives are in milliseconds.
 */

// The seven levels of SV8 (domain/sentiment); a conversation's fact holds its last level.
export { SENTIMENT_LEVELS, type SentimentLevel } from '../sentiment/levels.js';
import type { SentimentLevel } from '../sentiment/levels.js';

/** A conversation from its start to its close ("conversation": end to end, across agents). */
export type ConversationFact = {
  conversationId: string;
  channel: Channel;
  /** When the customer started it (or a bot escalated it): first response runs from here. */
  arrivedAt: Date;
  /** The queue it first waited in; null when it never reached one (ended by overflow, say). */
  queueId: string | null;
  /** When it entered that queue; null with queueId. Waits run from here (from arrival if never queued). */
  queuedAt: Date | null;
  /** When an agent first accepted or picked it; null if nobody ever did. */
  answeredAt: Date | null;
  /** Who did: the agent its speed of answer and first response count for. */
  answeredBy: string | null;
  /**
   * When the customer left or the conversation was ended for them; an unanswered conversation with
   * an end is abandoned. Null while it is still going.
   */
  endedAt: Date | null;
  /** The first message an agent wrote to the customer (notes do not count); null if none yet. */
  firstAgentReplyAt: Date | null;
  /** The post-conversation survey's score, 1 (worst) to 5 (best); null if not answered. */
  csatScore: 1 | 2 | 3 | 4 | 5 | null;
  /** The conversation's last sentiment level (SV8); null when sentiment is off or nothing was said. */
  sentiment: SentimentLevel | null;
};

/**
 * What became of one routing attempt: accepted (the agent took it), rejected, timed out (the offer
 * expired), or withdrawn (the customer left, or a supervisor moved it, before an answer).
 */
export type SessionOutcome = 'accepted' | 'rejected' | 'timed-out' | 'withdrawn';

/**
 * A session: one routing attempt or owner. A new one starts for each offer, so a rejected
 * or timed-out offer and each transfer begin another session of the same conversation.
 */
export type SessionFact = {
  sessionId: string;
  conversationId: string;
  channel: Channel;
  /** The conversation's arrival, which places this session in an hour (see above). */
  arrivedAt: Date;
  /** The queue the session was routed in (a transfer to a queue starts one in that queue). */
  queueId: string | null;
  /** The agent it was offered or assigned to. */
  agentId: string;
  /** When the offer was made (or the supervisor or the agent's pick assigned it). */
  offeredAt: Date;
  outcome: SessionOutcome;
  /** When the agent accepted or rejected, or the offer expired; null when withdrawn. */
  answeredAt: Date | null;
  /** The accepted session ended by handing the conversation on to another agent or queue. */
  transferredOut: boolean;
};

/** How an agent took part (its participation mode). */
export type ParticipationMode = 'primary' | 'consult' | 'monitor';

/** One agent's part in one conversation (a "session participant"). */
export type ParticipantFact = {
  conversationId: string;
  channel: Channel;
  arrivedAt: Date;
  queueId: string | null;
  agentId: string;
  mode: ParticipationMode;
  /**
   * Time the agent worked it while it was theirs: active (not parked in waiting) plus their wrap-up,
   * in milliseconds. Handle time counts primary agents only; a consultant's time is kept for the
   * consult measures still to come.
   */
  handleMs: number;
  /**
   * This agent's wrap-up, in milliseconds, when they were the last primary agent (who wraps up);
   * null for everyone else, so a transferred conversation's wrap-up counts once.
   */
  wrapUpMs: number | null;
};

/** Everything one fold reads; any of the lists may be empty. */
export type FactSet = {
  conversations: readonly ConversationFact[];
  sessions: readonly SessionFact[];
  participants: readonly ParticipantFact[];
};
