import { describe, expect, it, vi } from 'vitest';
import { createTypingEmitter } from './typing-emitter';

describe('typing emitter', () => {
  it('throttles "typing" while input continues and says "stopped" after the idle time', () => {
    vi.useFakeTimers();
    try {
      const emit = vi.fn();
      const typing = createTypingEmitter({ emit, now: Date.now, setTimer: setTimeout, clearTimer: (h) => clearTimeout(h as number), throttleMs: 2000, idleMs: 3000 });
      typing.input();
      vi.advanceTimersByTime(500);
      typing.input();
      vi.advanceTimersByTime(500);
      typing.input();
      expect(emit.mock.calls).toEqual([[true]]);
      vi.advanceTimersByTime(1000);
      typing.input();
      expect(emit.mock.calls).toEqual([[true], [true]]);
      vi.advanceTimersByTime(2999);
      expect(emit).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(1);
      expect(emit.mock.calls).toEqual([[true], [true], [false]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stop() says "stopped" once, and only if it had said "typing"', () => {
    const emit = vi.fn();
    const typing = createTypingEmitter({ emit, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
    typing.stop();
    expect(emit).not.toHaveBeenCalled();
    typing.input();
    typing.stop();
    typing.stop();
    expect(emit.mock.calls).toEqual([[true], [false]]);
  });
});
