import { describe, expect, it } from 'vitest';
import type { Condition, ScriptStep } from '@switchboard/protocol';
import { routingContext } from '../routing/test-builders.js';
import { scriptUseRefusal } from '../macros/who-may-run.js';
import { chooseScript, markStep, reachableSubScripts, subScriptCycle, type ScriptFacts } from './scripts.js';

const text = (id: string): ScriptStep => ({ id, kind: 'text', text: id });
const sub = (id: string, scriptId: string): ScriptStep => ({ id, kind: 'script', scriptId });
const script = (over: Partial<ScriptFacts> & { id: string }): ScriptFacts => ({
  name: over.id.toUpperCase(),
  workstreamId: 'ws1',
  rule: null,
  order: 0,
  steps: [text('t1')],
  ...over,
});
const vip: Condition = { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'vip' };

describe('choosing a conversation script (AG7)', () => {
  const fallback = script({ id: 'default', order: 5 });
  const rule = script({ id: 'vip', rule: vip, order: 1 });
  const otherWs = script({ id: 'other', workstreamId: 'ws2', rule: { kind: 'always' }, order: 0 });

  it('takes the first rule that holds, lowest order first', () => {
    const ctx = routingContext({ context: { tier: 'VIP' } });
    const later = script({ id: 'later', rule: { kind: 'always' }, order: 9, workstreamId: null });
    expect(chooseScript([later, fallback, rule], { workstreamId: 'ws1', context: ctx })?.id).toBe('vip');
  });

  it("falls back to the workstream's default when no rule holds", () => {
    const ctx = routingContext({ context: { tier: 'basic' } });
    expect(chooseScript([fallback, rule, otherWs], { workstreamId: 'ws1', context: ctx })?.id).toBe('default');
  });

  it('ignores rules and defaults of another workstream; none when nothing fits', () => {
    expect(chooseScript([otherWs], { workstreamId: 'ws1', context: routingContext() })).toBeNull();
    const anyWs = script({ id: 'any', workstreamId: null });
    // A script with no workstream and no rule is only a sub-script: never chosen by itself.
    expect(chooseScript([anyWs], { workstreamId: 'ws1', context: routingContext() })).toBeNull();
  });
});

describe('sub-script loops are refused when saved (AG7)', () => {
  it('finds a loop through other scripts and names it', () => {
    const b = script({ id: 'b', steps: [sub('s', 'c')] });
    const c = script({ id: 'c', steps: [sub('s', 'a')] });
    const a = script({ id: 'a', steps: [text('x'), sub('s', 'b')] });
    expect(subScriptCycle(a, [b, c])).toEqual(['A', 'B', 'C', 'A']);
  });

  it('finds a script opening itself', () => {
    const a = script({ id: 'a', steps: [sub('s', 'a')] });
    expect(subScriptCycle(a, [])).toEqual(['A', 'A']);
  });

  it('accepts a diamond (two paths to one script) and checks the saved version, not the stored one', () => {
    const d = script({ id: 'd' });
    const b = script({ id: 'b', steps: [sub('s', 'd')] });
    const c = script({ id: 'c', steps: [sub('s', 'd')] });
    const a = script({ id: 'a', steps: [sub('1', 'b'), sub('2', 'c')] });
    expect(subScriptCycle(a, [b, c, d])).toBeNull();
    const storedA = script({ id: 'a', steps: [sub('1', 'b')] });
    const newD = script({ id: 'd', steps: [sub('s', 'a')] });
    expect(subScriptCycle(newD, [storedA, b])).toEqual(['D', 'A', 'B', 'D']);
  });

  it('lists every sub-script a script reaches, once each', () => {
    const d = script({ id: 'd' });
    const b = script({ id: 'b', steps: [sub('s', 'd')] });
    const a = script({ id: 'a', steps: [sub('1', 'b'), sub('2', 'd')] });
    expect(
      reachableSubScripts(a, [a, b, d])
        .map((s) => s.id)
        .sort(),
    ).toEqual(['b', 'd']);
  });
});

describe('script progress (AG7)', () => {
  const s = script({ id: 'a', steps: [text('one'), text('two'), text('three')] });

  it('keeps done steps once each, in step order, and can undo one', () => {
    const first = markStep(s, [], 'three', true);
    expect(first).toEqual({ ok: true, done: ['three'] });
    const second = markStep(s, ['three'], 'one', true);
    expect(second).toEqual({ ok: true, done: ['one', 'three'] });
    expect(markStep(s, ['one', 'three'], 'one', true)).toEqual({ ok: true, done: ['one', 'three'] });
    expect(markStep(s, ['one', 'three'], 'one', false)).toEqual({ ok: true, done: ['three'] });
  });

  it('refuses a step the script does not have, and drops ids of steps since removed', () => {
    expect(markStep(s, [], 'nine', true)).toEqual({ ok: false, reason: 'script "A" has no step nine' });
    expect(markStep(s, ['gone'], 'two', true)).toEqual({ ok: true, done: ['two'] });
  });
});

describe('who may use a conversation script and its macros (AG7, AG8)', () => {
  const agent = { userId: 'u1', supervises: false };
  const other = { userId: 'u2', supervises: false };
  const supervisor = { userId: 'u3', supervises: true };
  const active = { state: 'active' as const, agentId: 'u1' };

  it.each([
    ['the agent runs in an active conversation', active, agent, 'run', null],
    ['a supervisor runs', active, supervisor, 'run', null],
    [
      'another agent',
      active,
      other,
      'read',
      "only the conversation's agent or a supervisor may use its script and macros",
    ],
    [
      'a run in wrap-up',
      { ...active, state: 'wrap-up' as const },
      agent,
      'run',
      'macros run only in an active conversation; this one is wrap-up',
    ],
    ['marking in wrap-up', { ...active, state: 'wrap-up' as const }, agent, 'mark', null],
    ['marking once closed', { ...active, state: 'closed' as const }, agent, 'mark', 'this conversation is closed'],
    ['reading once closed', { ...active, state: 'closed' as const }, agent, 'read', null],
  ] as const)('%s', (_name, c, who, use, refusal) => {
    expect(scriptUseRefusal(c, who, use)).toBe(refusal);
  });
});
