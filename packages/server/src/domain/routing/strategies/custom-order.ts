import type { AgentFilter, SortKey } from '@switchboard/protocol';
import { proficiencySum } from '../skills.js';
import type { AssignmentStrategy, Candidate, StrategyContext } from '../types.js';
import { closenessKey, declinesKey, rankBy, remainingKey, reversed, roundRobinKey, type RankKey } from './ranking.js';

/** Seconds since the agent last released capacity; no release since sign-in = idle forever. */
const idleSeconds = (c: Candidate, now: Date) =>
  c.agent.lastCapacityReleaseAt === null
    ? Number.POSITIVE_INFINITY
    : (now.getTime() - c.agent.lastCapacityReleaseAt.getTime()) / 1000;

const showIdle = (seconds: number) => (Number.isFinite(seconds) ? `${Math.floor(seconds)} s` : 'since sign-in');

function filterOut(f: AgentFilter, c: Candidate, now: Date): string | null {
  switch (f.kind) {
    case 'min-remaining-capacity':
      return c.remaining >= f.units ? null : `filtered out: capacity left ${c.remaining}, filter needs ${f.units}`;
    case 'min-idle-seconds': {
      const idle = idleSeconds(c, now);
      return idle >= f.seconds ? null : `filtered out: idle ${showIdle(idle)}, filter needs ${f.seconds} s`;
    }
    case 'has-skill': {
      const has = c.agent.skills[f.skillId] ?? 0;
      return has >= f.minProficiency
        ? null
        : `filtered out: skill ${f.skillId} at ${has}, filter needs ${f.minProficiency}`;
    }
  }
}

// Every key reads "desc" as "best first": closest match, most proficient, most capacity left,
// longest idle, longest since the last assignment; "asc" turns it round.
function sortKey(key: SortKey['key'], ctx: StrategyContext): RankKey {
  switch (key) {
    case 'skill-match':
      return closenessKey;
    case 'proficiency':
      return {
        label: 'proficiency',
        value: (c) => -proficiencySum(c.agent, ctx.item.skills),
        show: (_c, v) => String(-v),
      };
    case 'remaining-capacity':
      return remainingKey;
    case 'idle-time':
      return { label: 'idle time', value: (c) => -idleSeconds(c, ctx.now), show: (_c, v) => showIdle(-v) };
    case 'round-robin':
      return roundRobinKey(ctx);
  }
}

/**
 * Custom order (RT3): the queue's filters drop agents, then its keys order the rest;
 * ties by round robin, then agent id. The workstream's closest match does not reorder here:
 * like the reference's custom methods, skill closeness counts only where `skill-match` is a key.
 */
export function customOrder(method: {
  order: readonly SortKey[];
  filters?: readonly AgentFilter[];
}): AssignmentStrategy {
  const filters = method.filters ?? [];
  return {
    name: 'custom',
    filter(candidates, ctx) {
      const kept: Candidate[] = [];
      const reasons = new Map<string, string>();
      for (const c of candidates) {
        const why = filters.reduce<string | null>((found, f) => found ?? filterOut(f, c, ctx.now), null);
        if (why === null) kept.push(c);
        else reasons.set(c.agent.id, why);
      }
      return { kept, reasons };
    },
    rank(candidates, ctx) {
      const keys = method.order.map((k) =>
        k.direction === 'asc' ? reversed(sortKey(k.key, ctx)) : sortKey(k.key, ctx),
      );
      return rankBy(candidates, [declinesKey, ...keys, roundRobinKey(ctx)]);
    },
  };
}
