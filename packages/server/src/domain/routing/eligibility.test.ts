import { describe, expect, it } from 'vitest';
import { eligibility, type EligibilityRules } from './eligibility.js';
import { agent, item, profile } from './test-builders.js';

const rules: EligibilityRules = { allowedPresences: ['available', 'busy'], maxDeclines: 3, skillMatching: 'exact' };
const profiles = new Map([['chat', profile({ id: 'chat', name: 'Chat', defaultLimit: 2 })]]);
const reasonOf = (v: ReturnType<typeof eligibility>) => (v.eligible ? 'eligible' : v.reason);

describe('eligibility (RT4)', () => {
  it('accepts a member with an allowed presence, room and the skills, with its match and room', () => {
    const v = eligibility(
      agent({ id: 'a', skills: { french: 8 } }),
      item({ id: 'i', skills: [{ skillId: 'french', proficiency: 7 }] }),
      rules,
      profiles,
    );
    expect(v).toEqual({ eligible: true, match: { fit: 'over', distance: 1, shortfall: null }, remaining: 3 });
  });

  it.each([
    ['not a member', agent({ id: 'a', queueIds: ['other'] }), item({ id: 'i' }), 'not a member of the queue'],
    ['away', agent({ id: 'a', presence: 'away' }), item({ id: 'i' }), 'presence away is not allowed'],
    ['busy-dnd', agent({ id: 'a', presence: 'busy-dnd' }), item({ id: 'i' }), 'presence busy-dnd is not allowed'],
    ['offline', agent({ id: 'a', presence: 'offline' }), item({ id: 'i' }), 'presence offline is not allowed'],
    ['full', agent({ id: 'a', capacity: 2, usedCapacity: 2 }), item({ id: 'i' }), 'capacity 0 left, 1 needed'],
    [
      'needs more units',
      agent({ id: 'a', capacity: 3, usedCapacity: 1 }),
      item({ id: 'i', need: { kind: 'units', units: 3 } }),
      'capacity 2 left, 3 needed',
    ],
    [
      'declined to the limit',
      agent({ id: 'a' }),
      item({ id: 'i', declines: { a: 3 } }),
      'declined it 3 times (limit 3)',
    ],
    [
      'profile full',
      agent({ id: 'a', profiles: { chat: { limit: 2, used: 2 } } }),
      item({ id: 'i', need: { kind: 'profiles', profileIds: ['chat'] } }),
      'capacity profile Chat full (2 of 2)',
    ],
    [
      'missing skill',
      agent({ id: 'a' }),
      item({ id: 'i', skills: [{ skillId: 'french', proficiency: 7 }] }),
      'missing skill french (needs 7)',
    ],
    [
      'skill too low',
      agent({ id: 'a', skills: { french: 6 } }),
      item({ id: 'i', skills: [{ skillId: 'french', proficiency: 7 }] }),
      'skill french at 6, needs 7',
    ],
  ])('refuses: %s', (_name, a, i, reason) => {
    expect(reasonOf(eligibility(a, i, rules, profiles))).toBe(reason);
  });

  it.each<[string, number, number | null, string]>([
    ['no session limit, 12 held', 12, null, 'eligible'],
    ['one below the session limit', 4, 5, 'eligible'],
    ['at the session limit', 5, 5, 'holds 5 conversations, the session limit'],
    ['over the session limit', 6, 5, 'holds 5 conversations, the session limit'],
    ['a limit of one', 1, 1, 'holds 1 conversation, the session limit'],
  ])('session limit (AG1): %s → %s', (_name, sessions, limit, reason) => {
    const a = agent({ id: 'a', capacity: 100, sessions });
    expect(reasonOf(eligibility(a, item({ id: 'i' }), rules, profiles, limit))).toBe(reason);
  });

  it('lets fewer declines than the limit through', () => {
    expect(eligibility(agent({ id: 'a' }), item({ id: 'i', declines: { a: 2, b: 9 } }), rules, profiles).eligible).toBe(
      true,
    );
  });

  it('allows presences the workstream allows, whatever they are', () => {
    expect(
      eligibility(
        agent({ id: 'a', presence: 'away' }),
        item({ id: 'i' }),
        { ...rules, allowedPresences: ['away'] },
        profiles,
      ).eligible,
    ).toBe(true);
  });

  it('closest match and no matching let an agent without the skills through', () => {
    const a = agent({ id: 'a' });
    const i = item({ id: 'i', skills: [{ skillId: 'french', proficiency: 7 }] });
    expect(eligibility(a, i, { ...rules, skillMatching: 'closest' }, profiles)).toMatchObject({
      eligible: true,
      match: { fit: 'under', distance: 7 },
    });
    expect(eligibility(a, i, { ...rules, skillMatching: 'none' }, profiles)).toMatchObject({
      eligible: true,
      match: { fit: 'none-required' },
    });
  });
});
