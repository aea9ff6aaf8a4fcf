import { describe, expect, it } from 'vitest';
import type { ConversationState } from '@switchboard/protocol';
import { dispositionRefusal, storedNote, wrapUpRefusal, type WrapUpFacts } from './wrap-up-form.js';

const facts = (state: ConversationState, accepted = true, dispositionCodeId: string | null = null): WrapUpFacts => ({
  state,
  accepted,
  dispositionCodeId,
});

describe('wrap-up form (AG4): when it may be saved', () => {
  // By hand: the agent's own conversation until it is closed; not before they accepted it.
  it.each<[string, WrapUpFacts, 'conflict' | null]>([
    ['active, accepted', facts('active'), null],
    ['active, only offered', facts('active', false), 'conflict'],
    ['parked (waiting)', facts('waiting'), null],
    ['in wrap-up', facts('wrap-up'), null],
    ['closed', facts('closed'), 'conflict'],
    ['back in a queue', facts('open', false), 'conflict'],
  ])('%s → %s', (_name, c, kind) => {
    expect(wrapUpRefusal(c)?.kind ?? null).toBe(kind);
  });

  it('says why a closed conversation is refused', () => {
    expect(wrapUpRefusal(facts('closed'))?.message).toContain('closed');
  });
});

describe('wrap-up form (AG4): which code may be picked', () => {
  const active = { name: 'Resolved', active: true };
  const retired = { name: 'Old', active: false };
  it.each<[string, WrapUpFacts, { name: string; active: boolean } | undefined, 'not-found' | 'invalid' | null]>([
    ['an active code', facts('wrap-up'), active, null],
    ['an unknown code (or another organisation’s)', facts('wrap-up'), undefined, 'not-found'],
    ['a retired code', facts('wrap-up'), retired, 'invalid'],
    ['a retired code the conversation already carries', facts('wrap-up', true, 'c1'), retired, null],
    ['a retired code while it carries another', facts('wrap-up', true, 'c2'), retired, 'invalid'],
  ])('%s → %s', (_name, c, code, kind) => {
    expect(dispositionRefusal(c, 'c1', code)?.kind ?? null).toBe(kind);
  });

  it('names the retired code', () => {
    expect(dispositionRefusal(facts('wrap-up'), 'c1', retired)?.message).toContain('"Old" is retired');
  });

  it('keeps an empty note as none', () => {
    expect([storedNote(''), storedNote('  \n'), storedNote('Refund sent')]).toEqual([null, null, 'Refund sent']);
  });
});
