import {
  applyWorkspaceChanges,
  emptyWorkspaceState,
  type WorkspaceChanges,
  type WorkspaceState,
} from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { holdOf, type ConversationFacts, type Hold } from './holds.js';
import { diffWorkspace, visibleWorkspace, writeWorkspace, type WriteRules } from './workspace-write.js';

const c = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const session = (n: number, title = `Visitor ${n}`) => ({
  id: c(n),
  conversationId: c(n),
  tabs: [{ id: `conversation:${n}`, kind: 'conversation' as const, title }],
  activeTabId: `conversation:${n}`,
});
const stateOf = (ns: number[], more: Partial<WorkspaceState> = {}): WorkspaceState => ({
  ...emptyWorkspaceState(),
  sessions: ns.map((n) => session(n)),
  activeSessionId: ns.length ? c(ns[0]!) : null,
  ...more,
});
const holds = (entries: Record<number, Hold>) => new Map(Object.entries(entries).map(([n, h]) => [c(Number(n)), h]));

describe('which sessions a workspace keeps (AG3)', () => {
  const ann = { userId: 'ann', role: 'agent' as const };
  const facts = (f: Partial<ConversationFacts>): ConversationFacts => ({
    agentId: 'ann',
    state: 'active',
    consulting: false,
    ...f,
  });
  it.each([
    ['mine, active', facts({}), ann, 'held'],
    ['mine, waiting', facts({ state: 'waiting' }), ann, 'held'],
    ['mine, in wrap-up', facts({ state: 'wrap-up' }), ann, 'held'],
    ['mine, closed: open to read', facts({ state: 'closed' }), ann, 'kept'],
    ['transferred to ben', facts({ agentId: 'ben' }), ann, 'gone'],
    ['I consult on it', facts({ agentId: 'ben', consulting: true }), ann, 'held'],
    ['I consulted on it, now closed', facts({ agentId: 'ben', consulting: true, state: 'closed' }), ann, 'gone'],
    ['does not exist (or another organisation)', undefined, ann, 'gone'],
    ["a supervisor reads anyone's", facts({ agentId: 'ben' }), { userId: 'sue', role: 'supervisor' as const }, 'kept'],
  ] as const)('%s: %s', (_why, f, who, hold) => {
    expect(holdOf(f, who)).toBe(hold);
  });
});

describe('the merge: the last write of each field wins (AG3)', () => {
  it('a write changes only the fields it names', () => {
    const base = stateOf([1, 2], { drafts: { [c(1)]: 'hello', [c(2)]: 'bye' }, scroll: { 'conversation:1': 40 } });
    const next = applyWorkspaceChanges(base, { drafts: { [c(1)]: 'hello there' } });
    expect(next.drafts).toEqual({ [c(1)]: 'hello there', [c(2)]: 'bye' });
    expect(next.sessions).toEqual(base.sessions);
    expect(next.scroll).toEqual(base.scroll);
    expect(next.activeSessionId).toBe(c(1));
  });

  it.each([
    ['null drops a draft', { drafts: { [c(1)]: null } }, {}],
    ["'' drops a draft", { drafts: { [c(1)]: '' } }, {}],
    ['white space is a draft', { drafts: { [c(1)]: '  ' } }, { [c(1)]: '  ' }],
  ])('%s', (_why, changes, drafts) => {
    expect(applyWorkspaceChanges(stateOf([1], { drafts: { [c(1)]: 'x' } }), changes).drafts).toEqual(drafts);
  });

  it('a changed session keeps its place, a new one goes last, null closes one', () => {
    const next = applyWorkspaceChanges(stateOf([1, 2, 3]), {
      sessions: { [c(2)]: session(2, 'Renamed'), [c(4)]: session(4), [c(1)]: null },
    });
    expect(next.sessions.map((s) => s.tabs[0]!.title)).toEqual(['Renamed', 'Visitor 3', 'Visitor 4']);
  });

  it('two writers from one base version: both of their fields are kept, in either order', () => {
    const base = stateOf([1, 2]);
    const a = { drafts: { [c(1)]: 'from tab A' } };
    const b = { drafts: { [c(2)]: 'from tab B' }, activeSessionId: c(2) };
    const ab = applyWorkspaceChanges(applyWorkspaceChanges(base, a), b);
    const ba = applyWorkspaceChanges(applyWorkspaceChanges(base, b), a);
    expect(ab).toEqual(ba);
    expect(ab.drafts).toEqual({ [c(1)]: 'from tab A', [c(2)]: 'from tab B' });
  });

  it('the same field from two writers: the later one wins', () => {
    const base = stateOf([1]);
    const later = applyWorkspaceChanges(applyWorkspaceChanges(base, { drafts: { [c(1)]: 'first' } }), {
      drafts: { [c(1)]: 'second' },
    });
    expect(later.drafts[c(1)]).toBe('second');
  });
});

