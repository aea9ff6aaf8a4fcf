import type { Redis } from 'ioredis';
import type { RateLimit } from '../config.js';

/** What one attempt found: how many this window holds now (itself included), and when the window ends. */
export type Reservation = { count: number; exceeded: boolean; retryAfterSeconds: number };

/**
 * A budget of failures per key (X3), e.g. failed sign-ins per email: every attempt reserves one before it is
 * tried, so concurrent attempts cannot all slip through; a success gives its reservation back. Each attempt
 * beyond the budget doubles the wait (the growing delay a script meets), up to a day.
 */
export type FailureBudget = {
  reserve(key: string): Promise<Reservation>;
  refund(key: string): Promise<void>;
};

const MAX_WAIT_MS = 24 * 3_600_000;

/** The window after the `count`-th attempt: the configured one, doubled for each attempt beyond the budget. */
export function windowAfter(limit: RateLimit, count: number): number {
  const beyond = count - limit.max;
  if (beyond <= 0) return limit.windowMs;
  return Math.min(limit.windowMs * 2 ** (beyond - 1), Math.max(limit.windowMs, MAX_WAIT_MS));
}

const reservation = (limit: RateLimit, count: number, ttlMs: number): Reservation => ({
  count,
  exceeded: count > limit.max,
  retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
});

/** One node's memory: enough without Redis, where there is one node. */
export function localFailureBudget(limit: RateLimit, now = () => Date.now(), maxKeys = 100_000): FailureBudget {
  const entries = new Map<string, { count: number; endsAt: number }>();
  return {
    async reserve(key) {
      const t = now();
      let e = entries.get(key);
      if (!e || e.endsAt <= t) {
        // A full map drops its oldest entries: an attacker with many keys cannot grow it without end.
        if (!e && entries.size >= maxKeys) {
          for (const k of [...entries.keys()].slice(0, maxKeys / 10)) entries.delete(k);
        }
        e = { count: 0, endsAt: t };
        entries.set(key, e);
      }
      e.count += 1;
      if (e.count === 1 || e.count > limit.max) e.endsAt = t + windowAfter(limit, e.count);
      return reservation(limit, e.count, e.endsAt - t);
    },
    async refund(key) {
      const e = entries.get(key);
      if (e && e.endsAt > now() && --e.count <= 0) entries.delete(key);
    },
  };
}

// One round trip, atomic across nodes: count, set the window on the first attempt, grow it beyond the budget.
const RESERVE = `
local c = redis.call('INCR', KEYS[1])
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
if c == 1 then redis.call('PEXPIRE', KEYS[1], window)
elseif c > max then redis.call('PEXPIRE', KEYS[1], math.min(window * 2 ^ (c - max - 1), cap)) end
return {c, redis.call('PTTL', KEYS[1])}`;
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end
return 0`;

/** Shared by every node on one Redis, so a script spread over nodes meets the same budget. */
export function redisFailureBudget(limit: RateLimit, redis: Redis, prefix: string): FailureBudget {
  const cap = Math.max(limit.windowMs, MAX_WAIT_MS);
  return {
    async reserve(key) {
      const answer = await redis.eval(RESERVE, 1, prefix + key, limit.max, limit.windowMs, cap);
      const [count, ttl] = answer as [number, number];
      return reservation(limit, count, ttl);
    },
    async refund(key) {
      await redis.eval(REFUND, 1, prefix + key);
    },
  };
}
