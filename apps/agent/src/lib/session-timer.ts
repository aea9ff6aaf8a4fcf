import type { ConversationEvent, ConversationSummary } from '@switchboard/protocol';

/** What the panel's timer counts (AG4): the session, or the wrap-up after it; `until` null = running. */
export type SessionTimer = { phase: 'session' | 'wrap-up'; since: string; until: string | null };

type Summary = Pick<ConversationSummary, 'state' | 'createdAt' | 'acceptedAt' | 'endedAt' | 'closedAt'>;

/**
 * The timer restarts at wrap-up to count wrap-up time, and again when a closed conversation is
 * reopened (AG4). Folded over the conversation's events; the summary fills in what the events
 * do not show (a timeline loaded without its early events).
 */
export function sessionTimer(summary: Summary, events: readonly ConversationEvent[]): SessionTimer {
  let timer: SessionTimer = { phase: 'session', since: summary.acceptedAt ?? summary.createdAt, until: null };
  let accepted = summary.acceptedAt !== null;
  for (const e of events) {
    if (e.type === 'accepted' && !accepted && timer.phase === 'session' && timer.until === null) {
      accepted = true;
      timer = { ...timer, since: e.at };
    }
    if (e.type !== 'state') continue;
    if (e.from === 'closed') timer = { phase: 'session', since: e.at, until: null };
    else if (e.to === 'wrap-up') timer = { phase: 'wrap-up', since: e.at, until: null };
    if (e.to === 'closed') timer = { ...timer, until: e.at };
  }
  if (summary.state === 'wrap-up' && timer.phase !== 'wrap-up')
    return { phase: 'wrap-up', since: summary.endedAt ?? timer.since, until: null };
  if (summary.state === 'closed' && timer.until === null)
    return { ...timer, until: summary.closedAt ?? summary.endedAt };
  if (summary.state !== 'closed' && summary.state !== 'wrap-up' && timer.until !== null)
    return { ...timer, until: null };
  return timer;
}
