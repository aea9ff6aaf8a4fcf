import type { ConversationState, Role } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { alertAudience, holderSentiment, seesMessageLevels, type QueueMember } from './audience.js';
import type { SentimentLevel } from './levels.js';
import type { SentimentThreshold } from './threshold.js';

const member = (userId: string, role: Role, disabled = false): QueueMember => ({ userId, role, disabled });

describe('who hears that a conversation fell to the threshold (SV8)', () => {
  it.each<[string, QueueMember[], ReturnType<typeof alertAudience>]>([
    [
      'its queue’s supervisor',
      [member('ann', 'agent'), member('sue', 'supervisor')],
      { kind: 'users', userIds: ['sue'] },
    ],
    ['an admin who is a member', [member('ada', 'admin'), member('ann', 'agent')], { kind: 'users', userIds: ['ada'] }],
    [
      'every supervisor member, once each',
      [member('sue', 'supervisor'), member('sam', 'supervisor'), member('sue', 'supervisor')],
      { kind: 'users', userIds: ['sue', 'sam'] },
    ],
    ['agents only: everyone who oversees', [member('ann', 'agent'), member('ben', 'agent')], { kind: 'oversight' }],
    ['no members: everyone who oversees', [], { kind: 'oversight' }],
    ['a disabled supervisor does not count', [member('sue', 'supervisor', true)], { kind: 'oversight' }],
    ['an API client is no supervisor', [member('bot', 'api')], { kind: 'oversight' }],
  ])('%s', (_, members, audience) => {
    expect(alertAudience(members)).toEqual(audience);
  });
});

describe('the mark the agent holding a conversation sees (SV8)', () => {
  const on = (threshold: SentimentThreshold) => ({ enabled: true, threshold });
  type Over = { agentId?: string | null; accepted?: boolean; state?: ConversationState };
  const held = (level: SentimentLevel | null, over: Over = {}) => ({
    state: 'active' as ConversationState,
    agentId: 'ann',
    accepted: true,
    level,
    ...over,
  });

  it.each<[string, ReturnType<typeof held>, SentimentThreshold, ReturnType<typeof holderSentiment>]>([
    ['at the threshold: marked', held('negative'), 'negative', { level: 'negative', low: true }],
    ['below it: marked', held('very-negative'), 'slightly-negative', { level: 'very-negative', low: true }],
    ['above it: the level, no mark', held('slightly-negative'), 'negative', { level: 'slightly-negative', low: false }],
    ['threshold none: never marked', held('very-negative'), 'none', { level: 'very-negative', low: false }],
    ['no level yet: nothing', held(null), 'negative', null],
    ['only offered to them: nothing', held('negative', { accepted: false }), 'negative', null],
    ['someone else holds it: nothing', held('negative', { agentId: 'ben' }), 'negative', null],
    ['nobody holds it: nothing', held('negative', { agentId: null }), 'negative', null],
    [
      'waiting, still theirs: marked',
      held('negative', { state: 'waiting' }),
      'negative',
      { level: 'negative', low: true },
    ],
    ['in wrap-up, the customer gone: nothing', held('negative', { state: 'wrap-up' }), 'negative', null],
    ['closed: nothing', held('negative', { state: 'closed' }), 'negative', null],
  ])('%s', (_, c, threshold, shown) => {
    expect(holderSentiment('ann', c, on(threshold))).toEqual(shown);
  });

  it('shows nothing while sentiment is off', () => {
    expect(holderSentiment('ann', held('very-negative'), { enabled: false, threshold: 'negative' })).toBeNull();
  });
});

describe('who sees each customer message’s level (SV8)', () => {
  it.each<[Role, string | null, boolean, boolean]>([
    ['supervisor', 'ann', true, true],
    ['admin', 'ann', true, true],
    ['supervisor', null, true, true],
    ['agent', 'ann', true, false],
    ['agent', 'ben', true, false],
    ['api', 'ann', true, false],
    // A supervisor's own conversation is an agent's view.
    ['supervisor', 'sue', true, false],
    ['supervisor', 'ann', false, false],
  ])('%s reading a conversation held by %s (sentiment on: %s) → %s', (role, agentId, enabled, sees) => {
    const reader = { userId: role === 'agent' ? 'ann' : 'sue', role };
    expect(seesMessageLevels(reader, { agentId }, { enabled })).toBe(sees);
  });
});