describe('what a read shows (AG3)', () => {
  it('sessions of conversations the agent no longer holds drop out, with their drafts and scroll', () => {
    const stored = stateOf([1, 2], {
      activeSessionId: c(2),
      drafts: { [c(1)]: 'keep', [c(2)]: 'gone' },
      scroll: { 'conversation:1': 10, 'conversation:2': 20 },
    });
    const seen = visibleWorkspace(stored, holds({ 1: 'held', 2: 'gone' }));
    expect(seen).toEqual({
      sessions: [session(1)],
      activeSessionId: c(1),
      drafts: { [c(1)]: 'keep' },
      scroll: { 'conversation:1': 10 },
    });
  });
});

describe('a write, and why one is refused (AG3)', () => {
  const rules = (h: Record<number, Hold>, sessionLimit: number | null = null) => ({
    holds: holds(h),
    sessionLimit,
  });

  const refusals: [string, WorkspaceState, WorkspaceChanges, WriteRules, 'not-found' | 'conflict', string][] = [
    [
      'a session of a conversation that is not mine',
      stateOf([]),
      { sessions: { [c(9)]: session(9) } },
      rules({ 9: 'gone' }),
      'not-found',
      `Conversation ${c(9)} not found`,
    ],
    [
      'a second session of one conversation',
      stateOf([1]),
      {
        sessions: {
          [c(5)]: { ...session(1), id: c(5), tabs: [{ ...session(1).tabs[0]!, id: 'other' }], activeTabId: 'other' },
        },
      },
      rules({ 1: 'held' }),
      'conflict',
      'already has a session',
    ],
    [
      'a tab id already in another session',
      stateOf([1]),
      { sessions: { [c(2)]: { ...session(2), tabs: session(1).tabs, activeTabId: session(1).activeTabId } } },
      rules({ 1: 'held', 2: 'held' }),
      'conflict',
      'Tab conversation:1 is already in session',
    ],
    [
      'a new session over the limit when every open one is held',
      stateOf([1, 2]),
      { sessions: { [c(3)]: session(3) } },
      rules({ 1: 'held', 2: 'held', 3: 'held' }, 2),
      'conflict',
      'At most 2 sessions',
    ],
  ];
  it.each(refusals)('%s', (_why, current, changes, r, kind, message) => {
    const out = writeWorkspace(current, changes, r);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.kind).toBe(kind);
      expect(out.message).toContain(message);
    }
  });

  it('over the limit, the oldest session of a closed conversation makes room', () => {
    const out = writeWorkspace(
      stateOf([1, 2, 3]),
      { sessions: { [c(4)]: session(4) }, activeSessionId: c(4) },
      rules({ 1: 'held', 2: 'kept', 3: 'kept', 4: 'held' }, 3),
    );
    expect(out.ok && out.state.sessions.map((s) => s.id)).toEqual([c(1), c(3), c(4)]);
    expect(out.ok && out.changes).toEqual({
      sessions: { [c(4)]: session(4), [c(2)]: null },
      activeSessionId: c(4),
    });
  });

  it('a limit lowered meanwhile closes nothing: a write that opens no session still goes in', () => {
    const out = writeWorkspace(
      stateOf([1, 2, 3]),
      { drafts: { [c(3)]: 'hi' } },
      rules({ 1: 'held', 2: 'held', 3: 'held' }, 1),
    );
    expect(out.ok && out.state.sessions).toHaveLength(3);
  });

  it('an active session that is not open falls back to the first, drafts only of open conversations', () => {
    const out = writeWorkspace(
      stateOf([1]),
      { activeSessionId: c(7), drafts: { [c(1)]: 'mine', [c(7)]: 'nowhere' } },
      rules({ 1: 'held' }),
    );
    expect(out.ok && out.state).toMatchObject({ activeSessionId: c(1), drafts: { [c(1)]: 'mine' } });
  });

  it('no active session is the home view (AG10): it stays so, the sessions stay open', () => {
    const out = writeWorkspace(stateOf([1, 2]), { activeSessionId: null }, rules({ 1: 'held', 2: 'held' }));
    expect(out.ok && out.state).toMatchObject({ activeSessionId: null, sessions: [session(1), session(2)] });
    expect(visibleWorkspace(stateOf([1], { activeSessionId: null }), holds({ 1: 'held' })).activeSessionId).toBeNull();
  });

  it('the changes sent to other tabs include sessions that dropped out since the last write', () => {
    const out = writeWorkspace(stateOf([1, 2]), { drafts: { [c(1)]: 'x' } }, rules({ 1: 'held', 2: 'gone' }));
    expect(out.ok && out.changes).toEqual({ sessions: { [c(2)]: null }, drafts: { [c(1)]: 'x' } });
  });

  it('the diff applied to the state before gives the state after', () => {
    const before = stateOf([1, 2], { drafts: { [c(1)]: 'a' }, scroll: { 'conversation:2': 5 } });
    const after = stateOf([2, 3], { activeSessionId: c(3), drafts: { [c(3)]: 'b' }, scroll: { 'conversation:2': 9 } });
    expect(applyWorkspaceChanges(before, diffWorkspace(before, after))).toEqual(after);
  });
});
