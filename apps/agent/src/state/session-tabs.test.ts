import {
  WORKSPACE_LIMITS,
  applyWorkspaceChanges,
  emptyWorkspaceState,
  type WorkspaceChanges,
} from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { id } from '../test/outbound-fixtures';
import {
  activateSessionTab,
  closeSessionTab,
  openRecordTab,
  openSessionTab,
  recordOfTab,
  recordTabId,
} from './session-tabs';
import { bindSessions, conversationTabId, showWorkspace, summaryTabId, useSessions } from './sessions-store';
import type { WorkspaceSync } from './workspace-sync';

const CONVERSATION = id(1);
const OTHER = id(2);

/** A workspace that applies every change at once, as the sync shows it before the server answers. */
function fakeWorkspace() {
  let state = emptyWorkspaceState();
  const writes: WorkspaceChanges[] = [];
  const sync = {
    current: () => state,
    change(changes: WorkspaceChanges) {
      writes.push(changes);
      state = applyWorkspaceChanges(state, changes);
      showWorkspace(state);
    },
  } as unknown as WorkspaceSync;
  bindSessions(sync);
  return { writes, state: () => state };
}

const session = (conversationId: string) => useSessions.getState().tabs[conversationId]!;

describe('tabs inside a session (AG6, AG9)', () => {
  let ws: ReturnType<typeof fakeWorkspace>;
  beforeEach(() => {
    ws = fakeWorkspace();
    useSessions.getState().open(CONVERSATION, 'Emma');
  });

  it('opens a new session on the customer summary, the conversation tab first', () => {
    expect(session(CONVERSATION).tabs.map((t) => t.kind)).toEqual(['conversation', 'customer-summary']);
    expect(session(CONVERSATION).activeTabId).toBe(summaryTabId(CONVERSATION));
  });

  it('opens a record once per session and shows it; the same record in another session has its own tab', () => {
    useSessions.getState().open(OTHER, 'Lucas');
    const caseId = id(50);
    expect(openRecordTab(CONVERSATION, 'case', caseId, 'CAS-01001 Invoice')).toBe('opened');
    expect(openRecordTab(CONVERSATION, 'contact', id(51), 'Emma Janssen')).toBe('opened');
    expect(openRecordTab(CONVERSATION, 'case', caseId, 'CAS-01001 Invoice (renamed)')).toBe('opened');
    const tabs = session(CONVERSATION).tabs;
    expect(tabs.map((t) => t.kind)).toEqual(['conversation', 'customer-summary', 'case', 'record']);
    expect(tabs[2]!.title).toBe('CAS-01001 Invoice (renamed)');
    expect(session(CONVERSATION).activeTabId).toBe(recordTabId('case', caseId, CONVERSATION));
    expect(recordOfTab(tabs[2]!)).toEqual({ kind: 'case', id: caseId });
    expect(recordOfTab(tabs[3]!)).toEqual({ kind: 'contact', id: id(51) });

    expect(openRecordTab(OTHER, 'case', caseId, 'CAS-01001 Invoice')).toBe('opened');
    expect(recordTabId('case', caseId, OTHER)).not.toBe(recordTabId('case', caseId, CONVERSATION));
    expect(recordTabId('contact', caseId, CONVERSATION).length).toBeLessThanOrEqual(80);
  });

  it('keeps at most the workspace’s tabs per session', () => {
    for (let n = 0; n < WORKSPACE_LIMITS.tabsPerSession - 2; n++)
      expect(openRecordTab(CONVERSATION, 'case', id(100 + n), `Case ${n}`)).toBe('opened');
    expect(openRecordTab(CONVERSATION, 'case', id(200), 'One too many')).toBe('full');
    expect(session(CONVERSATION).tabs).toHaveLength(WORKSPACE_LIMITS.tabsPerSession);
    // One already open still shows.
    expect(openRecordTab(CONVERSATION, 'case', id(100), 'Case 0')).toBe('opened');
    expect(openSessionTab(id(3), { id: 'knowledge:x', kind: 'knowledge', title: 'x' })).toBe('no-session');
  });

  it('closes record tabs, showing the one before; the conversation and summary tabs stay', () => {
    openRecordTab(CONVERSATION, 'case', id(50), 'A');
    openRecordTab(CONVERSATION, 'account', id(52), 'Fabrikam');
    const account = recordTabId('account', id(52), CONVERSATION);
    closeSessionTab(CONVERSATION, account);
    expect(session(CONVERSATION).activeTabId).toBe(recordTabId('case', id(50), CONVERSATION));
    activateSessionTab(CONVERSATION, conversationTabId(CONVERSATION));
    expect(session(CONVERSATION).activeTabId).toBe(conversationTabId(CONVERSATION));
    closeSessionTab(CONVERSATION, conversationTabId(CONVERSATION));
    closeSessionTab(CONVERSATION, summaryTabId(CONVERSATION));
    expect(session(CONVERSATION).tabs.map((t) => t.kind)).toEqual(['conversation', 'customer-summary', 'case']);
    // Every change went to the workspace as the whole session, so other tabs and machines see it (AG3).
    expect(ws.writes.at(-1)!.sessions![CONVERSATION]!.tabs).toHaveLength(3);
  });
});
