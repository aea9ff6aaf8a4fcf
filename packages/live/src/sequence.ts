/**
 * Gap-free application of per-conversation numbered events, for every app that follows a
 * conversation live (agent, widget, supervisor): the server numbers them 1, 2, 3 ... A client
 * applies `last + 1`, ignores what it already has (the socket and a REST refetch overlap), and
 * refetches after `last` on a gap, so nothing ever shows out of order.
 */
export type Sequenced = { readonly seq: number };

export type SequenceState<E extends Sequenced> = {
  readonly lastSeq: number;
  readonly events: readonly E[];
};

export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

export function emptySequence<E extends Sequenced>(): SequenceState<E> {
  return { lastSeq: 0, events: [] };
}

export function applyEvent<E extends Sequenced>(
  state: SequenceState<E>,
  event: E,
): { state: SequenceState<E>; outcome: ApplyOutcome } {
  if (event.seq <= state.lastSeq) return { state, outcome: 'duplicate' };
  if (event.seq !== state.lastSeq + 1) return { state, outcome: 'gap' };
  return { state: { lastSeq: event.seq, events: [...state.events, event] }, outcome: 'applied' };
}

/**
 * Applies a batch (in any order, possibly overlapping what is already applied). Stops at the
 * first gap: events beyond it are not applied, the caller refetches after the new `lastSeq`.
 * The same state object comes back when nothing was applied, so a view need not re-render.
 */
export function applyEvents<E extends Sequenced>(
  state: SequenceState<E>,
  events: readonly E[],
): { state: SequenceState<E>; applied: E[]; gap: boolean } {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const applied: E[] = [];
  let last = state.lastSeq;
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
  if (applied.length === 0) return { state, applied, gap };
  return { state: { lastSeq: last, events: [...state.events, ...applied] }, applied, gap };
}

/** A sequence from a full REST snapshot of the conversation. */
export function sequenceFrom<E extends Sequenced>(events: readonly E[]): SequenceState<E> {
  return applyEvents(emptySequence<E>(), events).state;
}
