import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { agentDayStart } from './agent-day.js';

const now = new Date('2026-12-03T10:30:00Z');

describe("the start of an agent's day (AG10)", () => {
  it('is UTC midnight when the browser sends none', () => {
    expect(agentDayStart(undefined, now).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it.each([
    ['local midnight east of UTC', '2026-12-02T23:00:00Z'],
    ['local midnight far west of UTC', '2026-12-02T10:00:00Z'],
    ['exactly now', '2026-12-03T10:30:00Z'],
  ])('takes %s', (_name, since) => {
    expect(agentDayStart(new Date(since), now).toISOString()).toBe(new Date(since).toISOString());
  });

  it.each([
    ['in the future', '2026-12-03T10:30:01Z'],
    ['more than 36 hours back', '2026-12-01T22:29:59Z'],
  ])('refuses a start %s', (_name, since) => {
    let thrown: unknown;
    try {
      agentDayStart(new Date(since), now);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).kind).toBe('invalid');
    expect((thrown as DomainError).message).toContain('in the last 36 hours');
  });
});
