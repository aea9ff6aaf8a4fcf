/**
 * Runs many small lookups or writes of the same shape as one statement. A call waits only for the
 * statements already in flight: when the database is idle a call runs at once (on the next turn of
 * the event loop, so calls made in the same turn join it); when it is busy, calls pile up and the
 * next statement takes them all. So a quiet node answers as fast as before and a loaded one spends
 * one statement on many requests. `run` answers each item in the order given; `take` may hold an
 * item back for a later batch (two messages of one conversation cannot share one UPDATE).
 */
export function coalesce<I, O>(opts: {
  run: (items: I[]) => Promise<O[]>;
  /** At most this many items per statement. */
  max: number;
  /** Statements in flight at once: 1 for the embedded database, a few for a server's pool. */
  inFlight: number;
  /** Whether `item` may join `batch`; by default every item may. */
  fits?: (batch: I[], item: I) => boolean;
}): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let running = 0;
  let scheduled = false;

  function takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const items: I[] = [];
    for (const w of queue) {
      if (batch.length < opts.max && (!opts.fits || opts.fits(items, w.item))) {
        batch.push(w);
        items.push(w.item);
      } else rest.push(w);
    }
    queue = rest;
    return batch;
  }

  async function runBatch(batch: Waiting[]) {
    running += 1;
    try {
      const out = await opts.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(out[i]!));
    } catch (err) {
      batch.forEach((w) => w.reject(err));
    } finally {
      running -= 1;
      pump();
    }
  }

  function pump() {
    while (queue.length > 0 && running < opts.inFlight) void runBatch(takeBatch());
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (scheduled || running >= opts.inFlight) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        pump();
      });
    });
}
