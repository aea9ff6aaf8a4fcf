import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce.js';

/** A `run` that records each batch and answers when the test lets it. */
function recorder() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.includes(-1)) throw new Error('bad item');
    return items.map((n) => n * 10);
  };
  const release = () => gates.splice(0).forEach((g) => g());
  return { batches, run, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesce', () => {
  it('runs calls made in one turn as one batch and answers each with its own result', async () => {
    const r = recorder();
    const call = coalesce({ run: r.run, max: 10, inFlight: 1 });
    const answers = Promise.all([call(1), call(2), call(3)]);
    await tick();
    r.release();
    expect(await answers).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('piles up calls while a batch is in flight and takes them all in the next one', async () => {
    const r = recorder();
    const call = coalesce({ run: r.run, max: 10, inFlight: 1 });
    const first = call(1);
    await tick();
    const later = [call(2), call(3), call(4)];
    await tick();
    expect(r.batches).toEqual([[1]]);
    r.release();
    await first;
    await tick();
    r.release();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps to max items and inFlight statements', async () => {
    const r = recorder();
    const call = coalesce({ run: r.run, max: 2, inFlight: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => call(n)));
    await tick();
    expect(r.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    r.release();
    await tick();
    await tick();
    r.release();
    expect(await all).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches.at(-1)).toEqual([5]);
  });

  it('holds back an item that does not fit for a later batch', async () => {
    const r = recorder();
    const call = coalesce({ run: r.run, max: 10, inFlight: 1, fits: (batch, n) => !batch.includes(n) });
    const all = Promise.all([7, 7, 8].map((n) => call(n)));
    await tick();
    r.release();
    await tick();
    await tick();
    r.release();
    expect(await all).toEqual([70, 70, 80]);
    expect(r.batches).toEqual([[7, 8], [7]]);
  });

  it('rejects the callers of a failed batch only', async () => {
    const r = recorder();
    const call = coalesce({ run: r.run, max: 2, inFlight: 2 });
    const results = Promise.allSettled([call(1), call(-1), call(3)]);
    await tick();
    r.release();
    await tick();
    const [a, b, c] = await results;
    expect(a).toMatchObject({ status: 'rejected', reason: { message: 'bad item' } });
    expect(b).toMatchObject({ status: 'rejected' });
    expect(c).toEqual({ status: 'fulfilled', value: 30 });
  });
});
