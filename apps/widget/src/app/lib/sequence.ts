import type { ConversationEvent } from '@switchboard/protocol';

/** The customer-visible events applied so far, in `seq` order without holes. */
export type Timeline = { lastSeq: number; events: readonly ConversationEvent[] };

export const emptyTimeline: Timeline = { lastSeq: 0, events: [] };

export type ApplyResult = {
  timeline: Timeline;
  applied: ConversationEvent[];
  /** An event skipped a number: the caller refetches the events after `lastSeq`. */
  gap: boolean;
};

/**
 * Applies events in `seq` order: the next number is applied, known numbers are ignored
 * (duplicates from socket + REST), and a jump stops at the hole so nothing shows out of order.
 * Returns the same timeline object when nothing changed.
 */
export function applyEvents(timeline: Timeline, incoming: readonly ConversationEvent[]): ApplyResult {
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  let last = timeline.lastSeq;
  const applied: ConversationEvent[] = [];
  let gap = false;
  for (const event of sorted) {
    if (event.seq <= last) continue;
    if (event.seq !== last + 1) {
      gap = true;
      break;
    }
    applied.push(event);
    last = event.seq;
  }
  if (applied.length === 0) return { timeline, applied, gap };
  return { timeline: { lastSeq: last, events: [...timeline.events, ...applied] }, applied, gap };
}

/** A timeline from a full REST snapshot of the conversation. */
export function timelineFrom(events: readonly ConversationEvent[]): Timeline {
  return applyEvents(emptyTimeline, events).timeline;
}
