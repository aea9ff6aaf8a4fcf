/** How often "still typing" is repeated while keys are pressed, and when silence means "stopped". */
export const TYPING_REPEAT_MS = 2500;
export const TYPING_IDLE_MS = 3000;

export type TypingSignalOptions = {
  emit(isTyping: boolean): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

/**
 * Turns keystrokes into a throttled typing signal: `true` at most every TYPING_REPEAT_MS,
 * `false` after TYPING_IDLE_MS without input or when the message is sent.
 */
export function createTypingSignal({
  emit,
  now = Date.now,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
}: TypingSignalOptions) {
  let typing = false;
  let lastSent = 0;
  let idle: unknown = null;

  function stop() {
    if (idle !== null) clearTimer(idle);
    idle = null;
    if (typing) {
      typing = false;
      emit(false);
    }
  }

  return {
    input() {
      const t = now();
      if (!typing || t - lastSent >= TYPING_REPEAT_MS) {
        typing = true;
        lastSent = t;
        emit(true);
      }
      if (idle !== null) clearTimer(idle);
      idle = setTimer(stop, TYPING_IDLE_MS);
    },
    stop,
  };
}
