import type { ConversationFact, ParticipantFact, SessionFact } from './facts.js';

/**
 * Fact builders for the insights tests: every field filled, times given as seconds after `T0`
 * so a fixture reads as the arithmetic written beside it.
 */
export const T0 = new Date('2026-03-02T09:00:00.000Z');
export const QUEUE = '00000000-0000-4000-8000-00000000000a';
export const AGENT_A = '00000000-0000-4000-8000-0000000000a1';
export const AGENT_B = '00000000-0000-4000-8000-0000000000b1';

/** T0 plus `seconds`; null stays null. */
export function at(seconds: number): Date;
export function at(seconds: number | null): Date | null;
export function at(seconds: number | null): Date | null {
  return seconds === null ? null : new Date(T0.getTime() + seconds * 1000);
}

type ConversationTimes = {
  arrived?: number;
  queued?: number | null;
  answered?: number | null;
  ended?: number | null;
  replied?: number | null;
};

export function conversation(
  id: string,
  times: ConversationTimes,
  rest: Partial<Omit<ConversationFact, 'arrivedAt' | 'queuedAt' | 'answeredAt' | 'endedAt'>> = {},
): ConversationFact {
  const arrived = times.arrived ?? 0;
  return {
    conversationId: id,
    channel: 'webchat',
    arrivedAt: at(arrived),
    queueId: times.queued === null ? null : QUEUE,
    queuedAt: at(times.queued === undefined ? arrived : times.queued),
    answeredAt: at(times.answered ?? null),
    answeredBy: null,
    endedAt: at(times.ended ?? null),
    firstAgentReplyAt: at(times.replied ?? null),
    csatScore: null,
    sentiment: null,
    ...rest,
  };
}

export function session(
  id: string,
  conversationId: string,
  agentId: string,
  times: { offered: number; answered?: number | null },
  outcome: SessionFact['outcome'],
  transferredOut = false,
): SessionFact {
  return {
    sessionId: id,
    conversationId,
    channel: 'webchat',
    arrivedAt: T0,
    queueId: QUEUE,
    agentId,
    offeredAt: at(times.offered),
    outcome,
    answeredAt: at(times.answered ?? null),
    transferredOut,
  };
}

export function participant(
  conversationId: string,
  agentId: string,
  mode: ParticipantFact['mode'],
  handleSeconds: number,
  wrapUpSeconds: number | null,
): ParticipantFact {
  return {
    conversationId,
    channel: 'webchat',
    arrivedAt: T0,
    queueId: QUEUE,
    agentId,
    mode,
    handleMs: handleSeconds * 1000,
    wrapUpMs: wrapUpSeconds === null ? null : wrapUpSeconds * 1000,
  };
}
