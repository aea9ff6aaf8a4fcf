import { describe, expect, it } from 'vitest';
import type { CapacityProfile, Presence } from '@switchboard/protocol';
import {
  activity,
  basePresence,
  clearManual,
  computedPresence,
  disconnect,
  effectivePresence,
  onAcceptOrClose,
  reconnect,
  RECONNECT_GRACE_MS,
  setManual,
  signIn,
  signOut,
  type CapacityUse,
  type FullRule,
  type PresenceState,
} from './presence.js';

const T0 = new Date('2026-03-02T09:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const IDLE_MINUTES = 15;

const free: CapacityUse = { capacity: 3, usedCapacity: 0, profiles: {}, sessions: 0 };
const partly: CapacityUse = { capacity: 3, usedCapacity: 1, profiles: {}, sessions: 0 };
const fullUnits: CapacityUse = { capacity: 3, usedCapacity: 3, profiles: {}, sessions: 0 };
const see = (state: PresenceState, now: Date, use: CapacityUse = free) =>
  effectivePresence(state, use, now, IDLE_MINUTES);

describe('computedPresence (AG1: free → Available, full → Busy)', () => {
  const blocking = (id: string, blocksAssignment = true): [string, CapacityProfile] => [
    id,
    { id, name: id, defaultLimit: 2, resetFrequency: 'immediate', blocksAssignment },
  ];
  const profiles = new Map([blocking('chat'), blocking('voice'), blocking('log', false), blocking('email', false)]);
  const dnd: FullRule = { sessionLimit: null, fullPresence: 'busy-dnd' };

  // [case, use, by default (full shows Busy), with "a full agent shows Do not disturb"]
  it.each<[string, CapacityUse, Presence, Presence]>([
    ['nothing in use', free, 'available', 'available'],
    ['some units in use', partly, 'busy', 'busy'],
    ['units full', fullUnits, 'busy', 'busy-dnd'],
    ['units over (negative room)', { capacity: 3, usedCapacity: 4, profiles: {}, sessions: 0 }, 'busy', 'busy-dnd'],
    [
      'no capacity and nothing in use',
      { capacity: 0, usedCapacity: 0, profiles: {}, sessions: 0 },
      'available',
      'available',
    ],
    [
      'one blocking profile, full',
      { capacity: 0, usedCapacity: 0, profiles: { chat: { limit: 2, used: 2 } }, sessions: 0 },
      'busy',
      'busy-dnd',
    ],
    [
      'one blocking profile with room',
      { capacity: 0, usedCapacity: 0, profiles: { chat: { limit: 2, used: 1 } }, sessions: 0 },
      'busy',
      'busy',
    ],
    [
      'two blocking profiles, one full',
      {
        capacity: 0,
        usedCapacity: 0,
        profiles: { chat: { limit: 2, used: 2 }, voice: { limit: 1, used: 0 } },
        sessions: 0,
      },
      'busy',
      'busy',
    ],
    [
      'two blocking profiles, both full',
      {
        capacity: 0,
        usedCapacity: 0,
        profiles: { chat: { limit: 2, used: 2 }, voice: { limit: 1, used: 1 } },
        sessions: 0,
      },
      'busy',
      'busy-dnd',
    ],
    [
      'a blocking profile full decides, a non-blocking one with room does not',
      {
        capacity: 0,
        usedCapacity: 0,
        profiles: { chat: { limit: 1, used: 1 }, log: { limit: 5, used: 0 } },
        sessions: 0,
      },
      'busy',
      'busy-dnd',
    ],
    [
      'non-blocking profiles only, one full',
      {
        capacity: 0,
        usedCapacity: 0,
        profiles: { log: { limit: 1, used: 1 }, email: { limit: 2, used: 0 } },
        sessions: 0,
      },
      'busy',
      'busy',
    ],
    [
      'non-blocking profiles only, all full',
      {
        capacity: 0,
        usedCapacity: 0,
        profiles: { log: { limit: 1, used: 1 }, email: { limit: 2, used: 2 } },
        sessions: 0,
      },
      'busy',
      'busy-dnd',
    ],
    [
      'units full but profile room left',
      { capacity: 2, usedCapacity: 2, profiles: { chat: { limit: 2, used: 1 } }, sessions: 0 },
      'busy',
      'busy',
    ],
    [
      'profile full but units left',
      { capacity: 3, usedCapacity: 1, profiles: { chat: { limit: 1, used: 1 } }, sessions: 0 },
      'busy',
      'busy',
    ],
    [
      'units and profile both full',
      { capacity: 2, usedCapacity: 2, profiles: { chat: { limit: 1, used: 1 } }, sessions: 0 },
      'busy',
      'busy-dnd',
    ],
    [
      '12 conversations held with capacity left, no session limit',
      { capacity: 20, usedCapacity: 12, profiles: {}, sessions: 12 },
      'busy',
      'busy',
    ],
  ])('%s → %s, or %s when full shows Do not disturb', (_name, use, byDefault, withDnd) => {
    expect(computedPresence(use, profiles)).toBe(byDefault);
    expect(computedPresence(use, profiles, dnd)).toBe(withDnd);
  });

  it.each<[string, number, FullRule, Presence]>([
    ['at the session limit, capacity left', 5, { sessionLimit: 5, fullPresence: 'busy' }, 'busy'],
    ['at the session limit, full shows Do not disturb', 5, { sessionLimit: 5, fullPresence: 'busy-dnd' }, 'busy-dnd'],
    ['over the session limit (lowered meanwhile)', 7, { sessionLimit: 5, fullPresence: 'busy-dnd' }, 'busy-dnd'],
    ['one below the session limit', 4, { sessionLimit: 5, fullPresence: 'busy-dnd' }, 'busy'],
    ['many held, no session limit', 40, { sessionLimit: null, fullPresence: 'busy-dnd' }, 'busy'],
  ])('%s → %s', (_name, sessions, rule, expected) => {
    expect(computedPresence({ capacity: 100, usedCapacity: sessions, profiles: {}, sessions }, profiles, rule)).toBe(
      expected,
    );
  });
});

describe('sign-in and manual presence (AG1)', () => {
  it.each<[Presence, Presence]>([
    ['away', 'away'],
    ['offline', 'offline'],
    ['available', 'busy'],
    ['busy-dnd', 'busy'],
  ])('default %s → starts as %s (with one item in use)', (defaultPresence, expected) => {
    expect(see(signIn(defaultPresence, T0), T0, partly)).toBe(expected);
  });

  it('a manual presence wins over the computed one', () => {
    expect(see(setManual(signIn('available', T0), 'busy-dnd', T0), after(MIN))).toBe('busy-dnd');
  });

  it.each<[Presence, FullRule['fullPresence'], Presence]>([
    ['available', 'busy', 'busy'],
    ['available', 'busy-dnd', 'busy-dnd'],
    ['busy', 'busy-dnd', 'busy-dnd'],
    ['away', 'busy-dnd', 'away'],
    ['offline', 'busy-dnd', 'offline'],
  ])('at the session limit a manual %s shows as %s → %s', (manual, fullPresence, expected) => {
    const atLimit: CapacityUse = { capacity: 20, usedCapacity: 5, profiles: {}, sessions: 5 };
    const state = setManual(signIn('available', T0), manual, T0);
    expect(
      effectivePresence(state, atLimit, after(MIN), IDLE_MINUTES, new Map(), { sessionLimit: 5, fullPresence }),
    ).toBe(expected);
  });

  it('without a session limit a manual Available stays Available however many conversations are held', () => {
    const many: CapacityUse = { capacity: 20, usedCapacity: 12, profiles: {}, sessions: 12 };
    expect(see(setManual(signIn('available', T0), 'available', T0), after(MIN), many)).toBe('available');
  });

  it.each<[Presence, Presence]>([
    ['available', 'busy'],
    ['busy', 'busy'],
    ['away', 'away'],
    ['busy-dnd', 'busy-dnd'],
    ['offline', 'offline'],
  ])('manual %s after the next accept or close → %s (one item in use)', (manual, expected) => {
    const state = onAcceptOrClose(setManual(signIn('available', T0), manual, T0));
    expect(see(state, after(MIN), partly)).toBe(expected);
  });

  it('a manual available is no longer pinned after an accept: it follows capacity again', () => {
    const state = onAcceptOrClose(setManual(signIn('available', T0), 'available', T0));
    expect(see(state, after(MIN), fullUnits)).toBe('busy');
  });

  it('reset goes back to computed', () => {
    expect(see(clearManual(setManual(signIn('available', T0), 'away', T0)), T0)).toBe('available');
  });

  it('a custom presence maps to its base', () => {
    const custom = new Map([['training', { id: 'training', name: 'Away – In training', base: 'away' as const }]]);
    expect(basePresence('training', custom)).toBe('away');
    expect(basePresence('busy', custom)).toBe('busy');
    expect(basePresence('unknown', custom)).toBeNull();
  });
});

describe('idle clearing (AG1: the override clears on inactivity)', () => {
  const manualDnd = setManual(signIn('available', T0), 'busy-dnd', T0);
  const limit = IDLE_MINUTES * MIN;

  it.each<[string, number, Presence]>([
    ['one millisecond before the idle limit', limit - 1, 'busy-dnd'],
    ['at the idle limit', limit, 'away'],
    ['well past it', limit * 4, 'away'],
  ])('%s → %s', (_name, ms, expected) => {
    expect(see(manualDnd, after(ms))).toBe(expected);
  });

  it('activity before the limit keeps the manual presence and restarts the clock', () => {
    const active = activity(manualDnd, after(limit - 1), IDLE_MINUTES);
    expect(see(active, after(2 * limit - 2))).toBe('busy-dnd');
  });

  it('activity after the limit finds the manual presence cleared: computed again', () => {
    const back = activity(manualDnd, after(limit), IDLE_MINUTES);
    expect(back.manual).toBeNull();
    expect(see(back, after(limit), partly)).toBe('busy');
  });

  it('an agent without a manual presence is not affected by idleness', () => {
    expect(see(signIn('available', T0), after(limit * 10))).toBe('available');
  });
});

describe('disconnect and reconnect (2.5-minute grace)', () => {
  const manualAway = setManual(signIn('available', T0), 'away', T0);
  const gone = disconnect(manualAway, after(MIN));

  it('is offline at once when disconnected', () => {
    expect(see(gone, after(MIN))).toBe('offline');
  });

  it.each<[string, number, Presence]>([
    ['back after 1 minute', MIN, 'away'],
    ['back exactly at 2.5 minutes', RECONNECT_GRACE_MS, 'away'],
    ['back 1 ms after 2.5 minutes', RECONNECT_GRACE_MS + 1, 'available'],
    ['back after 10 minutes', 10 * MIN, 'available'],
  ])('%s → %s', (_name, ms, expected) => {
    const back = reconnect(gone, after(MIN + ms));
    expect(see(back, after(MIN + ms))).toBe(expected);
  });

  it('a computed presence stays computed across a quick reconnect', () => {
    const back = reconnect(disconnect(signIn('available', T0), after(MIN)), after(2 * MIN));
    expect(see(back, after(2 * MIN), partly)).toBe('busy');
  });

  it('sign-out clears the manual presence for good', () => {
    const out = signOut(manualAway, after(MIN));
    expect(see(out, after(MIN))).toBe('offline');
    expect(see(reconnect(out, after(MIN + 1000)), after(MIN + 1000))).toBe('available');
  });

  it('a second disconnect does not move the grace window', () => {
    expect(disconnect(gone, after(5 * MIN))).toBe(gone);
  });
});
