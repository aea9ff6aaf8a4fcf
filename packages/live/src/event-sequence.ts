/**
 * Gap-free application of per-conversation numbered events: the server numbers them 1, 2, 3 …
 * A client applies `last + 1`, ignores what it already has, and refetches after `last` on a gap.
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
 * Applies a batch (in any order, possibly overlapping what is already applied: socket and REST
 * both deliver). Stops at the first gap: events beyond it are not applied, the caller refetches
 * after the new `lastSeq`. Returns the same state object when nothing changed.
 */
export function applyEvents<E extends Sequenced>(
  state: SequenceState<E>,
  events: readonly E[],
): { state: SequenceState<E>; applied: E[]; gap: boolean } {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const applied: E[] = [];
  let current = state;
  for (const event of sorted) {
    const result = applyEvent(current, event);
    if (result.outcome === 'gap') return { state: current, applied, gap: true };
    if (result.outcome === 'applied') applied.push(event);
    current = result.state;
  }
  return { state: current, applied, gap: false };
}

/** The state of a full REST snapshot of a conversation's events. */
export function sequenceFrom<E extends Sequenced>(events: readonly E[]): SequenceState<E> {
  return applyEvents(emptySequence<E>(), events).state;
}
