import type { Candidate, NonEmpty, SkillFit, StrategyContext } from '../types.js';

/**
 * One ordering key of a strategy: a number per candidate (lower ranks first) and how to say it
 * in the trace, given that number. Numbers rather than comparators, so a ranking reads each
 * agent's data once instead of once per comparison; that keeps queues of thousands fast.
 */
export type RankKey = {
  label: string;
  value(c: Candidate): number;
  show(c: Candidate, value: number): string;
};

export type Ranking = { ranked: NonEmpty<Candidate>; reasons: ReadonlyMap<string, string> };

const FIT_RANK: Record<SkillFit, number> = { 'none-required': 0, exact: 0, over: 1, under: 2 };
// Never-assigned agents sort before assigned ones, by join date: NEVER + joined stays below 0
// (below any real assignment time) and keeps millisecond precision.
const NEVER = -1e15;
const UNKNOWN_JOIN = 9e14;

export const declinesKey: RankKey = {
  label: 'declines of this item',
  value: (c) => c.declines,
  show: (_c, v) => String(v),
};

export const closenessKey: RankKey = {
  label: 'skill match',
  value: (c) => FIT_RANK[c.skillFit] * 1e6 + c.skillDistance,
  show: (c) => {
    if (c.skillFit === 'over') return `over-qualified by ${c.skillDistance}`;
    if (c.skillFit === 'under') return `under-qualified by ${c.skillDistance}`;
    return c.skillFit === 'exact' ? 'exact' : 'no skills required';
  },
};

export const remainingKey: RankKey = {
  label: 'capacity left',
  value: (c) => -c.remaining,
  show: (_c, v) => String(-v),
};

/** "314 s ago": exact enough to tell agents apart, and far cheaper than toISOString per agent. */
export function ago(thenMs: number, now: Date): string {
  return `${Math.round((now.getTime() - thenMs) / 1000)} s ago`;
}

/**
 * Round robin per queue (RT3): never assigned from this queue first, in the
 * order they joined it; then the earliest last assignment.
 */
export function roundRobinKey(ctx: Pick<StrategyContext, 'queueId' | 'now'>): RankKey {
  const { queueId, now } = ctx;
  return {
    label: 'round robin',
    value: (c) => {
      const last = c.agent.lastAssignedAt[queueId];
      if (last) return last.getTime();
      return NEVER + (c.agent.joinedQueueAt[queueId]?.getTime() ?? UNKNOWN_JOIN);
    },
    show: (_c, v) => {
      if (v >= 0) return `last assigned ${ago(v, now)}`;
      const joined = v - NEVER;
      return joined === UNKNOWN_JOIN ? 'never assigned' : `never assigned, joined ${ago(joined, now)}`;
    },
  };
}

/** Declines always rank first (a decline lowers that agent's priority); closest match next. */
export function leadingKeys(ctx: StrategyContext): RankKey[] {
  return ctx.skillMatching === 'closest' ? [declinesKey, closenessKey] : [declinesKey];
}

/** Reverses a key, for custom order's ascending direction. */
export function reversed(key: RankKey): RankKey {
  return { label: key.label, value: (c) => -key.value(c), show: (c, v) => key.show(c, -v) };
}

const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: Candidate, b: Candidate) => (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0);

/**
 * Explains each place: the first shows its keys, the others the key that put them below the
 * agent ranked just above (the place itself is the trace's rank, not repeated in the text).
 * The texts repeat from agent to agent, which keeps a stored trace of a large queue small.
 */
function explain(
  ranked: readonly Candidate[],
  rows: Float64Array,
  order: Int32Array,
  keys: readonly RankKey[],
): Map<string, string> {
  const k = keys.length;
  const reasons = new Map<string, string>();
  const first = ranked[0]!;
  const shown = keys.filter((key) => key !== declinesKey || first.declines > 0);
  const firstRow = order[0]! * k;
  reasons.set(
    first.agent.id,
    `ranked first: ${shown.map((key) => `${key.label} ${key.show(first, rows[firstRow + keys.indexOf(key)]!)}`).join(', ')}`,
  );
  // What the agent above showed for a key is what they showed as "this one" a step before.
  let shownKey = -1;
  let shownText = '';
  for (let i = 1; i < ranked.length; i++) {
    const [c, above] = [ranked[i]!, ranked[i - 1]!];
    const [row, aboveRow] = [order[i]! * k, order[i - 1]! * k];
    let j = 0;
    while (j < k && rows[row + j] === rows[aboveRow + j]) j++;
    const key = keys[j];
    let why = 'tied with the agent above; the agent id decides';
    if (key) {
      const aboveText = shownKey === j ? shownText : key.show(above, rows[aboveRow + j]!);
      [shownKey, shownText] = [j, key.show(c, rows[row + j]!)];
      why = `${key.label} ${shownText} vs ${aboveText} above`;
    } else shownKey = -1;
    reasons.set(c.agent.id, why);
  }
  return reasons;
}

/** Sorts by the keys in order, then by agent id (so the order is total), and explains each place. */
export function rankBy(candidates: NonEmpty<Candidate>, keys: readonly RankKey[]): Ranking {
  const n = candidates.length;
  const k = keys.length;
  const rows = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) rows[i * k + j] = keys[j]!.value(candidates[i]!);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let j = 0; j < k; j++) {
      const d = cmp(rows[a * k + j]!, rows[b * k + j]!);
      if (d !== 0) return d;
    }
    return byId(candidates[a]!, candidates[b]!);
  });
  const ranked = Array.from(order, (i) => candidates[i]!) as unknown as NonEmpty<Candidate>;
  return { ranked, reasons: explain(ranked, rows, order, keys) };
}
