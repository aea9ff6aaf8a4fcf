import { describe, expect, it, vi } from 'vitest';
import { createCatchUp } from './catch-up.js';

/** A fetch the test finishes by hand. */
function heldFetches() {
  const pending: { id: string; done: () => void; fail: (err: unknown) => void }[] = [];
  const fetchMissed = vi.fn(
    (id: string) => new Promise<void>((done, fail) => void pending.push({ id, done: () => done(), fail })),
  );
  return { fetchMissed, pending };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('catching up on missed events', () => {
  it('runs one request at a time per conversation, and once more when asked meanwhile', async () => {
    const { fetchMissed, pending } = heldFetches();
    const catchUp = createCatchUp({ fetchMissed });
    const first = catchUp('c1');
    await flush();
    const second = catchUp('c1');
    const third = catchUp('c1');
    expect(fetchMissed).toHaveBeenCalledTimes(1);
    pending.shift()!.done();
    await flush();
    // Two requests came in while the first ran: one more round covers both.
    expect(fetchMissed).toHaveBeenCalledTimes(2);
    pending.shift()!.done();
    await Promise.all([first, second, third]);
    expect(fetchMissed).toHaveBeenCalledTimes(2);
  });

  it('lets other conversations fetch at the same time', async () => {
    const { fetchMissed } = heldFetches();
    const catchUp = createCatchUp({ fetchMissed });
    void catchUp('c1');
    void catchUp('c2');
    await flush();
    expect(fetchMissed.mock.calls.map(([id]) => id)).toEqual(['c1', 'c2']);
  });

  it('stops after a bounded number of rounds even if asked again every time', async () => {
    const fetchMissed = vi.fn(async (id: string) => void catchUp(id));
    const catchUp = createCatchUp({ fetchMissed, maxRounds: 3 });
    await catchUp('c1');
    expect(fetchMissed).toHaveBeenCalledTimes(3);
  });

  it('hands a failure to onError and starts afresh next time', async () => {
    const { fetchMissed, pending } = heldFetches();
    const onError = vi.fn();
    const catchUp = createCatchUp({ fetchMissed, onError });
    const run = catchUp('c1');
    await flush();
    pending.shift()!.fail(new Error('offline'));
    await run;
    expect(onError).toHaveBeenCalledWith(new Error('offline'), 'c1');
    void catchUp('c1');
    await flush();
    expect(fetchMissed).toHaveBeenCalledTimes(2);
  });
});
