export type TypingEmitterDeps = {
  emit(isTyping: boolean): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Re-send "typing" at most this often while the agent keeps typing. */
  throttleMs?: number;
  /** Say "stopped typing" after this long without input. */
  idleMs?: number;
};

export function createTypingEmitter({ emit, now, setTimer, clearTimer, throttleMs = 2000, idleMs = 3000 }: TypingEmitterDeps) {
  let typing = false;
  let lastEmit = -Infinity;
  let idle: unknown = null;

  function stop(): void {
    if (idle !== null) clearTimer(idle);
    idle = null;
    if (typing) emit(false);
    typing = false;
    lastEmit = -Infinity;
  }

  return {
    input(): void {
      const t = now();
      if (!typing || t - lastEmit >= throttleMs) {
        emit(true);
        typing = true;
        lastEmit = t;
      }
      if (idle !== null) clearTimer(idle);
      idle = setTimer(stop, idleMs);
    },
    stop,
  };
}
