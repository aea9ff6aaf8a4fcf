import { describe, expect, it, vi } from 'vitest';
import { createTypingSignal, TYPING_IDLE_MS, TYPING_REPEAT_MS } from './typing-signal.js';

describe('typing signal', () => {
  it('throttles "typing" and says "stopped" after a pause', () => {
    vi.useFakeTimers();
    try {
      const emit = vi.fn();
      const signal = createTypingSignal({ emit });
      signal.input();
      signal.input();
      signal.input();
      expect(emit.mock.calls).toEqual([[true]]);
      vi.advanceTimersByTime(TYPING_REPEAT_MS - 500);
      signal.input();
      vi.advanceTimersByTime(600);
      signal.input();
      expect(emit.mock.calls).toEqual([[true], [true]]);
      vi.advanceTimersByTime(TYPING_IDLE_MS);
      expect(emit.mock.calls).toEqual([[true], [true], [false]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "stopped" at once when the message is sent', () => {
    const emit = vi.fn();
    const signal = createTypingSignal({ emit });
    signal.input();
    signal.stop();
    signal.stop();
    expect(emit.mock.calls).toEqual([[true], [false]]);
  });
});
