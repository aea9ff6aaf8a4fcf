import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, emptySequence, sequenceFrom, type SequenceState } from './sequence.js';

type E = { seq: number; text?: string };
const ev = (seq: number, text = `m${seq}`): E => ({ seq, text });
const upTo = (n: number): SequenceState<E> => sequenceFrom(Array.from({ length: n }, (_, i) => ev(i + 1)));

describe('applyEvent', () => {
  it('applies the next number', () => {
    const { state, outcome } = applyEvent(upTo(2), ev(3));
    expect(outcome).toBe('applied');
    expect(state.lastSeq).toBe(3);
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it.each([1, 2])('ignores number %i it already has (socket and REST overlap)', (seq) => {
    const before = upTo(2);
    const { state, outcome } = applyEvent(before, ev(seq));
    expect(outcome).toBe('duplicate');
    expect(state).toBe(before);
  });

  it('reports a gap and applies nothing past it', () => {
    const before = upTo(2);
    const { state, outcome } = applyEvent(before, ev(4));
    expect(outcome).toBe('gap');
    expect(state).toBe(before);
  });

  it('starts at 1', () => {
    expect(applyEvent(emptySequence<E>(), ev(1)).outcome).toBe('applied');
    expect(applyEvent(emptySequence<E>(), ev(2)).outcome).toBe('gap');
  });
});

describe('applyEvents', () => {
  it('sorts a batch and applies it, overlapping or not', () => {
    const { state, applied, gap } = applyEvents(upTo(2), [ev(4), ev(2), ev(3), ev(5)]);
    expect(gap).toBe(false);
    expect(applied.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at the first hole, keeping what came before it', () => {
    const { state, applied, gap } = applyEvents(upTo(1), [ev(2), ev(4), ev(5)]);
    expect(gap).toBe(true);
    expect(applied.map((e) => e.seq)).toEqual([2]);
    expect(state.lastSeq).toBe(2);
  });

  it('keeps the first copy of a number seen twice', () => {
    const t = sequenceFrom([ev(1, 'a'), ev(2, 'b')]);
    const r = applyEvents(t, [ev(2, 'other'), ev(1, 'other')]);
    expect(r.applied).toEqual([]);
    expect(r.state.events.map((e) => e.text)).toEqual(['a', 'b']);
  });

  it('answers the same state object when nothing changed, so a view need not re-render', () => {
    const t = upTo(3);
    expect(applyEvents(t, [ev(2), ev(3)]).state).toBe(t);
    expect(applyEvents(t, [ev(5)]).state).toBe(t);
  });

  it('builds a sequence from an unordered snapshot', () => {
    expect(sequenceFrom([ev(3), ev(1), ev(2)]).events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(sequenceFrom([ev(1), ev(3)]).lastSeq).toBe(1);
  });
});
