import { describe, expect, it } from 'vitest';
import { MacroStep, NewMacro, unknownMacroPlaceholders } from '@switchboard/protocol';
import { fillPlaceholders, runMacro, type MacroActionTable, type StepOutcome } from './interpreter.js';

const CASE_ID = '00000000-0000-4000-8000-00000000c0de';
const ok = (message: string, extra: Partial<Extract<StepOutcome, { ok: true }>> = {}): StepOutcome => ({
  ok: true,
  message,
  ...extra,
});

/** Fake actions: each records what it was called with, in order. */
function fakeActions(over: Partial<MacroActionTable> = {}) {
  const calls: { kind: string; step: unknown }[] = [];
  const record = (kind: string, step: unknown) => calls.push({ kind, step });
  const actions: MacroActionTable = {
    createCase: async (step) => {
      record('createCase', step);
      return ok('Created case CAS-01001', {
        outputs: { caseId: CASE_ID, caseNumber: 'CAS-01001' },
        values: { 'case.id': CASE_ID, 'case.number': 'CAS-01001' },
        open: { kind: 'case', id: CASE_ID, label: 'CAS-01001' },
      });
    },
    openRecord: async (step) => (record('openRecord', step), ok('opened')),
    linkRecord: async (step) => (record('linkRecord', step), ok('linked')),
    unlinkRecord: async (step) => (record('unlinkRecord', step), ok('unlinked')),
    searchKnowledge: async (step) => (record('searchKnowledge', step), ok('1 article', { knowledge: [hit] })),
    sendQuickReply: async (step) => (record('sendQuickReply', step), ok('sent')),
    setField: async (step) => (record('setField', step), ok('set')),
    resolveCase: async (step) => (record('resolveCase', step), ok('resolved')),
    ...over,
  };
  return { actions, calls };
}

const hit = {
  id: CASE_ID,
  title: 'Printer',
  language: 'en' as const,
  titleHtml: 'Printer',
  snippetHtml: '',
  rank: 1,
  url: 'http://x/kb/1',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const values = { 'customer.name': 'Ada', 'context.orderId': 'A-17', 'conversation.id': 'conv-1' };
const steps = (list: unknown[]) => list.map((s) => MacroStep.parse(s));

describe('macro interpreter (AG8)', () => {
  it('runs every step in order and fills placeholders from the conversation', async () => {
    const { actions, calls } = fakeActions();
    const run = await runMacro(
      {
        id: 'm1',
        steps: steps([
          { id: 's1', kind: 'createCase', title: 'Order {context.orderId} for {customer.name}', priority: 'high' },
          { id: 's2', kind: 'linkRecord', record: 'case', ref: '{case.id}' },
          { id: 's3', kind: 'sendQuickReply', text: 'Case {steps.s1.caseNumber} opened, {customer.name}' },
        ]),
      },
      values,
      actions,
    );
    expect(run.ok).toBe(true);
    expect(calls.map((c) => c.kind)).toEqual(['createCase', 'linkRecord', 'sendQuickReply']);
    expect(calls[0]!.step).toMatchObject({ title: 'Order A-17 for Ada', priority: 'high' });
    // Outputs of an earlier step reach the later ones, by value and by step id.
    expect(calls[1]!.step).toMatchObject({ ref: CASE_ID });
    expect(calls[2]!.step).toMatchObject({ text: 'Case CAS-01001 opened, Ada' });
    expect(run.open).toEqual([{ kind: 'case', id: CASE_ID, label: 'CAS-01001' }]);
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(run.steps[0]!.outputs).toEqual({ caseId: CASE_ID, caseNumber: 'CAS-01001' });
  });

  it('stops at the first failing step, naming it and why; later ones skipped, earlier ones done', async () => {
    const { actions, calls } = fakeActions({
      sendQuickReply: async () => ({ ok: false, reason: 'quick reply 1234 not found' }),
    });
    const run = await runMacro(
      {
        id: 'm1',
        steps: steps([
          { id: 'make', kind: 'createCase', title: 'x' },
          { id: 'tell', kind: 'sendQuickReply', quickReplyId: CASE_ID },
          { id: 'done', kind: 'resolveCase' },
        ]),
      },
      values,
      actions,
    );
    expect(run.ok).toBe(false);
    expect(run.failed).toEqual({
      stepId: 'tell',
      index: 1,
      reason: 'step 2 (tell, sendQuickReply): quick reply 1234 not found',
    });
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'failed', 'skipped']);
    expect(calls.map((c) => c.kind)).toEqual(['createCase']);
    // The case the first step created is still to be opened: it exists.
    expect(run.open).toHaveLength(1);
  });

  it('fails a step whose placeholder has no value, without calling its action', async () => {
    const { actions, calls } = fakeActions();
    const run = await runMacro(
      { id: 'm1', steps: steps([{ id: 'a', kind: 'searchKnowledge', phrase: 'order {context.missing}' }]) },
      values,
      actions,
    );
    expect(run.failed?.reason).toBe('step 1 (a, searchKnowledge): {context.missing} has no value in this conversation');
    expect(calls).toEqual([]);
  });

  it('turns an action that throws into a failed step with its message', async () => {
    const { actions } = fakeActions({
      resolveCase: async () => {
        throw new Error('case CAS-9 not found');
      },
    });
    const run = await runMacro({ id: 'm', steps: steps([{ id: 'r', kind: 'resolveCase' }]) }, values, actions);
    expect(run.failed?.reason).toBe('step 1 (r, resolveCase): case CAS-9 not found');
  });

  it('never fills fields that name things (a record kind, a field name)', async () => {
    const { actions, calls } = fakeActions();
    await runMacro(
      {
        id: 'm',
        steps: steps([{ id: 'f', kind: 'setField', target: 'context', field: 'orderId', value: '{customer.name}' }]),
      },
      values,
      actions,
    );
    expect(calls[0]!.step).toMatchObject({ field: 'orderId', value: 'Ada' });
  });

  it('passes the knowledge results of a search on for the workspace to show', async () => {
    const { actions } = fakeActions();
    const run = await runMacro(
      { id: 'm', steps: steps([{ id: 'k', kind: 'searchKnowledge', phrase: 'p' }]) },
      {},
      actions,
    );
    expect(run.steps[0]!.knowledge).toHaveLength(1);
  });
});

describe('macro placeholders and steps (AG8)', () => {
  it('fills a text and reports the first missing name', () => {
    expect(fillPlaceholders('{a} and {b}', { a: '1', b: '2' })).toEqual({ ok: true, text: '1 and 2' });
    expect(fillPlaceholders('{a} and {b}', { a: '1' })).toEqual({ ok: false, missing: 'b' });
  });

  it('knows which placeholders a run could fill', () => {
    expect(unknownMacroPlaceholders('{customer.name} {context.orderId} {steps.s1.caseId} {case.number}')).toEqual([]);
    expect(unknownMacroPlaceholders('{customer.nmae} {foo} {steps.s1}')).toEqual(['customer.nmae', 'foo', 'steps.s1']);
  });

  it('refuses a quick reply step naming both or neither, and duplicate step ids', () => {
    expect(MacroStep.safeParse({ id: 'q', kind: 'sendQuickReply' }).success).toBe(false);
    expect(MacroStep.safeParse({ id: 'q', kind: 'sendQuickReply', text: 'a', quickReplyId: CASE_ID }).success).toBe(
      false,
    );
    const twice = {
      name: 'm',
      steps: [
        { id: 'a', kind: 'resolveCase' },
        { id: 'a', kind: 'resolveCase' },
      ],
    };
    expect(NewMacro.safeParse(twice).success).toBe(false);
  });
});
