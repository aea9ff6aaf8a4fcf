import type { DispositionCode, WrapUp } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { codeChoices, wrapUpMode } from './wrap-up';

const NONE: WrapUp = { dispositionCodeId: null, dispositionName: null, note: '' };
const SAVED: WrapUp = { dispositionCodeId: 'c3', dispositionName: 'Callback', note: 'Calls back Monday' };
const ME = 'u1';
const at = '2025-01-01T10:00:00.000Z';

describe('wrapUpMode (AG4)', () => {
  it.each<[string, Parameters<typeof wrapUpMode>[0], WrapUp, 'edit' | 'view' | null]>([
    ['mine, active and accepted', { state: 'active', agentId: ME, acceptedAt: at }, NONE, 'edit'],
    ['mine, only offered', { state: 'active', agentId: ME, acceptedAt: null }, NONE, null],
    ['mine, parked', { state: 'waiting', agentId: ME, acceptedAt: at }, NONE, 'edit'],
    ['mine, in wrap-up', { state: 'wrap-up', agentId: ME, acceptedAt: at }, NONE, 'edit'],
    ['mine, closed with nothing saved', { state: 'closed', agentId: ME, acceptedAt: at }, NONE, null],
    ['mine, closed with a saved form', { state: 'closed', agentId: ME, acceptedAt: at }, SAVED, 'view'],
    ["a colleague's in wrap-up, saved", { state: 'wrap-up', agentId: 'u2', acceptedAt: at }, SAVED, 'view'],
    ["a colleague's in wrap-up, nothing saved", { state: 'wrap-up', agentId: 'u2', acceptedAt: at }, NONE, null],
  ])('%s → %s', (_name, c, saved, mode) => {
    expect(wrapUpMode(c, ME, saved)).toBe(mode);
  });
});

describe('codeChoices (AG4)', () => {
  const codes: DispositionCode[] = [
    { id: 'c1', name: 'Escalated', active: true },
    { id: 'c2', name: 'Resolved', active: true },
    { id: 'c3', name: 'Callback', active: false },
  ];
  it('offers the active codes only', () => {
    expect(codeChoices(codes, NONE).map((c) => c.name)).toEqual(['Escalated', 'Resolved']);
  });
  it('keeps the retired code the conversation carries, last', () => {
    expect(codeChoices(codes, SAVED).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(codeChoices([], SAVED)).toEqual([{ id: 'c3', name: 'Callback', retired: true }]);
  });
});
