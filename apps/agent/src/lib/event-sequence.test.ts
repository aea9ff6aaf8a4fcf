import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, emptySequence, type SequenceState } from './event-sequence';

type E = { seq: number; text: string };
const ev = (seq: number): E => ({ seq, text: `event ${seq}` });
const upTo = (n: number): SequenceState<E> => ({ lastSeq: n, events: Array.from({ length: n }, (_, i) => ev(i + 1)) });

describe('applyEvent', () => {
  it('applies the next event in sequence', () => {
    const { state, outcome } = applyEvent(upTo(2), ev(3));
    expect(outcome).toBe('applied');
    expect(state.lastSeq).toBe(3);
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3]);
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
    expect(applied.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(state.lastSeq).toBe(5);
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at the first gap and keeps what came before it', () => {
    const { state, applied, gap } = applyEvents(upTo(1), [ev(2), ev(4), ev(5)]);
    expect(gap).toBe(true);
    expect(applied.map((e) => e.seq)).toEqual([2]);
    expect(state.lastSeq).toBe(2);
  });
});
