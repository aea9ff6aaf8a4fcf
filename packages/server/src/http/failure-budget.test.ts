import { describe, expect, it } from 'vitest';
import { localFailureBudget, windowAfter } from './failure-budget.js';

const limit = { max: 3, windowMs: 60_000 };

describe('failure budget (X3: failed sign-ins)', () => {
  it.each([
    [1, 60_000],
    [3, 60_000],
    [4, 60_000],
    [5, 120_000],
    [6, 240_000],
    [40, 24 * 3_600_000],
  ])('after attempt %i the window is %i ms', (count, ms) => expect(windowAfter(limit, count)).toBe(ms));

  it('a window longer than a day is never shortened by the cap', () =>
    expect(windowAfter({ max: 1, windowMs: 2 * 86_400_000 }, 5)).toBe(2 * 86_400_000));

  it('reserves up to the budget, then refuses with a wait that doubles; a refund gives one back', async () => {
    let now = 0;
    const budget = localFailureBudget(limit, () => now);
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(await budget.reserve('a'));
    expect(seen.map((r) => r.exceeded)).toEqual([false, false, false]);
    await budget.refund('a');
    expect(await budget.reserve('a')).toMatchObject({ count: 3, exceeded: false, retryAfterSeconds: 60 });
    expect(await budget.reserve('a')).toMatchObject({ count: 4, exceeded: true, retryAfterSeconds: 60 });
    now += 10_000;
    expect(await budget.reserve('a')).toMatchObject({ count: 5, exceeded: true, retryAfterSeconds: 120 });
    // Another key has its own budget.
    expect(await budget.reserve('b')).toMatchObject({ count: 1, exceeded: false });
    // Once the wait is over, the budget is whole again.
    now += 120_000;
    expect(await budget.reserve('a')).toMatchObject({ count: 1, exceeded: false, retryAfterSeconds: 60 });
  });

  it('a refund after the window ended changes nothing', async () => {
    let now = 0;
    const budget = localFailureBudget(limit, () => now);
    await budget.reserve('a');
    now += 61_000;
    await budget.refund('a');
    expect(await budget.reserve('a')).toMatchObject({ count: 1 });
  });

  it('many keys cannot grow the memory without end', async () => {
    const budget = localFailureBudget(limit, () => 0, 100);
    for (let i = 0; i < 1000; i++) await budget.reserve(`k${i}`);
    // The newest keys are still counted.
    expect(await budget.reserve('k999')).toMatchObject({ count: 2 });
  });
});
