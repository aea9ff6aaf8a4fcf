import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, emptySequence, sequenceFrom, type SequenceState } from './event-sequence.js';

type E = { seq: number; text: string };
const ev = (seq: number): E => ({ seq, text: `event ${seq}` });
const upTo = (n: number): SequenceState<E> => ({ lastSeq: n, events: Array.from({ length: n }, (_, i) => ev(i + 1)) });
const seqs = (events: readonly { seq: number }[]) => events.map((e) => e.seq);

describe('applyEvent', () => {
  it('applies the next event in sequence', () => {
    const { state, outcome } = applyEvent(upTo(2), ev(3));
    expect(outcome).toBe('applied');
    expect(state.lastSeq).toBe(3);
    expect(seqs(state.events)).toEqual([1, 2, 3]);
  });

  it('ignores an event it already has, leaving the state untouched', () => {
    const before = upTo(3);
    for (const seq of [1, 3]) {
      const { state, outcome } = applyEvent(before, ev(seq));
      expect(outcome).toBe('duplicate');
      expect(state).toBe(before);
    }
  });

  it('reports a gap instead of applying an event that skips ahead', () => {
    const before = upTo(2);
    const { state, outcome } = applyEvent(before, ev(4));
    expect(outcome).toBe('gap');
    expect(state).toBe(before);
  });

  it('starts at seq 1', () => {
    expect(applyEvent(emptySequence<E>(), ev(1)).outcome).toBe('applied');
    expect(applyEvent(emptySequence<E>(), ev(2)).outcome).toBe('gap');
  });
});

describe('applyEvents', () => {
  it('applies a refetched batch in seq order, skipping what it already has', () => {
    const { state, applied, gap } = applyEvents(upTo(2), [ev(4), ev(2), ev(3), ev(5)]);
    expect(gap).toBe(false);
    expect(seqs(applied)).toEqual([3, 4, 5]);
    expect(state.lastSeq).toBe(5);
    expect(seqs(state.events)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at the first gap and keeps what came before it', () => {
    const { state, applied, gap } = applyEvents(upTo(1), [ev(2), ev(4), ev(5)]);
    expect(gap).toBe(true);
    expect(seqs(applied)).toEqual([2]);
    expect(state.lastSeq).toBe(2);
    expect(seqs(state.events)).toEqual([1, 2]);
  });

  it('returns the same state object when everything was known (socket and REST both deliver)', () => {
    const before = upTo(2);
    const { state, applied, gap } = applyEvents(before, [ev(2), ev(1)]);
    expect(applied).toEqual([]);
    expect(gap).toBe(false);
    expect(state).toBe(before);
  });

  it('reports a gap without applying anything past the hole', () => {
    const before = upTo(1);
    const { state, applied, gap } = applyEvents(before, [ev(3)]);
    expect(gap).toBe(true);
    expect(applied).toEqual([]);
    expect(state).toBe(before);
  });
});

describe('sequenceFrom', () => {
  it('builds the state of a REST snapshot, in order, whatever order it came in', () => {
    const state = sequenceFrom([ev(2), ev(1), ev(3)]);
    expect(state.lastSeq).toBe(3);
    expect(seqs(state.events)).toEqual([1, 2, 3]);
    expect(sequenceFrom<E>([])).toEqual(emptySequence());
  });
});
