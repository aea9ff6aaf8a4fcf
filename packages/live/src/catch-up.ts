/**
 * Fetching what a conversation missed (after a gap in its sequence, or a reconnect), one request
 * at a time per conversation: a request made while one runs makes it run once more afterwards,
 * since events may have come in after that request was sent. Bounded, in case a server bug
 * keeps reporting a gap.
 */
export type CatchUpOptions = {
  /** Fetches and applies the events after the last applied one. */
  fetchMissed(conversationId: string): Promise<void>;
  onError?(err: unknown, conversationId: string): void;
  maxRounds?: number;
};

/** Resolves when this and every request made meanwhile have run (errors go to onError). */
export function createCatchUp({ fetchMissed, onError = () => {}, maxRounds = 5 }: CatchUpOptions) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function rounds(id: string): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      again.delete(id);
      await fetchMissed(id);
      if (!again.has(id)) return;
    }
  }

  return function catchUp(id: string): Promise<void> {
    const current = running.get(id);
    if (current) {
      again.add(id);
      return current;
    }
    // Started on the next microtask, so a catchUp from inside fetchMissed finds this one running.
    const run = Promise.resolve()
      .then(() => rounds(id))
      .catch((err: unknown) => onError(err, id))
      .finally(() => {
        running.delete(id);
        again.delete(id);
      });
    running.set(id, run);
    return run;
  };
}
