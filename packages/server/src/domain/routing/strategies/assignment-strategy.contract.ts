import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agent, candidate, item, T0 } from '../test-builders.js';
import type { AssignmentStrategy, Candidate, NonEmpty, SkillFit, StrategyContext } from '../types.js';

// The suite every AssignmentStrategy passes (style rule 3): each strategy's test file starts
// with runAssignmentStrategyContract. A skip must say why.

export type StrategyContractOptions = {
  name: string;
  create: () => AssignmentStrategy;
  skip?: { closestMatch?: string };
};

const QUEUE = 'q1';
const date = fc.integer({ min: -86_400, max: 0 }).map((s) => new Date(T0.getTime() + s * 1000));
const fit = fc.constantFrom<SkillFit>('exact', 'over', 'under', 'none-required');

const candidateArb = (id: string) =>
  fc
    .record({
      remaining: fc.integer({ min: -1, max: 6 }),
      declines: fc.integer({ min: 0, max: 2 }),
      skillFit: fit,
      skillDistance: fc.integer({ min: 0, max: 6 }),
      lastAssigned: fc.option(date, { nil: null }),
      joined: date,
      released: fc.option(date, { nil: null }),
      french: fc.integer({ min: 0, max: 10 }),
    })
    .map((r) =>
      candidate({
        agent: agent({
          id,
          name: `Agent ${id}`,
          skills: { french: r.french },
          lastAssignedAt: { [QUEUE]: r.lastAssigned },
          joinedQueueAt: { [QUEUE]: r.joined },
          lastCapacityReleaseAt: r.released,
        }),
        remaining: r.remaining,
        declines: r.declines,
        skillFit: r.skillFit,
        skillDistance: r.skillFit === 'exact' || r.skillFit === 'none-required' ? 0 : Math.max(1, r.skillDistance),
      }),
    );

const candidatesArb = fc
  .uniqueArray(fc.stringMatching(/^[a-f]{1,3}$/), { minLength: 1, maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(candidateArb)))
  .map((cs) => cs as unknown as NonEmpty<Candidate>);

function contextFor(
  candidates: readonly Candidate[],
  skillMatching: StrategyContext['skillMatching'] = 'exact',
): StrategyContext {
  const declines = Object.fromEntries(candidates.map((c) => [c.agent.id, c.declines]));
  return {
    item: item({ id: 'item', queueId: QUEUE, declines, skills: [{ skillId: 'french', proficiency: 5 }] }),
    queueId: QUEUE,
    now: T0,
    skillMatching,
  };
}

const ids = (cs: readonly Candidate[]) => cs.map((c) => c.agent.id);
const RUNS = { numRuns: 150 };

type Rank = (
  cs: NonEmpty<Candidate>,
  skillMatching?: StrategyContext['skillMatching'],
) => ReturnType<AssignmentStrategy['rank']>;

function permutationTests(rank: Rank): void {
  it('returns a permutation of the candidates, never inventing or copying one', () => {
    fc.assert(
      fc.property(candidatesArb, (cs) => {
        const { ranked } = rank(cs);
        expect([...ids(ranked)].sort()).toEqual([...ids(cs)].sort());
        expect(ranked.every((c) => cs.includes(c))).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic and ignores the order candidates come in', () => {
    fc.assert(
      fc.property(candidatesArb, fc.infiniteStream(fc.integer()), (cs, noise) => {
        const shuffled = [...cs]
          .map((c) => ({ c, k: noise.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        const first = ids(rank(cs).ranked);
        expect(ids(rank(cs).ranked)).toEqual(first);
        expect(ids(rank(shuffled as unknown as NonEmpty<Candidate>).ranked)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('does not change its input', () => {
    fc.assert(
      fc.property(candidatesArb, (cs) => {
        const before = ids(cs);
        rank(cs);
        expect(ids(cs)).toEqual(before);
      }),
      RUNS,
    );
  });
}

function orderingTests(rank: Rank): void {
  it('with one candidate, returns that one', () => {
    const only = candidate({ agent: agent({ id: 'solo' }) });
    expect(rank([only]).ranked).toEqual([only]);
  });

  it('ranks fewer declines of this item first', () => {
    fc.assert(
      fc.property(candidatesArb, (cs) => {
        const declines = rank(cs).ranked.map((c) => c.declines);
        expect(declines).toEqual([...declines].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('gives a reason for every candidate', () => {
    fc.assert(
      fc.property(candidatesArb, (cs) => {
        const { reasons } = rank(cs);
        for (const c of cs) expect(reasons.get(c.agent.id)).toMatch(/\S/);
      }),
      RUNS,
    );
  });
}

function optionalTests(
  strategy: AssignmentStrategy,
  rank: Rank,
  skip: NonNullable<StrategyContractOptions['skip']>,
): void {
  it.skipIf(skip.closestMatch !== undefined)(
    'with closest match, ranks exact, then over, then under within equal declines' +
      (skip.closestMatch ? ` (skipped: ${skip.closestMatch})` : ''),
    () => {
      const order: Record<SkillFit, number> = { 'none-required': 0, exact: 0, over: 1, under: 2 };
      fc.assert(
        fc.property(candidatesArb, (cs) => {
          const ranked = rank(cs, 'closest').ranked;
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            if (a.declines === b.declines) expect(order[a.skillFit]).toBeLessThanOrEqual(order[b.skillFit]);
          }
        }),
        RUNS,
      );
    },
  );

  it.skipIf(!strategy.filter)('a filter keeps a subset and gives a reason for each one it drops', () => {
    fc.assert(
      fc.property(candidatesArb, (cs) => {
        const { kept, reasons } = strategy.filter!(cs, contextFor(cs));
        expect(kept.every((c) => cs.includes(c))).toBe(true);
        for (const c of cs) if (!kept.includes(c)) expect(reasons.get(c.agent.id)).toMatch(/\S/);
      }),
      RUNS,
    );
  });
}

/** Runs the shared assignment-strategy suite for one strategy. */
export function runAssignmentStrategyContract({ name, create, skip = {} }: StrategyContractOptions): void {
  describe(`${name}: AssignmentStrategy contract`, () => {
    const strategy = create();
    const rank: Rank = (cs, skillMatching) => strategy.rank(cs, contextFor(cs, skillMatching));
    permutationTests(rank);
    orderingTests(rank);
    optionalTests(strategy, rank, skip);
  });
}
