import { describe, expect, it } from 'vitest';
import { NOTIFICATION_SCENARIOS, type NotificationKind, type NotificationState } from '@switchboard/protocol';
import { answerRefusal, stateForOutcome, type NotificationAnswer } from './answers.js';
import { announcedAs, scenarioOfHandoff, scenarioOfOffer } from './scenario.js';
import { autoAcceptApplies, builtInTemplate, builtInTitles, templateRefusal } from './templates.js';

describe('AG2 which scenario an offer or handoff is', () => {
  it.each([
    [{ channel: 'webchat', escalated: false }, 'incoming-chat'],
    [{ channel: 'sms', escalated: false }, 'incoming-sms'],
    [{ channel: 'custom', escalated: false }, 'incoming-social'],
    [{ channel: 'sms', escalated: true }, 'escalation'],
    [{ channel: 'webchat', escalated: true }, 'escalation'],
    [{ channel: 'webchat', escalated: false, fromBot: true }, 'bot-escalation'],
  ] as const)('%o is %s', (offer, scenario) => {
    expect(scenarioOfOffer(offer)).toBe(scenario);
  });
  it('an auto-accepted offer is announced as assigned, any other as itself', () => {
    expect(announcedAs('incoming-sms', true)).toBe('assigned');
    expect(announcedAs('incoming-sms', false)).toBe('incoming-sms');
  });
  it('a handoff is its kind', () => {
    expect(scenarioOfHandoff('transfer')).toBe('transfer');
    expect(scenarioOfHandoff('consult')).toBe('consult');
  });
});

// Written out from AG2 in docs/features.md: toasts are opened or dismissed, alerts accepted or
// rejected, and nothing once it is no longer pending.
const KINDS: NotificationKind[] = ['toast', 'alert'];
const STATES: NotificationState[] = ['pending', 'accepted', 'rejected', 'opened', 'dismissed', 'expired', 'withdrawn'];
const ANSWERS: NotificationAnswer[] = ['open', 'dismiss', 'accept', 'reject'];
const ALLOWED = new Set([
  'toast/pending/open',
  'toast/pending/dismiss',
  'alert/pending/accept',
  'alert/pending/reject',
]);

describe('AG2 what answer is allowed in which state', () => {
  const cases = KINDS.flatMap((kind) => STATES.flatMap((state) => ANSWERS.map((answer) => ({ kind, state, answer }))));
  it.each(cases)('$kind $state $answer', ({ kind, state, answer }) => {
    const refusal = answerRefusal({ kind, state }, answer);
    if (ALLOWED.has(`${kind}/${state}/${answer}`)) expect(refusal).toBeNull();
    else {
      expect(refusal).toBeTypeOf('string');
      if (state !== 'pending') expect(refusal).toContain(state);
    }
  });
  it.each([
    ['accepted', 'accepted'],
    ['rejected', 'rejected'],
    ['timeout', 'expired'],
    ['withdrawn', 'withdrawn'],
  ] as const)('a subject %s leaves its notification %s', (outcome, state) => {
    expect(stateForOutcome(outcome)).toBe(state);
  });
});

describe('AG2 built-in templates and what a saved one may say', () => {
  it.each(NOTIFICATION_SCENARIOS)('%s has a title in every language and a valid built-in', (scenario) => {
    const titles = builtInTitles(scenario);
    for (const lang of ['en', 'nl', 'fr'] as const) expect(titles[lang].length).toBeGreaterThan(0);
    expect(templateRefusal(scenario, builtInTemplate(scenario))).toBeNull();
  });
  it('new work is an alert, assigned a toast, handoffs show their note', () => {
    expect(builtInTemplate('incoming-chat').kind).toBe('alert');
    expect(builtInTemplate('assigned').kind).toBe('toast');
    expect(builtInTemplate('transfer').fields).toContain('note');
  });
  const base = builtInTemplate('incoming-chat');
  it.each([
    ['incoming-chat', { ...base, kind: 'toast', autoAccept: true }, null],
    // Auto-accepted work is announced with the 'assigned' toast, whatever this template's kind.
    ['incoming-chat', { ...base, kind: 'alert', autoAccept: true }, null],
    ['transfer', { ...base, kind: 'alert', autoAccept: true }, 'auto-accept applies'],
    ['consult', { ...base, kind: 'toast' }, 'is an alert'],
    ['assigned', { ...base, kind: 'alert' }, 'is a toast'],
    ['incoming-sms', { ...base, kind: 'toast' }, null],
  ] as const)('%s %o: %s', (scenario, t, refusal) => {
    const got = templateRefusal(scenario, t);
    if (refusal === null) expect(got).toBeNull();
    else expect(got).toContain(refusal);
  });
  it('auto-accept applies only to offers of new work', () => {
    expect(NOTIFICATION_SCENARIOS.filter(autoAcceptApplies)).toEqual([
      'incoming-chat',
      'incoming-sms',
      'incoming-social',
      'escalation',
      'bot-escalation',
    ]);
  });
});
