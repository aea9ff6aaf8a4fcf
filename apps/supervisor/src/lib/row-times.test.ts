import { describe, expect, it } from 'vitest';
import { rowTimes } from './row-times';

const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s)).toISOString();
const now = Date.parse(at(50));

describe("a row's wait and handle time (SV1)", () => {
  it('waits until now while nobody has accepted it', () => {
    expect(rowTimes({ waitingSince: at(10), acceptedAt: null }, now)).toEqual({ waitMs: 40_000, handleMs: null });
  });
  it('stops the wait at acceptance and counts the handling since', () => {
    expect(rowTimes({ waitingSince: at(10), acceptedAt: at(25) }, now)).toEqual({ waitMs: 15_000, handleMs: 25_000 });
  });
  it('a return to the queue after acceptance waits again from then', () => {
    expect(rowTimes({ waitingSince: at(30), acceptedAt: at(25) }, now)).toEqual({ waitMs: 20_000, handleMs: 25_000 });
  });
});
