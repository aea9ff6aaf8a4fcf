import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';

describe('durations as the apps show them', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [59_999, '0:59'],
    [754_000, '12:34'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
  ])('%i ms is %s', (ms, shown) => {
    expect(formatDuration(ms)).toBe(shown);
  });
});
